package org.iofs.fse.prices.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
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

	// One price per series and month: an actual price before an entered one, before an aggregate.
	private static final String NOMINAL_PRICES = """
			SELECT DISTINCT ON (series_id, month) series_id, month, price FROM prices.observation
			WHERE series_id = ANY (:ids)
			ORDER BY series_id, month,
			         array_position(ARRAY['actual', 'manual', 'actual,aggregate', 'aggregate'], price_flag)
			""";

	private static final String DEFLATED_PRICES = """
			SELECT DISTINCT ON (o.series_id, o.month) o.series_id, o.month, o.price * 100 / c.value AS price
			FROM prices.observation o
			JOIN prices.series s ON s.id = o.series_id
			JOIN prices.market m ON m.id = s.market_id
			JOIN prices.consumer_price_index c ON (c.country_iso3, c.month) = (m.country_iso3, o.month)
			WHERE o.series_id = ANY (:ids)
			ORDER BY o.series_id, o.month,
			         array_position(ARRAY['actual', 'manual', 'actual,aggregate', 'aggregate'], o.price_flag)
			""";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final IndicatorSettings settings;

	private final Clock clock;

	SeriesIndicators(JdbcClient jdbc, DataSource dataSource, IndicatorSettings settings, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.settings = settings;
	}

	/** Series recomputed together: their months are held in memory between the read and the COPY. */
	private static final int CHUNK = 200;

	/** @return the number of alerts raised */
	@Transactional(propagation = Propagation.MANDATORY)
	public long recompute(Collection<Long> seriesIds) {
		return recompute(seriesIds, settings.input());
	}

	/** As above, on nominal or deflated prices whatever the setting (for tests and comparisons). */
	@Transactional(propagation = Propagation.MANDATORY)
	long recompute(Collection<Long> seriesIds, IndicatorSettings.Input input) {
		List<Long> all = seriesIds.stream().distinct().sorted().toList();
		long raised = 0;
		for (int from = 0; from < all.size(); from += CHUNK) {
			raised += recomputeChunk(all.subList(from, Math.min(from + CHUNK, all.size())).stream()
				.mapToLong(Long::longValue)
				.toArray(), input);
		}
		return raised;
	}

	/** Recomputes every series of some member states, after their consumer price indices changed. */
	@Transactional(propagation = Propagation.MANDATORY)
	public long recomputeCountries(Collection<String> countries) {
		return recompute(jdbc.sql("""
				SELECT s.id FROM prices.series s JOIN prices.market m ON m.id = s.market_id
				WHERE m.country_iso3 = ANY (:countries)
				""").param("countries", countries.toArray(String[]::new)).query(Long.class).list());
	}

	private long recomputeChunk(long[] ids, IndicatorSettings.Input input) {
		List<String[]> months = new ArrayList<>();
		List<String[]> alerts = new ArrayList<>();
		SortedMap<YearMonth, Double> prices = new TreeMap<>();
		long[] current = { -1 };
		jdbc.sql(input == IndicatorSettings.Input.DEFLATED ? DEFLATED_PRICES : NOMINAL_PRICES).param("ids", ids).query(rs -> {
			long series = rs.getLong(1);
			if (series != current[0] && current[0] >= 0) {
				compute(current[0], prices, months, alerts);
				prices.clear();
			}
			current[0] = series;
			prices.put(YearMonth.from(rs.getDate(2).toLocalDate()), rs.getBigDecimal(3).doubleValue());
		});
		if (current[0] >= 0) {
			compute(current[0], prices, months, alerts);
		}
		jdbc.sql("DELETE FROM prices.series_month WHERE series_id = ANY (:ids)").param("ids", ids).update();
		copy("COPY prices.series_month (series_id, month, price, interpolated, ipa, ipa_band, alps, alps_band, "
				+ "alps_trend) FROM STDIN (FORMAT csv)", months);
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

	private void compute(long series, SortedMap<YearMonth, Double> prices, List<String[]> months,
			List<String[]> alerts) {
		List<List<MonthPrice>> runs = MonthlyRuns.of(prices);
		if (runs.isEmpty()) {
			return;
		}
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
				months.add(new String[] { Long.toString(series), month.month().atDay(1).toString(),
						decimal(month.price()), Boolean.toString(month.interpolated()), decimal(ipa[t]), name(ipaBand),
						decimal(alps.alps()[t]), name(alpsBand), decimal(alps.trend()[t]) });
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
	}

	private static String[] alert(long series, String indicator, MonthPrice month, double value, String band) {
		return new String[] { Long.toString(series), indicator, month.month().atDay(1).toString(), decimal(value), band };
	}

	private static String decimal(double value) {
		return Double.isNaN(value) || Double.isInfinite(value) ? ""
				: BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).toPlainString();
	}

	private static String name(Enum<?> band) {
		return band == null ? "" : band.name();
	}

	private void copy(String sql, List<String[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		try (CopyWriter copy = new CopyWriter(DataSourceUtils.getConnection(dataSource), sql)) {
			for (String[] row : rows) {
				for (String field : row) {
					copy.raw(field.isEmpty() ? null : field);
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
