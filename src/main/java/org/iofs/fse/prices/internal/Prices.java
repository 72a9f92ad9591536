package org.iofs.fse.prices.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.countries.OicGroup;
import org.iofs.fse.prices.internal.PriceQueries.Alert;
import org.iofs.fse.prices.internal.PriceQueries.Market;
import org.iofs.fse.prices.internal.PriceQueries.Month;
import org.iofs.fse.prices.internal.PriceQueries.Observation;
import org.iofs.fse.prices.internal.PriceQueries.SeriesFilter;
import org.iofs.fse.prices.indicators.PriceAnomaly;
import org.iofs.fse.prices.indicators.PriceSpikes;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.NotFoundException;
import org.iofs.fse.shared.PageOf;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading food prices: series with their latest month and bands, one series in full, markets, alerts, and each
 * member's worst current band for the map. Prices are public, as WFP and FAO publish them; the analysis month
 * (for the FPMA rule that only a price at most two months old may warn) is the current month.
 */
@Service
public class Prices {

	/** One series in full: its summary, every observation, and the indicator months, with the settings used. */
	public record SeriesDetail(PriceSeries series, List<Observation> observations, List<Month> months,
			Map<String, Object> settings) {
	}

	private final PriceQueries queries;

	private final Countries countries;

	private final Commodities commodities;

	private final IndicatorSettings settings;

	private final Clock clock;

	/** The least share of a commodity's markets in a band for the band to count ({@code fse.prices.warning-market-share}). */
	private final double warningShare;

	Prices(PriceQueries queries, Countries countries, Commodities commodities, IndicatorSettings settings, Clock clock,
			@Value("${fse.prices.warning-market-share:0.3333}") double warningShare) {
		this.warningShare = warningShare;
		this.clock = clock;
		this.queries = queries;
		this.countries = countries;
		this.commodities = commodities;
		this.settings = settings;
	}

	@Transactional(readOnly = true)
	public PageOf<PriceSeries> series(String country, String commodity, Long market, int page, int size) {
		PageOf.checkRequest(page, size);
		SeriesFilter filter = new SeriesFilter(country == null || country.isBlank() ? null : countries.get(country).iso3(),
				commodity == null || commodity.isBlank() ? null : commodities.get(commodity).code(), market);
		return new PageOf<>(queries.series(filter, null, size, (long) page * size, analysisMonth()), page, size,
				queries.countSeries(filter));
	}

	@Transactional(readOnly = true)
	public SeriesDetail series(long id) {
		PriceSeries series = queries.series(new SeriesFilter(null, null, null), id, 1, 0, analysisMonth())
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("price series", Long.toString(id)));
		return new SeriesDetail(series, queries.observations(id), queries.months(id), describeSettings());
	}

	@Transactional(readOnly = true)
	public Market market(long id) {
		return queries.market(id).orElseThrow(() -> new NotFoundException("market", Long.toString(id)));
	}

	@Transactional(readOnly = true)
	public List<Market> markets(String country) {
		return queries.markets(countries.get(country).iso3());
	}

	@Transactional(readOnly = true)
	public PageOf<Alert> alerts(String country, LocalDate since, int page, int size) {
		return alerts(AlertFilter.since(country, since), page, size);
	}

	/** Alerts by member (or OIC region), commodity, band, indicator and month; every part checked, 400 or 404. */
	public PageOf<Alert> alerts(AlertFilter filter, int page, int size) {
		PageOf.checkRequest(page, size);
		String iso3 = blank(filter.country()) ? null : countries.get(filter.country()).iso3();
		String[] members = iso3 != null ? new String[] { iso3 } : blank(filter.region()) ? null
				: countries.all().stream().filter(c -> c.oicGroup() == region(filter.region())).map(Country::iso3)
					.toArray(String[]::new);
		String commodity = blank(filter.commodity()) ? null : commodities.get(filter.commodity()).code();
		String indicator = blank(filter.indicator()) ? null : filter.indicator().strip().toUpperCase(Locale.ROOT);
		if (indicator != null && !List.of("IPA", "ALPS").contains(indicator)) {
			throw new InvalidInputException("indicator", "must be IPA or ALPS");
		}
		String band = blank(filter.band()) ? null : filter.band().strip().toUpperCase(Locale.ROOT);
		if (band != null && Stream.concat(Arrays.stream(PriceAnomaly.Band.values()), Arrays.stream(PriceSpikes.Band.values()))
			.noneMatch(b -> b.name().equals(band))) {
			throw new InvalidInputException("band", "'" + band + "' is not a band of the IPA or the ALPS");
		}
		AlertFilter checked = new AlertFilter(iso3, commodity, band, indicator, null,
				filter.since() == null ? LocalDate.of(1990, 1, 1) : filter.since());
		return new PageOf<>(queries.alerts(members, checked, size, (long) page * size), page, size,
				queries.countAlerts(members, checked));
	}

	private static OicGroup region(String text) {
		return OicGroup.parse(text).orElseThrow(() -> new InvalidInputException("region", "must be Arab, African or Asian"));
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	/** Each member with prices: its warning level per {@link PriceWarnings} (null when no price is current). */
	@Transactional(readOnly = true)
	public List<PriceWarnings.MemberWarning> warnings() {
		return PriceWarnings.of(queries.currentBands(analysisMonth().minusMonths(2).atDay(1)), queries.membersWithSeries(),
				warningShare);
	}

	/** A platform commodity's name in a language. */
	public String commodityName(String code, Locale locale) {
		return commodities.find(code).map(c -> c.name(locale)).orElse(code);
	}

	public YearMonth analysisMonth() {
		return YearMonth.now(clock);
	}

	Map<String, Object> describeSettings() {
		return Map.of("ipaGamma", settings.anomaly().gamma(), "ipaYearWeights", settings.anomaly().yearWeights(),
				"ipaInput", settings.input(), "alpsFit", settings.spikes().fit(), "alpsScale", settings.spikes().scale(),
				"alpsMinimumMonths", PriceSpikes.MIN_MONTHS, "analysisMonth", analysisMonth().toString());
	}

}
