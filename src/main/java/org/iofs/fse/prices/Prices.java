package org.iofs.fse.prices;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.prices.PriceQueries.Alert;
import org.iofs.fse.prices.PriceQueries.Market;
import org.iofs.fse.prices.PriceQueries.Month;
import org.iofs.fse.prices.PriceQueries.Observation;
import org.iofs.fse.prices.PriceQueries.SeriesFilter;
import org.iofs.fse.prices.indicators.PriceSpikes;
import org.iofs.fse.shared.NotFoundException;
import org.iofs.fse.shared.PageOf;

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

	Prices(PriceQueries queries, Countries countries, Commodities commodities, IndicatorSettings settings, Clock clock) {
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
		PageOf.checkRequest(page, size);
		String iso3 = country == null || country.isBlank() ? null : countries.get(country).iso3();
		LocalDate from = since == null ? LocalDate.of(1990, 1, 1) : since;
		return new PageOf<>(queries.alerts(iso3, from, size, (long) page * size), page, size,
				queries.countAlerts(iso3, from));
	}

	/** Per member state with a current price, the worst ALPS band among its series (the map's colour). */
	@Transactional(readOnly = true)
	public Map<String, PriceSpikes.Band> worstCurrentBands() {
		Map<String, PriceSpikes.Band> worst = new TreeMap<>();
		for (String[] row : queries.latestBands(analysisMonth().minusMonths(2).atDay(1))) {
			PriceSpikes.Band band = row[2] == null ? PriceSpikes.Band.NORMAL : PriceSpikes.Band.valueOf(row[2]);
			worst.merge(row[0], band, (a, b) -> a.severity() >= b.severity() ? a : b);
		}
		return worst;
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
