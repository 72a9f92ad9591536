package org.iofs.fse.prices.importing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Merges the staged prices set-based. The file's series ({@code price_key}, a few per thousand rows) become markets,
 * source commodities (mapped by the first matching rule) and series; then one statement upserts the narrow rows
 * ({@code price_row}), touching only observations that differ and saying which series changed. When the same
 * month and flag of a series came twice (in the file, or because two spellings of a market id became one), the
 * file's last line wins.
 */
final class PriceMerge {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PriceMerge.class);

	/** @param created the series this import created, each with its number in the file */
	record Counts(long inserted, long updated, long unchanged, List<Long> seriesChanged, Map<Long, Integer> created) {
	}

	// A WFP market keeps its id whatever its name's spelling: series of a market id take the spelling the platform
	// already holds for it, else the one of the file's last row for it, so no market splits in two.
	private static final String ONE_SPELLING_PER_MARKET_ID = """
			UPDATE price_key s SET admin1 = c.admin1, admin2 = c.admin2, market = c.name
			FROM (SELECT DISTINCT ON (i.iso3, i.market_id) i.iso3, i.market_id,
			             coalesce(m.admin1, i.admin1) AS admin1, coalesce(m.admin2, i.admin2) AS admin2,
			             coalesce(m.name, i.market) AS name
			      FROM price_key i
			      LEFT JOIN prices.market m ON m.country_iso3 = i.iso3 AND m.wfp_market_id = i.market_id
			      WHERE i.market_id IS NOT NULL
			      ORDER BY i.iso3, i.market_id, m.id, i.line DESC) c
			WHERE s.iso3 = c.iso3 AND s.market_id = c.market_id
			  AND (s.admin1, s.admin2, s.market) IS DISTINCT FROM (c.admin1, c.admin2, c.name)
			""";

	private static final String MARKETS = """
			INSERT INTO prices.market AS m (country_iso3, admin1, admin2, name, wfp_market_id, latitude, longitude)
			SELECT DISTINCT ON (iso3, admin1, admin2, market) iso3, admin1, admin2, market, market_id, latitude, longitude
			FROM price_key ORDER BY iso3, admin1, admin2, market, line DESC
			ON CONFLICT (country_iso3, admin1, admin2, name) DO UPDATE SET
			    wfp_market_id = coalesce(EXCLUDED.wfp_market_id, m.wfp_market_id),
			    latitude = coalesce(EXCLUDED.latitude, m.latitude), longitude = coalesce(EXCLUDED.longitude, m.longitude)
			WHERE (m.wfp_market_id, m.latitude, m.longitude) IS DISTINCT FROM
			      (coalesce(EXCLUDED.wfp_market_id, m.wfp_market_id), coalesce(EXCLUDED.latitude, m.latitude),
			       coalesce(EXCLUDED.longitude, m.longitude))
			""";

	// The rule is looked up once per distinct commodity.
	private static final String COMMODITIES = """
			INSERT INTO prices.source_commodity (name, category, wfp_commodity_id, commodity_code)
			SELECT d.commodity, d.category, d.commodity_id,
			       (SELECT r.commodity_code FROM prices.commodity_rule r
			        WHERE d.commodity ILIKE r.name_pattern AND r.commodity_code = ANY (CAST(:known AS text[]))
			        ORDER BY r.position LIMIT 1)
			FROM (SELECT DISTINCT ON (i.commodity) i.commodity, coalesce(i.category, '') AS category, i.commodity_id
			      FROM price_key i ORDER BY i.commodity, i.line DESC) d
			ON CONFLICT (name) DO NOTHING
			""";

	private static final String KEYED = """
			CREATE TEMPORARY TABLE price_key_named ON COMMIT DROP AS
			SELECT k.key, m.id AS market_id, c.id AS commodity_id, k.price_type, k.unit, k.unit_quantity, k.base_unit,
			       k.currency, k.fingerprint
			FROM price_key k
			JOIN prices.market m ON (m.country_iso3, m.admin1, m.admin2, m.name) = (k.iso3, k.admin1, k.admin2, k.market)
			JOIN prices.source_commodity c ON c.name = k.commodity
			""";

	// The series this import creates are remembered: they hold no observation yet, so their rows need no comparison.
	private static final String SERIES = """
			WITH made AS (
			    INSERT INTO prices.series (market_id, source_commodity_id, price_type, unit, unit_quantity, base_unit, currency)
			    SELECT DISTINCT market_id, commodity_id, price_type, unit, unit_quantity, base_unit, currency
			    FROM price_key_named
			    ON CONFLICT (market_id, source_commodity_id, price_type, unit, currency) DO NOTHING
			    RETURNING id)
			INSERT INTO price_series_made SELECT id FROM made
			""";

	private static final String KEY_SERIES = """
			CREATE TEMPORARY TABLE price_key_series ON COMMIT DROP AS
			SELECT k.key, s.id AS series_id, n.id IS NOT NULL AS fresh, k.fingerprint,
			       n.id IS NULL AND s.import_fingerprint = k.fingerprint AS unchanged
			FROM price_key_named k
			JOIN prices.series s ON (s.market_id, s.source_commodity_id, s.price_type, s.unit, s.currency)
			                      = (k.market_id, k.commodity_id, k.price_type, k.unit, k.currency)
			LEFT JOIN price_series_made n ON n.id = s.id
			""";

	private static final String FLAG = "(ARRAY['" + String.join("', '", PriceStaging.FLAGS) + "'])[r.flag]";

	// One row per series, month and flag, each with its series: as staged when nothing repeats, else the last line.
	private static final String ROWS_AS_STAGED = """
			SELECT ks.series_id, ks.fresh, ks.unchanged, r.month, %s AS price_flag, r.price, r.usd_price
			FROM price_row r JOIN price_key_series ks ON ks.key = r.key
			""".formatted(FLAG);

	// Made only when something repeats: otherwise the rows are read as staged, without writing them once more.
	private static final String ROWS_LAST_LINE_WINS = """
			CREATE TEMPORARY TABLE price_incoming ON COMMIT DROP AS
			SELECT DISTINCT ON (ks.series_id, r.month, r.flag) ks.series_id, ks.fresh, ks.unchanged, r.month,
			       %s AS price_flag,
			       r.price, r.usd_price
			FROM price_row r JOIN price_key_series ks ON ks.key = r.key
			ORDER BY ks.series_id, r.month, r.flag, r.line DESC
			""".formatted(FLAG);

	// The series this import created: every row is new, written without looking for a conflict.
	private static final String FRESH = """
			WITH written AS (
			    INSERT INTO prices.observation (series_id, month, price_flag, price, usd_price, source_import)
			    SELECT series_id, month, price_flag, price, usd_price, :importId FROM (%1$s) i WHERE fresh
			    RETURNING series_id)
			SELECT series_id, count(*) AS inserted, 0 AS updated FROM written GROUP BY series_id
			""";

	// Series held before: only the rows that are new or differ are written. Reading them first is about as fast as
	// a bare scan, where an upsert of every row costs two index visits each; the upsert still guards against an
	// entry committed meanwhile. A partitioned table cannot return xmax, which told an inserted row from an
	// updated one: an inserted row takes the transaction's time, an updated one the clock's, which is always later.
	private static final String HELD = """
			WITH differing AS (
			    SELECT i.series_id, i.month, i.price_flag, i.price, i.usd_price
			    FROM (%1$s) i
			    LEFT JOIN prices.observation o
			           ON o.series_id = i.series_id AND o.month = i.month AND o.price_flag = i.price_flag
			    WHERE NOT i.fresh AND i.unchanged IS NOT TRUE
			      AND (o.series_id IS NULL OR (o.price, o.usd_price) IS DISTINCT FROM (i.price, i.usd_price))),
			applied AS (
			    INSERT INTO prices.observation AS o (series_id, month, price_flag, price, usd_price, source_import)
			    SELECT series_id, month, price_flag, price, usd_price, :importId FROM differing
			    ON CONFLICT (series_id, month, price_flag) DO UPDATE SET
			        price = EXCLUDED.price, usd_price = EXCLUDED.usd_price, source_import = EXCLUDED.source_import,
			        source_user = NULL, updated_at = clock_timestamp()
			    WHERE (o.price, o.usd_price) IS DISTINCT FROM (EXCLUDED.price, EXCLUDED.usd_price)
			    RETURNING o.series_id, (o.updated_at = now()) AS inserted)
			SELECT series_id, count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated
			FROM applied GROUP BY series_id
			""";

	private PriceMerge() {
	}

	/**
	 * @param known the codes of the platform's commodities, from the commodities module
	 * @param staging what was staged, and whether a series' month and flag came twice in the file
	 */
	static Counts apply(JdbcClient jdbc, long importId, Collection<String> known, PriceStaging staging) {
		long start = System.nanoTime();
		// The merge sorts and hashes the file's rows: with the default 4 MB it would spill to disk.
		jdbc.sql("SET LOCAL work_mem = '256MB'").update();
		// The planner knows nothing of a fresh temporary table: without statistics it joins row by row.
		jdbc.sql("ANALYZE price_key").update();
		jdbc.sql(ONE_SPELLING_PER_MARKET_ID).update();
		// Statistics of a table that was nearly empty would make the planner join the file's series one by one.
		if (jdbc.sql(MARKETS).update() > 1_000) {
			jdbc.sql("ANALYZE prices.market").update();
		}
		jdbc.sql(COMMODITIES).param("known", known.toArray(String[]::new)).update();
		jdbc.sql(KEYED).update();
		jdbc.sql("CREATE TEMPORARY TABLE price_series_made (id bigint) ON COMMIT DROP").update();
		int seriesMade = jdbc.sql(SERIES).update();
		jdbc.sql("ANALYZE price_series_made").update();
		if (seriesMade > 1_000) {
			jdbc.sql("ANALYZE prices.series").update();
		}
		jdbc.sql(KEY_SERIES).update();
		jdbc.sql("ANALYZE price_key_series").update();
		jdbc.sql("ANALYZE price_row").update();
		long keyed = System.nanoTime();
		// Two spellings of a market id that became one make two keys of one series.
		boolean keysMerged = jdbc.sql("SELECT count(DISTINCT series_id) < count(*) FROM price_key_series")
			.query(Boolean.class)
			.single();
		boolean lastLineWins = staging.hasRepeats() || keysMerged;
		if (keysMerged) {
			// Two keys' sums are not the series' sum: compare its rows.
			jdbc.sql("UPDATE price_key_series SET unchanged = false, fingerprint = NULL").update();
		}
		long incoming = staging.rowsStaged();
		String rows = ROWS_AS_STAGED;
		if (lastLineWins) {
			incoming = jdbc.sql(ROWS_LAST_LINE_WINS).update();
			jdbc.sql("ANALYZE price_incoming").update();
			rows = "SELECT * FROM price_incoming";
		}
		long prepared = System.nanoTime();
		long inserted = 0;
		long updated = 0;
		List<Long> series = new ArrayList<>();
		List<Long> heldChanged = new ArrayList<>();
		for (String statement : List.of(FRESH, HELD)) {
			for (Map<String, Object> changed : jdbc.sql(statement.formatted(rows)).param("importId", importId).query().listOfRows()) {
				long id = ((Number) changed.get("series_id")).longValue();
				series.add(id);
				if (statement == HELD) {
					heldChanged.add(id);
				}
				inserted += ((Number) changed.get("inserted")).longValue();
				updated += ((Number) changed.get("updated")).longValue();
			}
		}
		// A new series' imported prices are this file's rows: their sum is kept. A held series changed row by row
		// no longer adds up to what was kept.
		jdbc.sql("""
				UPDATE prices.series s SET import_fingerprint = ks.fingerprint
				FROM price_key_series ks WHERE s.id = ks.series_id AND ks.fresh
				""").update();
		if (!heldChanged.isEmpty()) {
			jdbc.sql("UPDATE prices.series SET import_fingerprint = NULL WHERE id = ANY (:ids)")
				.param("ids", heldChanged.stream().mapToLong(Long::longValue).toArray())
				.update();
		}
		log.debug("price merge: markets, commodities and series {} ms, rows by series {} ms, observations {} ms "
				+ "(last line wins: {})", (keyed - start) / 1_000_000, (prepared - keyed) / 1_000_000,
				(System.nanoTime() - prepared) / 1_000_000, lastLineWins);
		Map<Long, Integer> created = new java.util.HashMap<>();
		if (!keysMerged) {
			jdbc.sql("SELECT series_id, key FROM price_key_series WHERE fresh")
				.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> created.put(rs.getLong(1), rs.getInt(2)));
		}
		return new Counts(inserted, updated, incoming - inserted - updated, series, created);
	}

}
