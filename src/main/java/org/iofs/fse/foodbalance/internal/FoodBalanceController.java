package org.iofs.fse.foodbalance.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.Commodity;

import org.iofs.fse.shared.web.TableDownload;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The country cockpit's "Food balance" tab: one year's sheet with its flags and checks, loaded by htmx. */
@Controller
class FoodBalanceController {

	/** The elements the tab shows as columns, in sheet order; the API carries them all. */
	static final List<Integer> COLUMNS = List.of(5511, 5611, 5072, 5911, 5301, 5521, 5123, 5142, 645);

	private final FoodBalance foodBalance;

	private final Commodities commodities;

	private final MessageSource messages;

	FoodBalanceController(FoodBalance foodBalance, Commodities commodities, MessageSource messages) {
		this.foodBalance = foodBalance;
		this.commodities = commodities;
		this.messages = messages;
	}

	@GetMapping("/countries/{iso3}/food-balance")
	String sheet(@PathVariable String iso3, @RequestParam(required = false) Integer year, Model model) {
		List<Integer> years = foodBalance.years(iso3);
		model.addAttribute("iso3", iso3.toUpperCase(Locale.ROOT));
		model.addAttribute("years", years);
		model.addAttribute("columns", COLUMNS);
		if (!years.isEmpty()) {
			int shown = year != null && years.contains(year) ? year : years.get(0);
			model.addAttribute("year", shown);
			FoodBalance.Sheet sheet = foodBalance.sheet(iso3, shown, null);
			model.addAttribute("sheet", sheet);
			model.addAttribute("commodities", commodities.all()
				.stream()
				.collect(Collectors.toMap(Commodity::code, c -> c, (a, b) -> a)));
			model.addAttribute("charted", sheet.items()
				.stream()
				.map(FoodBalance.SheetItem::commodity)
				.filter(Objects::nonNull)
				.distinct()
				.toList());
		}
		return "foodbalance/sheet :: sheet";
	}

	/** A commodity's time series for the tab's chart, with the element names in the reader's language. */
	@GetMapping("/countries/{iso3}/food-balance/series")
	@ResponseBody
	Map<String, Object> series(@PathVariable String iso3, @RequestParam String commodity, Locale locale) {
		FoodBalance.Series series = foodBalance.series(iso3, commodity);
		List<Map<String, Object>> lines = series.values()
			.entrySet()
			.stream()
			.map(e -> Map.<String, Object>of("name", messages.getMessage("element." + e.getKey(), null, locale), "values",
					e.getValue()))
			.toList();
		return Map.of("years", series.years(), "series", lines);
	}

	/** The sheet as CSV or XLSX: every element of every item, with unit, flag and status. */
	@GetMapping("/countries/{iso3}/food-balance.{format:csv|xlsx}")
	ResponseEntity<StreamingResponseBody> download(@PathVariable String iso3, @PathVariable String format,
			@RequestParam int year) {
		FoodBalance.Sheet sheet = foodBalance.sheet(iso3, year, null);
		List<List<Object>> rows = sheet.items()
			.stream()
			.flatMap(item -> item.elements()
				.stream()
				.map(v -> List.<Object>of(sheet.country(), sheet.year(), item.itemCode(), item.itemName(),
						item.commodity() == null ? "" : item.commodity(), v.elementCode(), v.element(), v.value(), v.unit(),
						v.flag(), v.flagClass(), v.status())))
			.toList();
		return TableDownload.of("food-balance-" + sheet.country() + "-" + sheet.year(), TableDownload.format(format),
				List.of("iso3", "year", "item_code", "item", "commodity", "element_code", "element", "value", "unit", "flag",
						"flag_class", "status"),
				rows);
	}

}
