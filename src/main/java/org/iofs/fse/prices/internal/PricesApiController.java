package org.iofs.fse.prices.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.iofs.fse.prices.internal.PriceQueries.Alert;
import org.iofs.fse.prices.internal.PriceQueries.Market;
import org.iofs.fse.prices.indicators.PriceSpikes;
import org.iofs.fse.shared.PageOf;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Food prices", description = "Markets, price series with their FAO IPA and WFP ALPS indicators, alerts")
class PricesApiController {

	private final Prices prices;

	private final PriceEntry entry;

	private final MessageSource messages;

	PricesApiController(Prices prices, PriceEntry entry, MessageSource messages) {
		this.prices = prices;
		this.entry = entry;
		this.messages = messages;
	}

	@GetMapping("/api/v1/prices/series")
	@Operation(summary = "Price series of a member state and/or a commodity, with the latest month, its change, "
			+ "the price per base unit, and the IPA and ALPS bands ('current' is false when the latest price is more "
			+ "than two months old, so its bands do not warn)")
	PageOf<PriceSeries> series(@RequestParam(required = false) String country,
			@RequestParam(required = false) String commodity, @RequestParam(required = false) Long market,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return prices.series(country, commodity, market, page, size);
	}

	@GetMapping("/api/v1/prices/series/{id}")
	@Operation(summary = "One price series: every observation, and per month the price used (interpolated across "
			+ "gaps of up to two months), IPA and ALPS with their bands and the ALPS seasonal trend, and the "
			+ "indicator settings")
	Prices.SeriesDetail one(@PathVariable long id) {
		return prices.series(id);
	}

	@GetMapping("/api/v1/prices/markets")
	@Operation(summary = "The markets of a member state")
	List<Market> markets(@RequestParam String country) {
		return prices.markets(country);
	}

	@PostMapping("/api/v1/prices/observations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a month's price for a market (focal points for their country; analysts and "
			+ "administrators for any); the series' indicators and alerts are recomputed")
	PriceEntry.Recorded record(@RequestBody PriceEntry.Entry body) {
		return entry.record(body);
	}

	@GetMapping("/api/v1/prices/warnings")
	@Operation(summary = "Each member with prices once, with its warning level: per platform commodity, the ALPS band "
			+ "of its national average series, else the worst band at least fse.prices.warning-market-share (a third) "
			+ "of its markets are in or worse, counting series whose latest price is at most two months old; the "
			+ "member's level is its worst commodity's, null (grey) when none of its prices is current")
	Map<String, Object> warnings(Locale locale) {
		List<Map<String, Object>> members = prices.warnings().stream().map(w -> warning(w, locale)).toList();
		List<Map<String, Object>> legend = Arrays.stream(PriceSpikes.Band.values())
			.map(b -> Map.<String, Object>of("band", b.name(), "severity", b.severity(), "label",
					messages.getMessage("prices.band.alps." + b.name(), null, locale)))
			.toList();
		return Map.of("analysisMonth", prices.analysisMonth().toString(), "members", members, "legend", legend);
	}

	private Map<String, Object> warning(PriceWarnings.MemberWarning warning, Locale locale) {
		Map<String, Object> row = new java.util.LinkedHashMap<>();
		row.put("country", warning.country());
		row.put("level", warning.level() == null ? null : warning.level().name());
		row.put("severity", warning.level() == null ? null : warning.level().severity());
		List<String> parts = new java.util.ArrayList<>();
		List<Map<String, Object>> commodities = new java.util.ArrayList<>();
		for (PriceWarnings.CommodityWarning c : warning.commodities()) {
			String name = commodities(c.commodity(), locale);
			parts.add(c.nationalAverage()
					? messages.getMessage("prices.warning.national", new Object[] { name, band(c.level(), locale) }, locale)
					: messages.getMessage("prices.warning.markets",
							new Object[] { name, band(c.level(), locale), c.marketsAtLevel(), c.markets() }, locale));
			commodities.add(Map.of("commodity", c.commodity(), "level", c.level().name(), "basis",
					c.nationalAverage() ? "NATIONAL_AVERAGE" : "MARKETS", "marketsAtLevel", c.marketsAtLevel(),
					"markets", c.markets()));
		}
		row.put("commodities", commodities);
		row.put("label", warning.level() == null ? messages.getMessage("prices.warning.stale", null, locale)
				: band(warning.level(), locale) + " — " + String.join("; ", parts));
		return row;
	}

	private String band(PriceSpikes.Band band, Locale locale) {
		return messages.getMessage("prices.band.alps." + band.name(), null, locale);
	}

	private String commodities(String code, Locale locale) {
		return prices.commodityName(code, locale);
	}

	@GetMapping("/api/v1/alerts")
	@Operation(summary = "Alerts raised when a series entered a worse IPA or ALPS band in a month that was news, "
			+ "newest month first; narrowed by member or OIC region (Arab, African, Asian), commodity, band and indicator")
	PageOf<Alert> alerts(@RequestParam(required = false) String country,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
			@RequestParam(required = false) String commodity, @RequestParam(required = false) String band,
			@RequestParam(required = false) String indicator, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return prices.alerts(new AlertFilter(country, commodity, band, indicator, region, since), page, size);
	}

}
