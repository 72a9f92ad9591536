package org.iofs.fse.prices.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.iofs.fse.prices.indicators.MonthPrice;
import org.iofs.fse.prices.indicators.MonthlyRuns;
import org.iofs.fse.prices.indicators.PriceAnomaly;
import org.iofs.fse.prices.indicators.PriceSpikes;
import org.iofs.fse.shared.imports.CopyWriter;

import org.springframework.jdbc.core.RowCallbackHandler;
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
			SELECT series_id, (extract(year FROM month) * 12 + extract(month FROM month) - 1)::integer AS month,
			       array_position(ARRAY['actual', 'manual', 'actual,aggregate', 'aggregate'], price_flag) AS preference,
			       price::float8
			FROM prices.observation
			WHERE series_id = ANY (:ids)
			ORDER BY series_id, month
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

	SeriesIndicators(JdbcClient jdbc, DataSource dataSource, IndicatorSettings settings, Clock clock) {
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

	/** @return the number of alerts raised */
	@Transactional(propagation = Propagation.MANDATORY)
	public long recompute(Collection<Long> seriesIds) {
		return recompute(seriesIds, settings.input(), PricesAtHand.NONE);
	}

	/**
	 * The nominal prices of some series as their caller already holds them, so that they need not be read back: an
	 * import holds every price of the series it created. For each series, in any order, its months as
	 * {@code year * 12 + month - 1}, and per month the price the indicators use (an actual price before an
	 * aggregate one).
	 */
	public interface PricesAtHand {

		PricesAtHand NONE = new PricesAtHand() {
			@Override
			public boolean holds(long series) {
				return false;
			}

			@Override
			public void pricesOf(long series, MonthPriceSink sink) {
				throw new IllegalStateException("no prices at hand");
			}
		};

		boolean holds(long series);

		void pricesOf(long series, MonthPriceSink sink);

	}

	public interface MonthPriceSink {

		void add(int month, double price);

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
		long raised = 0;
		long readNanos = 0;
		long waitNanos = 0;
		long writeNanos = 0;
		// The database's work (read a chunk, write the one before) and the arithmetic of the chunk in between run
		// side by side: on two cores the recompute takes the longer of the two rather than their sum.
		Future<Computed> computing = null;
		long[] computingIds = null;
		for (int from = 0; from < all.length || computing != null; from += CHUNK) {
			Future<Computed> next = null;
			long[] nextIds = null;
			if (from < all.length) {
				nextIds = Arrays.copyOfRange(all, from, Math.min(from + CHUNK, all.length));
				long t0 = System.nanoTime();
				ChunkPrices prices = read(nextIds, input, atHand);
				readNanos += System.nanoTime() - t0;
				next = arithmetic.submit(() -> compute(prices));
			}
			if (computing != null) {
				long t0 = System.nanoTime();
				Computed done = waitFor(computing);
				long t1 = System.nanoTime();
				raised += write(computingIds, done);
				waitNanos += t1 - t0;
				writeNanos += System.nanoTime() - t1;
			}
			computing = next;
			computingIds = nextIds;
		}
		log.debug("indicators of {} series: read {} ms, waiting for the arithmetic {} ms, write {} ms", all.length,
				readNanos / 1_000_000, waitNanos / 1_000_000, writeNanos / 1_000_000);
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

	/** A chunk's indicator months as COPY text, and the alerts they raise. */
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
		MonthRows months = new MonthRows();
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

	private long write(long[] ids, Computed computed) {
		jdbc.sql("DELETE FROM prices.series_indicator WHERE series_id = ANY (:ids)").param("ids", ids).update();
		try {
			CopyIn copy = DataSourceUtils.getConnection(dataSource).unwrap(PGConnection.class).getCopyAPI()
				.copyIn("COPY prices.series_indicator (series_id, month, price, interpolated, ipa, ipa_band, alps, "
						+ "alps_band, alps_trend, latest_month, latest_price, previous_price, latest_ipa, latest_ipa_band, "
						+ "latest_alps, latest_alps_band) FROM STDIN (FORMAT csv)");
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
		List<String[]> alerts = computed.alerts();
		if (alerts.isEmpty()) {
			return 0;
		}
		jdbc.sql("""
				CREATE TEMPORARY TABLE IF NOT EXISTS raised_alert (series_id bigint, indicator text, month date,
				    value numeric, band text) ON COMMIT DROP
				""").update();
		jdbc.sql("TRUNCATE raised_alert").update();
		copy("COPY raised_alert FROM STDIN (FORMAT csv)", alerts);
		return jdbc.sql("""
				INSERT INTO prices.alert (series_id, country_iso3, market_id, commodity_code, indicator, month, value, band)
				SELECT a.series_id, m.country_iso3, m.id, c.commodity_code, a.indicator, a.month, a.value, a.band
				FROM raised_alert a
				JOIN prices.series s ON s.id = a.series_id
				JOIN prices.market m ON m.id = s.market_id
				JOIN prices.source_commodity c ON c.id = s.source_commodity_id
				ON CONFLICT (series_id, indicator, month) DO NOTHING
				""").update();
	}

	/**
	 * A chunk's indicators as CSV for COPY, one row per series: its months side by side in array literals, then the
	 * latest month's values. Every element is a number, a date, t or f, a band name or NULL: none needs quoting
	 * inside the array, and each array is one quoted CSV field.
	 */
	private static final class MonthRows {

		private static final int ARRAYS = 8;

		private final StringBuilder text = new StringBuilder(1 << 20);

		private final StringBuilder[] arrays = new StringBuilder[ARRAYS];

		private int count;

		private YearMonth latest;

		private String[] latestValues;

		private String previousPrice;

		MonthRows() {
			for (int i = 0; i < ARRAYS; i++) {
				arrays[i] = new StringBuilder(1024);
			}
		}

		void begin() {
			for (StringBuilder array : arrays) {
				array.setLength(0);
			}
			count = 0;
			latest = null;
			previousPrice = null;
		}

		void add(YearMonth month, String firstDay, String price, boolean interpolated, String ipa, String ipaBand,
				String alps, String alpsBand, String trend) {
			String[] values = { firstDay, price, interpolated ? "t" : "f", ipa, ipaBand, alps, alpsBand, trend };
			for (int i = 0; i < ARRAYS; i++) {
				if (count > 0) {
					arrays[i].append(',');
				}
				arrays[i].append(values[i] == null ? "NULL" : values[i]);
			}
			previousPrice = latest != null && latest.plusMonths(1).equals(month) ? latestValues[1] : null;
			latest = month;
			latestValues = values;
			count++;
		}

		void end(long series) {
			if (count == 0) {
				return;
			}
			text.append(series);
			for (StringBuilder array : arrays) {
				text.append(",\"{").append(array).append("}\"");
			}
			// latest month, price, previous price, IPA, its band, ALPS, its band
			text.append(',').append(latestValues[0]).append(',').append(latestValues[1]).append(',');
			field(previousPrice).field(latestValues[3]).field(latestValues[4]).field(latestValues[5]);
			if (latestValues[6] != null) {
				text.append(latestValues[6]);
			}
			text.append('\n');
		}

		private MonthRows field(String value) {
			if (value != null) {
				text.append(value);
			}
			text.append(',');
			return this;
		}

		byte[] bytes() {
			return text.toString().getBytes(StandardCharsets.US_ASCII);
		}

	}

	/**
	 * The prices of a chunk of series as read, one per series and month (the preferred flag's), in primitive
	 * arrays: a chunk holds some hundred thousand of them.
	 */
	private static final class ChunkPrices {

		private long[] seriesIds = new long[64];

		private int[] starts = new int[65];

		private int seriesCount;

		private int[] month = new int[4096];

		private double[] price = new double[4096];

		private int[] preference = new int[4096];

		private int size;

		void add(long series, int monthIndex, int flagPreference, double value) {
			if (seriesCount == 0 || seriesIds[seriesCount - 1] != series) {
				if (seriesCount == seriesIds.length) {
					seriesIds = Arrays.copyOf(seriesIds, seriesCount * 2);
					starts = Arrays.copyOf(starts, seriesCount * 2 + 1);
				}
				seriesIds[seriesCount] = series;
				starts[seriesCount] = size;
				seriesCount++;
			}
			else if (month[size - 1] == monthIndex) {
				// A second price for the month: the preferred flag's stays.
				if (flagPreference < preference[size - 1]) {
					price[size - 1] = value;
					preference[size - 1] = flagPreference;
				}
				return;
			}
			growIfFull();
			month[size] = monthIndex;
			price[size] = value;
			preference[size] = flagPreference;
			size++;
			starts[seriesCount] = size;
		}

		private void growIfFull() {
			if (size == month.length) {
				month = Arrays.copyOf(month, size * 2);
				price = Arrays.copyOf(price, size * 2);
				preference = Arrays.copyOf(preference, size * 2);
			}
		}

		/** A series' prices from its caller, in any month order: sorted here, one per month. */
		void addHeld(long series, PricesAtHand atHand) {
			int from = size;
			atHand.pricesOf(series, (monthIndex, value) -> {
				growIfFull();
				month[size] = monthIndex;
				price[size] = value;
				size++;
			});
			if (size == from) {
				return;
			}
			long[] sorted = new long[size - from];
			for (int i = from; i < size; i++) {
				sorted[i - from] = ((long) month[i] << 32) | (i - from);
			}
			Arrays.sort(sorted);
			int[] months = Arrays.copyOfRange(month, from, size);
			double[] prices = Arrays.copyOfRange(price, from, size);
			size = from;
			for (long entry : sorted) {
				int i = (int) entry;
				add(series, months[i], 0, prices[i]);
			}
		}

		int seriesCount() {
			return seriesCount;
		}

		long series(int s) {
			return seriesIds[s];
		}

		int start(int s) {
			return starts[s];
		}

	}

	private void compute(long series, SortedMap<YearMonth, Double> prices, MonthRows months, List<String[]> alerts) {
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
				months.add(month.month(), firstDay(month.month()), decimal(month.price()), month.interpolated(),
						decimal(ipa[t]), name(ipaBand), decimal(alps.alps()[t]), name(alpsBand), decimal(alps.trend()[t]));
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
		return new String[] { Long.toString(series), indicator, month.month().atDay(1).toString(), decimal(value), band };
	}

	/** A value to 4 decimals (numeric(10,4) and (18,4)), or null for none; millions of them, so not BigDecimal. */
	static String decimal(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return null;
		}
		if (Math.abs(value) >= 1e13) {
			return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).toPlainString();
		}
		long scaled = Math.round(Math.abs(value) * 10_000);
		StringBuilder text = new StringBuilder(24);
		if (value < 0 && scaled != 0) {
			text.append('-');
		}
		text.append(scaled / 10_000).append('.');
		long fraction = scaled % 10_000;
		for (long unit = 1_000; unit > 0; unit /= 10) {
			text.append((char) ('0' + fraction / unit % 10));
		}
		return text.toString();
	}

	private static String name(Enum<?> band) {
		return band == null ? null : band.name();
	}

	/** The first day of a month as COPY reads it, made once per month rather than once per row. */
	private static String firstDay(YearMonth month) {
		int index = month.getYear() * 12 + month.getMonthValue() - 1;
		int slot = index - FIRST_DAY_FROM;
		if (slot < 0 || slot >= FIRST_DAYS.length) {
			return month.atDay(1).toString();
		}
		String day = FIRST_DAYS[slot];
		if (day == null) {
			day = month.atDay(1).toString();
			FIRST_DAYS[slot] = day;
		}
		return day;
	}

	private static final int FIRST_DAY_FROM = 1900 * 12;

	private static final String[] FIRST_DAYS = new String[300 * 12];

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
