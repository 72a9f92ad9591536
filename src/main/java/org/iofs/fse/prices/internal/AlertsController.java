package org.iofs.fse.prices.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.CommodityKind;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.countries.OicGroup;
import org.iofs.fse.prices.internal.PriceQueries.Alert;
import org.iofs.fse.shared.PageOf;
import org.iofs.fse.shared.web.TableDownload;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/** The alerts page: price alerts by member and since a month (by default the last three), and its downloads. */
@Controller
class AlertsController {

	static final int PAGE_SIZE = 50;

	private final Prices prices;

	private final Countries countries;

	private final Commodities commodities;

	AlertsController(Prices prices, Countries countries, Commodities commodities) {
		this.prices = prices;
		this.countries = countries;
		this.commodities = commodities;
	}

	@GetMapping("/alerts")
	String alerts(@RequestParam(required = false) String country,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
			@RequestParam(required = false) String commodity, @RequestParam(required = false) String band,
			@RequestParam(required = false) String indicator, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int page, Model model) {
		LocalDate from = since != null ? since : defaultSince();
		String iso3 = country == null || country.isBlank() ? null : countries.get(country).iso3();
		AlertFilter filter = new AlertFilter(iso3, commodity, band, indicator, region, from);
		model.addAttribute("alerts", prices.alerts(filter, Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("filter", filter);
		model.addAttribute("country", iso3);
		model.addAttribute("since", from);
		model.addAttribute("members", countries.all());
		model.addAttribute("regions", OicGroup.values());
		model.addAttribute("commodityChoices", commodities.ofKind(CommodityKind.COMMODITY));
		model.addAttribute("commodityIndex",
				commodities.all().stream().collect(Collectors.toMap(c -> c.code(), Function.identity(), (a, b) -> a)));
		model.addAttribute("bands", List.of("MODERATE", "HIGH", "STRESS", "ALERT", "CRISIS"));
		model.addAttribute("countries", countries.all().stream().collect(Collectors.toMap(Country::iso3, Function.identity())));
		model.addAttribute("link", UriComponentsBuilder.fromPath("/alerts").queryParam("since", from)
			.queryParamIfPresent("country", Optional.ofNullable(iso3))
			.queryParamIfPresent("commodity", Optional.ofNullable(commodity).filter(t -> !t.isBlank()))
			.queryParamIfPresent("band", Optional.ofNullable(band).filter(t -> !t.isBlank()))
			.queryParamIfPresent("indicator", Optional.ofNullable(indicator).filter(t -> !t.isBlank()))
			.queryParamIfPresent("region", Optional.ofNullable(region).filter(t -> !t.isBlank()))
			.encode().build().toUriString());
		return "prices/alerts";
	}

	@GetMapping("/alerts.{format:csv|xlsx}")
	ResponseEntity<StreamingResponseBody> download(@PathVariable String format,
			@RequestParam(required = false) String country,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
			@RequestParam(required = false) String commodity, @RequestParam(required = false) String band,
			@RequestParam(required = false) String indicator, @RequestParam(required = false) String region,
			Locale locale) {
		LocalDate from = since != null ? since : defaultSince();
		String iso3 = country == null || country.isBlank() ? null : countries.get(country).iso3();
		// The same filters as the page: the download holds what the reader sees, all pages of it.
		AlertFilter filter = new AlertFilter(iso3, commodity, band, indicator, region, from);
		List<Alert> rows = new ArrayList<>();
		PageOf<Alert> page = prices.alerts(filter, 0, PageOf.MAX_SIZE);
		rows.addAll(page.items());
		for (int p = 1; p < page.totalPages() && rows.size() < PricesController.DOWNLOAD_LIMIT; p++) {
			rows.addAll(prices.alerts(filter, p, PageOf.MAX_SIZE).items());
		}
		Map<String, Country> byIso3 = countries.all().stream().collect(Collectors.toMap(Country::iso3, Function.identity()));
		return TableDownload.of("price-alerts", TableDownload.format(format),
				List.of("month", "iso3", "country", "market_id", "market", "series_id", "source_commodity", "commodity",
						"indicator", "value", "band"),
				rows.stream()
					.map(a -> List.<Object>of(a.month(), a.country(), byIso3.get(a.country()).name(locale), a.marketId(),
							a.market(), a.seriesId(), a.sourceCommodity(), a.commodity() == null ? "" : a.commodity(),
							a.indicator(), a.value(), a.band()))
					.toList());
	}

	private LocalDate defaultSince() {
		return prices.analysisMonth().minusMonths(2).atDay(1);
	}

}
