package org.iofs.fse.prices.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;

import javax.sql.DataSource;

import org.iofs.fse.prices.PriceAlertRaised;
import org.iofs.fse.prices.indicators.MonthPrice;
import org.iofs.fse.prices.indicators.MonthlyRuns;
import org.iofs.fse.prices.indicators.PriceAnomaly;
import org.iofs.fse.prices.indicators.PriceSpikes;
import org.iofs.fse.shared.imports.CopyWriter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the indicator months of some series from their observations (one price per month, an actual price
 * preferred to an aggregate), writes them with COPY, and raises an alert for each month in which a series enters
 * a worse band than the month before. Runs inside the caller's transaction: an import or an entry and the
 * indicators it changes commit together.
 */
@Service
public class SeriesIndicators {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SeriesIndicators.class);

	// Every price of the series, in order; where a month has several, the preferred one is kept while reading
	// (an actual price before an entered one, before an aggregate).
	private static final String NOMINAL_PRICES = """
			SELECT y.series_id, (extract(year FROM y.year_start)::integer * 12 + u.n::integer - 1) AS month,
			       array_position(ARRAY['actual', 'manual', 'actual,aggregate', 'aggregate'], y.price_flag) AS preference,
			       u.price / 10000.0::float8
			FROM prices.observation_year y
			CROSS JOIN LATERAL unnest(y.price) WITH ORDINALITY AS u(price, n)
			WHERE y.series_id = ANY (:ids) AND u.price IS NOT NULL
			ORDER BY y.series_id, month
			""";

	private static final String DEFLATED_PRICES = """
			SELECT o.series_id, (extract(year FROM o.month) * 12 + extract(month FROM o.month) - 1)::integer AS month,
			       array_position(ARRAY['actual', 'manual', 'actual,aggregate', 'aggregate'], o.price_flag) AS preference,
			       (o.price * 100 / c.value)::float8 AS price
			FROM prices.observation o
			JOIN prices.series s ON s.id = o.series_id
			JOIN prices.market m ON m.id = s.market_id
			JOIN prices.consumer_price_index c ON (c.country_iso3, c.month) = (m.country_iso3, o.month)
			WHERE o.series_id = ANY (:ids)
			ORDER BY o.series_id, o.month
			""";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final IndicatorSettings settings;

	private final Clock clock;

	/** Where the arithmetic of a chunk runs while the database reads the next one and writes the one before. */
	private final ExecutorService arithmetic = Executors.newFixedThreadPool(2, runnable -> {
		Thread thread = new Thread(runnable, "indicator-arithmetic");
		thread.setDaemon(true);
		return thread;
	});

	private final ApplicationEventPublisher events;

	SeriesIndicators(JdbcClient jdbc, DataSource dataSource, IndicatorSettings settings, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.clock = clock;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.settings = settings;
	}

	/**
	 * Series recomputed together: one read of their prices, one delete and one COPY of their months. Their prices
	 * are held in memory meanwhile (about 2,000 series of 10 years: a few MB).
	 */
	private static final int CHUNK = 2_000;

	/** Chunks read and being computed, beyond the one being written. */
	private static final int IN_FLIGHT = 3;

	/** @return the number of alerts raised */
	@Transactional(propagation = Propagation.MANDATORY)
	public long recompute(Collection<Long> seriesIds) {
		return recompute(seriesIds, settings.input(), PricesAtHand.NONE);
	}

	/** As {@link #recompute(Collection)}, taking the prices of some series from their caller (nominal prices only). */
	@Transactional(propagation = Propagation.MANDATORY)
	public long recompute(Collection<Long> seriesIds, PricesAtHand atHand) {
		return recompute(seriesIds, settings.input(),
				settings.input() == IndicatorSettings.Input.NOMINAL ? atHand : PricesAtHand.NONE);
	}

	/** As above, on nominal or deflated prices whatever the setting (for tests and comparisons). */
	@Transactional(propagation = Propagation.MANDATORY)
	long recompute(Collection<Long> seriesIds, IndicatorSettings.Input input) {
		return recompute(seriesIds, input, PricesAtHand.NONE);
	}

	private long recompute(Collection<Long> seriesIds, IndicatorSettings.Input input, PricesAtHand atHand) {
		long[] all = seriesIds.stream().mapToLong(Long::longValue).distinct().sorted().toArray();
		if (all.length > CHUNK) {
			// A chunk's prices are sorted by series and month: with the default 4 MB the sort would spill to disk.
			jdbc.sql("SET LOCAL work_mem = '64MB'").update();
		}
		List<String[]> alerts = new ArrayList<>();
		long readNanos = 0;
		long waitNanos = 0;
		long writeNanos = 0;
		// The database's work (read a chunk, write an earlier one) and the arithmetic of the chunks in between run
		// side by side: on two cores the recompute takes the longer of the two rather than their sum. Two chunks
		// are computed at once, one per arithmetic thread, while the oldest is written.
		Deque<Future<Computed>> computing = new ArrayDeque<>();
		Deque<long[]> computingIds = new ArrayDeque<>();
		int from = 0;
		while (from < all.length || !computing.isEmpty()) {
			while (from < all.length && computing.size() < IN_FLIGHT) {
				long[] ids = Arrays.copyOfRange(all, from, Math.min(from + CHUNK, all.length));
				long t0 = System.nanoTime();
				ChunkPrices prices = read(ids, input, atHand);
				readNanos += System.nanoTime() - t0;
				computing.add(arithmetic.submit(() -> compute(prices)));
				computingIds.add(ids);
				from += CHUNK;
			}
			long t0 = System.nanoTime();
			Computed done = waitFor(computing.poll());
			long t1 = System.nanoTime();
			write(computingIds.poll(), done);
			alerts.addAll(done.alerts());
			waitNanos += t1 - t0;
			writeNanos += System.nanoTime() - t1;
		}
		long raising = System.nanoTime();
		long raised = raise(alerts);
		log.debug("indicators of {} series: read {} ms, waiting for the arithmetic {} ms, write {} ms, {} alerts {} ms",
				all.length, readNanos / 1_000_000, waitNanos / 1_000_000, writeNanos / 1_000_000, raised,
				(System.nanoTime() - raising) / 1_000_000);
		return raised;
	}

	private static Computed waitFor(Future<Computed> computing) {
		try {
			return computing.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while computing indicators", ex);
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime
					: new IllegalStateException("computing indicators failed", ex.getCause());
		}
	}

	@PreDestroy
	void stop() {
		arithmetic.shutdownNow();
	}

	/** Recomputes every series of some member states, after their consumer price indices changed. */
	@Transactional(propagation = Propagation.MANDATORY)
	public long recomputeCountries(Collection<String> countries) {
		return recompute(jdbc.sql("""
				SELECT s.id FROM prices.series s JOIN prices.market m ON m.id = s.market_id
				WHERE m.country_iso3 = ANY (:countries)
				""").param("countries", countries.toArray(String[]::new)).query(Long.class).list());
	}

	/** A chunk's indicator months as binary COPY rows, and the alerts they raise. */
	private record Computed(byte[] months, List<String[]> alerts) {
	}

	private ChunkPrices read(long[] ids, IndicatorSettings.Input input, PricesAtHand atHand) {
		ChunkPrices read = new ChunkPrices();
		long[] stored = Arrays.stream(ids).filter(id -> !atHand.holds(id)).toArray();
		if (stored.length > 0) {
			jdbc.sql(input == IndicatorSettings.Input.DEFLATED ? DEFLATED_PRICES : NOMINAL_PRICES)
				.param("ids", stored)
				.query((RowCallbackHandler) rs -> read.add(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getDouble(4)));
		}
		if (stored.length < ids.length) {
			for (long id : ids) {
				if (atHand.holds(id)) {
					read.addHeld(id, atHand);
				}
			}
		}
		return read;
	}

	private Computed compute(ChunkPrices read) {
		IndicatorRows months = new IndicatorRows(read.size(), read.seriesCount());
		List<String[]> alerts = new ArrayList<>();
		SortedMap<YearMonth, Double> prices = new TreeMap<>();
		for (int s = 0; s < read.seriesCount(); s++) {
			prices.clear();
			for (int i = read.start(s); i < read.start(s + 1); i++) {
				prices.put(YearMonth.of(read.month[i] / 12, read.month[i] % 12 + 1), read.price[i]);
			}
			compute(read.series(s), prices, months, alerts);
		}
		return new Computed(months.bytes(), alerts);
	}

	private void write(long[] ids, Computed computed) {
		jdbc.sql("DELETE FROM prices.series_indicator WHERE series_id = ANY (:ids)").param("ids", ids).update();
		try {
			CopyIn copy = DataSourceUtils.getConnection(dataSource).unwrap(PGConnection.class).getCopyAPI()
				.copyIn("COPY prices.series_indicator (series_id, month, price, interpolated, ipa, ipa_band, alps, "
						+ "alps_band, alps_trend, latest_month, latest_price, previous_price, latest_ipa, latest_ipa_band, "
						+ "latest_alps, latest_alps_band) FROM STDIN (FORMAT binary)");
			try {
				copy.writeToCopy(computed.months(), 0, computed.months().length);
				copy.endCopy();
			}
			finally {
				if (copy.isActive()) {
					copy.cancelCopy();
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("writing indicators failed: " + ex.getMessage(), ex);
		}
	}

	/** Raises a recompute's alerts at once: a chunk raises a few hundred, each statement costs the same. */
	private long raise(List<String[]> alerts) {
		if (alerts.isEmpty()) {
			return 0;
		}
		jdbc.sql("""
				CREATE TEMPORARY TABLE IF NOT EXISTS raised_alert (series_id bigint, indicator text, month date,
				    value numeric, band text) ON COMMIT DROP
				""").update();
		// A second recompute in the same transaction (an entry after an import) finds the first one's table.
		jdbc.sql("TRUNCATE raised_alert").update();
		copy("COPY raised_alert FROM STDIN (FORMAT csv)", alerts);
		jdbc.sql("ANALYZE raised_alert").update();
		List<Object[]> raised = jdbc.sql("""
				INSERT INTO prices.alert (series_id, country_iso3, market_id, commodity_code, indicator, month, value, band)
				SELECT a.series_id, m.country_iso3, m.id, c.commodity_code, a.indicator, a.month, a.value, a.band
				FROM raised_alert a
				JOIN prices.series s ON s.id = a.series_id
				JOIN prices.market m ON m.id = s.market_id
				JOIN prices.source_commodity c ON c.id = s.source_commodity_id
				ON CONFLICT (series_id, indicator, month) DO NOTHING
				RETURNING country_iso3, commodity_code, indicator, month, band
				""").query((rs, row) -> new Object[] { rs.getString("country_iso3"), rs.getString("commodity_code"),
						rs.getString("indicator"), rs.getDate("month").toLocalDate(), rs.getString("band") })
			.list();
		publish(raised);
		return raised.size();
	}

	/**
	 * One event per member, commodity, month and indicator that gained alerts, naming the worst band: a recompute
	 * raises alerts market by market, readers are told of a member's commodity once.
	 */
	private void publish(List<Object[]> raised) {
		Map<String, PriceAlertRaised> byKey = new LinkedHashMap<>();
		for (Object[] alert : raised) {
			if (alert[1] == null) {
				continue; // a source commodity not mapped to one of the platform's
			}
			YearMonth month = YearMonth.from((java.time.LocalDate) alert[3]);
			String key = alert[0] + "|" + alert[1] + "|" + month + "|" + alert[2];
			PriceAlertRaised next = new PriceAlertRaised((String) alert[0], (String) alert[1], month, (String) alert[2],
					(String) alert[4], 1);
			byKey.merge(key, next, (a, b) -> new PriceAlertRaised(a.country(), a.commodity(), a.month(), a.indicator(),
					SEVERITY.getOrDefault(b.band(), 0) > SEVERITY.getOrDefault(a.band(), 0) ? b.band() : a.band(),
					a.series() + 1));
		}
		byKey.values().forEach(events::publishEvent);
	}

	/** How bad each band is, across both indicators' names. */
	static final Map<String, Integer> SEVERITY = Map.of("STRESS", 1, "MODERATE", 1, "ALERT", 2, "HIGH", 2, "CRISIS", 3);

	private void compute(long series, SortedMap<YearMonth, Double> prices, IndicatorRows months, List<String[]> alerts) {
		List<List<MonthPrice>> runs = MonthlyRuns.of(prices);
		if (runs.isEmpty()) {
			return;
		}
		months.begin();
		// The bands of older months are kept and charted, but only news raises an alert (AlertRule).
		YearMonth analysisMonth = YearMonth.now(clock);
		// The IPA reads the whole series (a long gap leaves out its own months, not the years before it); the ALPS
		// trend is fitted to one run of consecutive months.
		List<double[]> ipaOfRuns = PriceAnomaly.ofRuns(runs, settings.anomaly());
		for (int r = 0; r < runs.size(); r++) {
			List<MonthPrice> run = runs.get(r);
			double[] values = run.stream().mapToDouble(MonthPrice::price).toArray();
			double[] ipa = ipaOfRuns.get(r);
			PriceSpikes.Result alps = PriceSpikes.of(values, run.get(0).month().getMonthValue(), settings.spikes());
			// The highest severity of the two months before: a band must be left for two months to be raised again.
			int[] ipaBefore = { 0, 0 };
			int[] alpsBefore = { 0, 0 };
			for (int t = 0; t < run.size(); t++) {
				MonthPrice month = run.get(t);
				PriceAnomaly.Band ipaBand = Double.isNaN(ipa[t]) ? null : PriceAnomaly.band(ipa[t]);
				PriceSpikes.Band alpsBand = Double.isNaN(alps.alps()[t]) ? null : PriceSpikes.band(alps.alps()[t]);
				months.add(month.month(), month.price(), month.interpolated(), ipa[t], ipaBand, alps.alps()[t], alpsBand,
						alps.trend()[t]);
				int ipaSeverity = ipaBand == null ? 0 : ipaBand.severity();
				int alpsSeverity = alpsBand == null ? 0 : alpsBand.severity();
				// Alerts come from observed months only (an interpolated price is a guess), and only when they are news.
				if (!month.interpolated() && AlertRule.isNews(month.month(), analysisMonth)) {
					if (AlertRule.raises(ipaSeverity, ipaBefore[0], ipaBefore[1])) {
						alerts.add(alert(series, "IPA", month, ipa[t], ipaBand.name()));
					}
					if (AlertRule.raises(alpsSeverity, alpsBefore[0], alpsBefore[1])) {
						alerts.add(alert(series, "ALPS", month, alps.alps()[t], alpsBand.name()));
					}
				}
				ipaBefore[1] = ipaBefore[0];
				ipaBefore[0] = ipaSeverity;
				alpsBefore[1] = alpsBefore[0];
				alpsBefore[0] = alpsSeverity;
			}
		}
		months.end(series);
	}

	private static String[] alert(long series, String indicator, MonthPrice month, double value, String band) {
		return new String[] { Long.toString(series), indicator, month.month().atDay(1).toString(),
				IndicatorRows.decimal(value), band };
	}

	private void copy(String sql, List<String[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		try (CopyWriter copy = new CopyWriter(DataSourceUtils.getConnection(dataSource), sql)) {
			for (String[] row : rows) {
				for (String field : row) {
					copy.raw(field);
				}
				copy.endRow();
			}
			copy.finish();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("writing indicators failed: " + ex.getMessage(), ex);
		}
	}

}
