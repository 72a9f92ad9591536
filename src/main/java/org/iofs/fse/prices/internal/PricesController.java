package org.iofs.fse.prices.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.Commodity;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.prices.indicators.PriceSpikes;
import org.iofs.fse.shared.PageOf;
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

/**
 * The price pages: the country cockpit's "Prices" tab and a commodity's prices across the OIC (htmx fragments),
 * a series' chart data, the tables as CSV or XLSX, and each member's worst current band for the home map.
 */
@Controller
class PricesController {

	static final int PAGE_SIZE = 25;

	static final int DOWNLOAD_LIMIT = 10_000;

	private final Prices prices;

	private final Countries countries;

	private final Commodities commodities;

	private final MessageSource messages;

	PricesController(Prices prices, Countries countries, Commodities commodities, MessageSource messages) {
		this.prices = prices;
		this.countries = countries;
		this.commodities = commodities;
		this.messages = messages;
	}

	@GetMapping("/countries/{iso3}/prices")
	String countryTab(@PathVariable String iso3, @RequestParam(required = false) String commodity,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Country country = countries.get(iso3);
		String filter = commodity == null || commodity.isBlank() ? null : commodity;
		model.addAttribute("country", country);
		model.addAttribute("commodity", filter);
		model.addAttribute("commodities", commodities.all());
		model.addAttribute("commodityIndex", commodityIndex());
		model.addAttribute("series", prices.series(country.iso3(), filter, null, page, PAGE_SIZE));
		model.addAttribute("base", "/countries/" + country.iso3() + "/prices");
		model.addAttribute("analysisMonth", prices.analysisMonth().atDay(1));
		return "prices/series :: tab";
	}

	@GetMapping("/countries/{iso3}/prices.{format:csv|xlsx}")
	ResponseEntity<StreamingResponseBody> countryDownload(@PathVariable String iso3, @PathVariable String format,
			@RequestParam(required = false) String commodity) {
		Country country = countries.get(iso3);
		PageOf<PriceSeries> series = prices.series(country.iso3(), commodity == null || commodity.isBlank() ? null
				: commodity, null, 0, PageOf.MAX_SIZE);
		return download("prices-" + country.iso3(), format, all(country.iso3(), commodity, series));
	}

	@GetMapping("/commodities/{code}/prices")
	String commodityPrices(@PathVariable String code, @RequestParam(defaultValue = "0") int page, Model model) {
		Commodity commodity = commodities.get(code);
		model.addAttribute("commodityCode", commodity.code());
		model.addAttribute("commodityIndex", commodityIndex());
		model.addAttribute("series", prices.series(null, commodity.code(), null, page, PAGE_SIZE));
		model.addAttribute("countries", countries.all().stream().collect(Collectors.toMap(Country::iso3, Function.identity())));
		model.addAttribute("base", "/commodities/" + commodity.code() + "/prices");
		return "prices/series :: commodity";
	}

	@GetMapping("/commodities/{code}/prices.{format:csv|xlsx}")
	ResponseEntity<StreamingResponseBody> commodityDownload(@PathVariable String code, @PathVariable String format) {
		Commodity commodity = commodities.get(code);
		PageOf<PriceSeries> first = prices.series(null, commodity.code(), null, 0, PageOf.MAX_SIZE);
		return download("prices-" + commodity.code(), format, all(null, commodity.code(), first));
	}

	/** A series' months for its chart: price, ALPS seasonal trend, and the ALPS band of each month. */
	@GetMapping("/prices/series/{id}/chart")
	@ResponseBody
	Map<String, Object> chart(@PathVariable long id, Locale locale) {
		Prices.SeriesDetail detail = prices.series(id);
		List<String> months = new ArrayList<>();
		List<BigDecimal> price = new ArrayList<>();
		List<BigDecimal> trend = new ArrayList<>();
		List<Integer> bands = new ArrayList<>();
		for (PriceQueries.Month month : detail.months()) {
			months.add(month.month().toString().substring(0, 7));
			price.add(month.price());
			trend.add(month.trend());
			bands.add(month.alpsBand() == null ? null : PriceSpikes.Band.valueOf(month.alpsBand()).severity());
		}
		PriceSeries series = detail.series();
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("title", series.sourceCommodity() + " - " + series.market() + " (" + series.currency() + "/"
				+ series.unit() + ", " + series.priceType() + ")");
		chart.put("months", months);
		chart.put("price", price);
		chart.put("trend", trend);
		chart.put("bands", bands);
		chart.put("priceLabel", messages.getMessage("prices.chart.price", null, locale));
		chart.put("trendLabel", messages.getMessage("prices.chart.trend", null, locale));
		chart.put("bandLabels", Arrays.stream(PriceSpikes.Band.values())
			.map(b -> messages.getMessage("prices.band.alps." + b.name(), null, locale))
			.toList());
		return chart;
	}

	private Map<String, Commodity> commodityIndex() {
		return commodities.all().stream().collect(Collectors.toMap(Commodity::code, Function.identity(), (a, b) -> a));
	}

	private List<PriceSeries> all(String country, String commodity, PageOf<PriceSeries> first) {
		List<PriceSeries> rows = new ArrayList<>(first.items());
		for (int page = 1; page < first.totalPages() && rows.size() < DOWNLOAD_LIMIT; page++) {
			rows.addAll(prices.series(country, commodity, null, page, PageOf.MAX_SIZE).items());
		}
		return rows;
	}

	private static ResponseEntity<StreamingResponseBody> download(String name, String format, List<PriceSeries> rows) {
		return TableDownload.of(name, TableDownload.format(format),
				List.of("series_id", "iso3", "market_id", "market", "admin1", "admin2", "source_commodity", "commodity",
						"price_type", "unit", "currency", "latest_month", "latest_price", "price_per_base_unit",
						"base_unit", "change_pct", "ipa", "ipa_band", "alps", "alps_band", "current", "demo"),
				rows.stream()
					.map(s -> List.<Object>of(s.id(), s.country(), s.marketId(), s.market(), s.admin1(), s.admin2(),
							s.sourceCommodity(), orEmpty(s.commodity()), s.priceType(), s.unit(), s.currency(),
							orEmpty(s.latestMonth()), orEmpty(s.latestPrice()), orEmpty(s.pricePerBaseUnit()),
							orEmpty(s.baseUnit()), orEmpty(s.changePercent()), orEmpty(s.ipa()), orEmpty(s.ipaBand()),
							orEmpty(s.alps()), orEmpty(s.alpsBand()), s.current(), s.demo()))
					.toList());
	}

	private static Object orEmpty(Object value) {
		return value == null ? "" : value;
	}

}
