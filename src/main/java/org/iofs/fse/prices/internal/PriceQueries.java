package org.iofs.fse.prices.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the price reads: series with their latest month, one series in full, alerts, markets. */
@Repository
class PriceQueries {

	record Observation(LocalDate month, String priceFlag, BigDecimal price, BigDecimal usdPrice, String source) {
	}

	record Month(LocalDate month, BigDecimal price, boolean interpolated, BigDecimal ipa, String ipaBand, BigDecimal alps,
			String alpsBand, BigDecimal trend) {
	}

	record Alert(long id, String country, long marketId, String market, long seriesId, String sourceCommodity,
			String commodity, String indicator, LocalDate month, BigDecimal value, String band) {

		/** Whether the market is the source's national average, which pages name in the reader's language. */
		public boolean nationalAverage() {
			return PriceSeries.isNationalAverage(market);
		}

	}

	record Market(long id, String country, String admin1, String admin2, String name, Integer wfpMarketId,
			BigDecimal latitude, BigDecimal longitude, boolean demo) {

		public boolean nationalAverage() {
			return PriceSeries.isNationalAverage(name);
		}

	}

	/** Filters of a series list; null means any. */
	record SeriesFilter(String country, String commodity, Long market) {
	}

	/** A market's name in the reader's language ({@code :language}), the source's where it has no other. */
	private static final String MARKET_NAME = """
			CASE :language WHEN 'ar' THEN coalesce(m.name_ar, m.name) WHEN 'fr' THEN coalesce(m.name_fr, m.name)
			               ELSE m.name END""";

	private static final String SERIES = """
			SELECT s.id, m.country_iso3, m.id AS market_id, """ + MARKET_NAME + """
			 AS market, m.admin1, m.admin2, m.demo,
			       c.name AS source_commodity, c.commodity_code, s.price_type, s.unit, s.unit_quantity, s.base_unit,
			       s.currency, l.latest_month AS month, l.latest_price AS price, l.latest_ipa AS ipa,
			       l.latest_ipa_band AS ipa_band, l.latest_alps AS alps, l.latest_alps_band AS alps_band, l.previous_price
			FROM prices.series s
			JOIN prices.market m ON m.id = s.market_id
			JOIN prices.source_commodity c ON c.id = s.source_commodity_id
			LEFT JOIN prices.series_indicator l ON l.series_id = s.id
			WHERE (CAST(:country AS text) IS NULL OR m.country_iso3 = :country)
			  AND (CAST(:commodity AS text) IS NULL OR c.commodity_code = :commodity)
			  AND (CAST(:market AS bigint) IS NULL OR m.id = :market)
			  AND (CAST(:id AS bigint) IS NULL OR s.id = :id)
			ORDER BY m.country_iso3, m.admin1, m.name, c.name, s.price_type, s.unit, s.id
			LIMIT :limit OFFSET :offset
			""";

	private final JdbcClient jdbc;

	PriceQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<PriceSeries> series(SeriesFilter filter, Long id, int limit, long offset, YearMonth analysisMonth) {
		return jdbc.sql(SERIES)
			.params(params(filter))
			.param("language", language())
			.param("id", id)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> series(rs, analysisMonth))
			.list();
	}

	long countSeries(SeriesFilter filter) {
		return jdbc.sql("""
				SELECT count(*) FROM prices.series s
				JOIN prices.market m ON m.id = s.market_id
				JOIN prices.source_commodity c ON c.id = s.source_commodity_id
				WHERE (CAST(:country AS text) IS NULL OR m.country_iso3 = :country)
				  AND (CAST(:commodity AS text) IS NULL OR c.commodity_code = :commodity)
				  AND (CAST(:market AS bigint) IS NULL OR m.id = :market)
				""").params(params(filter)).query(Long.class).single();
	}

	List<Observation> observations(long seriesId) {
		return jdbc.sql("""
				SELECT o.month, o.price_flag, o.price, o.usd_price,
				       coalesce(o.source_user, r.file_name) AS source
				FROM prices.observation o LEFT JOIN prices.import_run r ON r.id = o.source_import
				WHERE o.series_id = :id ORDER BY o.month, o.price_flag
				""").param("id", seriesId).query((rs, n) -> new Observation(rs.getDate("month").toLocalDate(),
				rs.getString("price_flag"), rs.getBigDecimal("price"), rs.getBigDecimal("usd_price"),
				rs.getString("source"))).list();
	}

	List<Month> months(long seriesId) {
		return jdbc.sql("""
				SELECT month, price, interpolated, ipa, ipa_band, alps, alps_band, alps_trend
				FROM prices.series_month WHERE series_id = :id ORDER BY month
				""").param("id", seriesId).query((rs, n) -> new Month(rs.getDate("month").toLocalDate(),
				rs.getBigDecimal("price"), rs.getBoolean("interpolated"), rs.getBigDecimal("ipa"),
				rs.getString("ipa_band"), rs.getBigDecimal("alps"), rs.getString("alps_band"),
				rs.getBigDecimal("alps_trend"))).list();
	}

	/** Alerts matching a checked filter: {@code countries} null for every member. */
	List<Alert> alerts(String[] countries, AlertFilter filter, int limit, long offset) {
		return jdbc.sql("""
				SELECT a.id, a.country_iso3, a.market_id, """ + MARKET_NAME + """
				 AS market, a.series_id, c.name AS source_commodity,
				       a.commodity_code, a.indicator, a.month, a.value, a.band
				FROM prices.alert a
				JOIN prices.market m ON m.id = a.market_id
				JOIN prices.series s ON s.id = a.series_id
				JOIN prices.source_commodity c ON c.id = s.source_commodity_id
				WHERE """ + FILTER + """
				ORDER BY a.month DESC, a.id DESC
				LIMIT :limit OFFSET :offset
				""")
			.params(filterParams(countries, filter))
			.param("language", language())
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> new Alert(rs.getLong("id"), rs.getString("country_iso3"), rs.getLong("market_id"),
					rs.getString("market"), rs.getLong("series_id"), rs.getString("source_commodity"),
					rs.getString("commodity_code"), rs.getString("indicator"), rs.getDate("month").toLocalDate(),
					rs.getBigDecimal("value"), rs.getString("band")))
			.list();
	}

	long countAlerts(String[] countries, AlertFilter filter) {
		return jdbc.sql("SELECT count(*) FROM prices.alert a WHERE " + FILTER).params(filterParams(countries, filter))
			.query(Long.class).single();
	}

	private static final String FILTER = """
			(CAST(:countries AS text[]) IS NULL OR a.country_iso3 = ANY (CAST(:countries AS text[])))
			  AND a.month >= :since
			  AND (CAST(:commodity AS text) IS NULL OR a.commodity_code = :commodity)
			  AND (CAST(:band AS text) IS NULL OR a.band = :band)
			  AND (CAST(:indicator AS text) IS NULL OR a.indicator = :indicator)
			""";

	private static java.util.Map<String, Object> filterParams(String[] countries, AlertFilter filter) {
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		params.put("countries", countries);
		params.put("since", Date.valueOf(filter.since()));
		params.put("commodity", filter.commodity());
		params.put("band", filter.band());
		params.put("indicator", filter.indicator());
		return params;
	}

	/**
	 * The latest ALPS band of each series of a platform commodity whose latest month is from {@code since} on (and has
	 * a band), with its member, market and whether the market is the national average.
	 */
	List<PriceWarnings.Latest> currentBands(LocalDate since) {
		return jdbc.sql("""
				SELECT m.country_iso3, c.commodity_code, m.id, lower(m.name) = 'national average' AS national, l.latest_alps_band
				FROM prices.series s
				JOIN prices.market m ON m.id = s.market_id
				JOIN prices.source_commodity c ON c.id = s.source_commodity_id AND c.commodity_code IS NOT NULL
				JOIN prices.series_indicator l ON l.series_id = s.id
				WHERE l.latest_month >= :since AND l.latest_alps_band IS NOT NULL
				""").param("since", Date.valueOf(since))
			.query((rs, n) -> new PriceWarnings.Latest(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBoolean(4),
					org.iofs.fse.prices.indicators.PriceSpikes.Band.valueOf(rs.getString(5))))
			.list();
	}

	/** The members that have any price series. */
	java.util.Set<String> membersWithSeries() {
		return new java.util.TreeSet<>(jdbc.sql("""
				SELECT DISTINCT m.country_iso3 FROM prices.market m WHERE EXISTS (SELECT 1 FROM prices.series s WHERE s.market_id = m.id)
				""").query(String.class).list());
	}

	Optional<Market> market(long id) {
		return jdbc.sql("""
				SELECT id, country_iso3, admin1, admin2, """ + MARKET_NAME + """
				 AS name, wfp_market_id, latitude, longitude, demo
				FROM prices.market m WHERE id = :id
				""").param("id", id).param("language", language()).query((rs, n) -> new Market(rs.getLong("id"), rs.getString("country_iso3"),
				rs.getString("admin1"), rs.getString("admin2"), rs.getString("name"),
				(Integer) rs.getObject("wfp_market_id"), rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"),
				rs.getBoolean("demo"))).optional();
	}

	List<Market> markets(String country) {
		return jdbc.sql("""
				SELECT id, country_iso3, admin1, admin2, """ + MARKET_NAME + """
				 AS name, wfp_market_id, latitude, longitude, demo
				FROM prices.market m WHERE country_iso3 = :country ORDER BY admin1, admin2, name
				""").param("country", country).param("language", language()).query((rs, n) -> new Market(rs.getLong("id"), rs.getString("country_iso3"),
				rs.getString("admin1"), rs.getString("admin2"), rs.getString("name"),
				(Integer) rs.getObject("wfp_market_id"), rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"),
				rs.getBoolean("demo"))).list();
	}

	/** The reader's language: the page's, or the API caller's Accept-Language. */
	private static String language() {
		return org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage();
	}

	private static Map<String, Object> params(SeriesFilter filter) {
		Map<String, Object> params = new HashMap<>();
		params.put("country", filter.country());
		params.put("commodity", filter.commodity());
		params.put("market", filter.market());
		return params;
	}

	private static PriceSeries series(ResultSet rs, YearMonth analysisMonth) throws SQLException {
		Date month = rs.getDate("month");
		BigDecimal price = rs.getBigDecimal("price");
		BigDecimal previous = rs.getBigDecimal("previous_price");
		BigDecimal quantity = rs.getBigDecimal("unit_quantity");
		LocalDate latest = month == null ? null : month.toLocalDate();
		return new PriceSeries(rs.getLong("id"), rs.getString("country_iso3"), rs.getLong("market_id"),
				rs.getString("market"), rs.getString("admin1"), rs.getString("admin2"), rs.getBoolean("demo"),
				rs.getString("source_commodity"), rs.getString("commodity_code"), rs.getString("price_type"),
				rs.getString("unit"), quantity, rs.getString("base_unit"), rs.getString("currency"), latest, price,
				price == null || quantity == null ? null : price.divide(quantity, 4, RoundingMode.HALF_UP),
				price == null || previous == null || previous.signum() == 0 ? null
						: price.subtract(previous).multiply(BigDecimal.valueOf(100)).divide(previous, 1,
								RoundingMode.HALF_UP),
				rs.getBigDecimal("ipa"), rs.getString("ipa_band"), rs.getBigDecimal("alps"), rs.getString("alps_band"),
				latest != null && !YearMonth.from(latest).isBefore(analysisMonth.minusMonths(2)));
	}

}
