package org.iofs.fse.foodbalance.internal;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.shared.web.TableDownload;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A commodity across the OIC for one year: the self-sufficiency map, the rankings of producers, importers and
 * deficit countries (loaded by htmx into the commodity page), and the table as CSV or XLSX.
 */
@Controller
class CommodityBalanceController {

	static final int RANKED = 10;

	private final FoodBalance foodBalance;

	private final Countries countries;

	CommodityBalanceController(FoodBalance foodBalance, Countries countries) {
		this.foodBalance = foodBalance;
		this.countries = countries;
	}

	@GetMapping("/commodities/{code}/self-sufficiency")
	String overview(@PathVariable String code, @RequestParam(required = false) Integer year, Model model) {
		FoodBalance.CommodityYear data = foodBalance.commodityYear(code, year);
		model.addAttribute("data", data);
		model.addAttribute("countries", countries.all().stream().collect(Collectors.toMap(Country::iso3, Function.identity())));
		model.addAttribute("producers", top(data, FoodBalance.CountryQuantities::production, true));
		model.addAttribute("importers", top(data, FoodBalance.CountryQuantities::imports, true));
		model.addAttribute("deficits", top(data, FoodBalance.CountryQuantities::selfSufficiency, false));
		return "foodbalance/commodity :: overview";
	}

	@GetMapping("/commodities/{code}/self-sufficiency.{format:csv|xlsx}")
	ResponseEntity<StreamingResponseBody> download(@PathVariable String code, @PathVariable String format,
			@RequestParam(required = false) Integer year, Locale locale) {
		FoodBalance.CommodityYear data = foodBalance.commodityYear(code, year);
		Map<String, Country> byIso3 = countries.all().stream().collect(Collectors.toMap(Country::iso3, Function.identity()));
		List<List<Object>> rows = data.countries()
			.stream()
			.map(r -> List.<Object>of(r.country(), byIso3.get(r.country()).name(locale), data.year(), orEmpty(r.production()),
					orEmpty(r.imports()), orEmpty(r.exports()), orEmpty(r.domesticSupply()), orEmpty(r.selfSufficiency()),
					orEmpty(r.importDependency())))
			.toList();
		return TableDownload.of(data.commodity() + "-" + data.year(), TableDownload.format(format),
				List.of("iso3", "country", "year", "production_1000t", "imports_1000t", "exports_1000t",
						"domestic_supply_1000t", "self_sufficiency_pct", "import_dependency_pct"),
				rows);
	}

	private static Object orEmpty(BigDecimal value) {
		return value == null ? "" : value;
	}

	private static List<FoodBalance.CountryQuantities> top(FoodBalance.CommodityYear data,
			Function<FoodBalance.CountryQuantities, BigDecimal> measure, boolean largestFirst) {
		Comparator<FoodBalance.CountryQuantities> order = Comparator.comparing(measure);
		return data.countries()
			.stream()
			.filter(r -> measure.apply(r) != null && (!largestFirst || measure.apply(r).signum() > 0))
			.sorted(largestFirst ? order.reversed() : order)
			.limit(RANKED)
			.toList();
	}

}
