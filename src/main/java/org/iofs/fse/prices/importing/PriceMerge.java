package org.iofs.fse.prices.importing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.iofs.fse.shared.imports.BinaryRows;
import org.iofs.fse.shared.imports.CopySender;
import org.postgresql.PGConnection;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Merges an import's prices. The file's series ({@code price_key}, a few per thousand rows) become markets, source
 * commodities (mapped by the first matching rule) and series, set-based. Then the rows the import holds are written
 * as year rows with binary COPY: straight into the observations for the series this import created, into a
 * staging table laid over the stored rows for the series held before (except those whose file rows add up to what
 * was imported last, see {@link ImportFingerprint}). When the same month and flag of a series came twice (in the
 * file, or because two spellings of a market id became one), the file's last line wins.
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

	// Held series whose rows differ from what is stored: each incoming year row is laid over the stored one month by
	// month; only rows where a month is new or differs are written, and each month that changes takes this import as
	// its source. Prices imports are serialised (PriceMerge.apply), so no other import changes these rows meanwhile.
	private static final String HELD = """
			WITH compared AS (
			    SELECT i.series_id, i.year_start, i.price_flag, m.price, m.usd_price, m.sources, m.inserted, m.updated
			    FROM price_year_incoming i
			    LEFT JOIN prices.observation_year y
			           ON y.series_id = i.series_id AND y.year_start = i.year_start AND y.price_flag = i.price_flag
			    CROSS JOIN LATERAL (
			        SELECT array_agg(CASE WHEN u.ip IS NULL THEN u.op ELSE u.ip END ORDER BY u.n) AS price,
			               array_agg(CASE WHEN u.ip IS NULL THEN u.ou ELSE u.iu END ORDER BY u.n) AS usd_price,
			               array_agg(CASE WHEN u.ip IS NULL AND u.op IS NULL THEN NULL
			                              WHEN u.ip IS NULL OR (u.ip = u.op AND u.iu IS NOT DISTINCT FROM u.ou)
			                              THEN coalesce(u.os, y.source_import)
			                              ELSE :importId END ORDER BY u.n) AS sources,
			               count(*) FILTER (WHERE u.ip IS NOT NULL AND u.op IS NULL) AS inserted,
			               count(*) FILTER (WHERE u.ip IS NOT NULL AND u.op IS NOT NULL
			                                  AND (u.ip, u.iu) IS DISTINCT FROM (u.op, u.ou)) AS updated
			        FROM unnest(i.price, i.usd_price, y.price, y.usd_price, y.month_source_import)
			             WITH ORDINALITY AS u(ip, iu, op, ou, os, n)) m),
			applied AS (
			    INSERT INTO prices.observation_year AS y (series_id, year_start, price_flag, price, usd_price, source_import,
			                                              month_source_import)
			    SELECT c.series_id, c.year_start, c.price_flag, c.price, c.usd_price, one.source,
			           CASE WHEN one.source IS NULL THEN c.sources END
			    FROM compared c
			    -- one import wrote every month of the row: it is the row's source
			    CROSS JOIN LATERAL (SELECT CASE WHEN count(DISTINCT s) = 1 THEN min(s) END AS source
			                        FROM unnest(c.sources) AS s) one
			    WHERE c.inserted + c.updated > 0
			    ON CONFLICT (series_id, year_start, price_flag) DO UPDATE SET price = EXCLUDED.price,
			        usd_price = EXCLUDED.usd_price, source_import = EXCLUDED.source_import,
			        month_source_import = EXCLUDED.month_source_import, updated_at = now())
			SELECT series_id, sum(inserted) AS inserted, sum(updated) AS updated FROM compared
			WHERE inserted + updated > 0 GROUP BY series_id
			""";

	/** How much of the year rows is built before it is sent. */
	private static final int BLOCK = 1 << 20;

	private PriceMerge() {
	}

	/**
	 * @param known the codes of the platform's commodities, from the commodities module
	 * @param staging what was staged, and whether a series' month and flag came twice in the file
	 */
	static Counts apply(JdbcClient jdbc, Connection connection, long importId, Collection<String> known,
			PriceStaging staging) {
		long start = System.nanoTime();
		// One price import at a time: a held series' year rows are read, laid over and written back.
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('prices.import'))").query().listOfRows();
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
		long keyed = System.nanoTime();
		// Two spellings of a market id that became one make two keys of one series.
		boolean keysMerged = jdbc.sql("SELECT count(DISTINCT series_id) < count(*) FROM price_key_series")
			.query(Boolean.class)
			.single();
		if (keysMerged) {
			// Two keys' sums are not the series' sum: compare its rows.
			jdbc.sql("UPDATE price_key_series SET unchanged = false, fingerprint = NULL").update();
		}
		Keys keys = Keys.read(jdbc);
		long inserted = 0;
		long updated = 0;
		long incoming = 0;
		List<Long> series = new ArrayList<>();
		List<Long> heldChanged = new ArrayList<>();
		try {
			YearRows fresh = new YearRows(new BinaryRows(BLOCK + 4096), importId);
			write(connection, "COPY prices.observation_year (" + YearRows.COLUMNS + ") FROM STDIN (FORMAT binary)",
					fresh, keys, staging, Kind.FRESH);
			inserted += fresh.cells();
			incoming += fresh.cells();
			for (int k = 0; k < keys.size(); k++) {
				if (keys.kind[k] == Kind.FRESH && (k == 0 || keys.series[k - 1] != keys.series[k])) {
					series.add(keys.series[k]);
				}
				else if (keys.kind[k] == Kind.UNCHANGED) {
					incoming += staging.series(keys.key[k]).rows;
				}
			}
			if (keys.count(Kind.HELD) > 0) {
				jdbc.sql("""
						CREATE TEMPORARY TABLE price_year_incoming (series_id bigint, year_start date,
						    price_flag text COLLATE "C", price bigint[], usd_price bigint[],
						    source_import bigint) ON COMMIT DROP
						""").update();
				YearRows held = new YearRows(new BinaryRows(BLOCK + 4096), importId);
				write(connection, "COPY price_year_incoming (" + YearRows.COLUMNS + ") FROM STDIN (FORMAT binary)", held,
						keys, staging, Kind.HELD);
				incoming += held.cells();
				jdbc.sql("ANALYZE price_year_incoming").update();
				for (Map<String, Object> changed : jdbc.sql(HELD).param("importId", importId).query().listOfRows()) {
					long id = ((Number) changed.get("series_id")).longValue();
					series.add(id);
					heldChanged.add(id);
					inserted += ((Number) changed.get("inserted")).longValue();
					updated += ((Number) changed.get("updated")).longValue();
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("writing prices failed: " + ex.getMessage(), ex);
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
		log.debug("price merge: markets, commodities and series {} ms, year rows {} ms (keys merged: {})",
				(keyed - start) / 1_000_000, (System.nanoTime() - keyed) / 1_000_000, keysMerged);
		Map<Long, Integer> created = new java.util.HashMap<>();
		if (!keysMerged) {
			for (int k = 0; k < keys.size(); k++) {
				if (keys.kind[k] == Kind.FRESH) {
					created.put(keys.series[k], keys.key[k]);
				}
			}
		}
		return new Counts(inserted, updated, incoming - inserted - updated, series, created);
	}

	/** What the merge does with a key's rows: write them as new, lay them over the stored ones, or nothing. */
	enum Kind {
		FRESH, HELD, UNCHANGED
	}

	/** The file's keys with their series, by series. */
	private static final class Keys {

		int[] key;

		long[] series;

		Kind[] kind;

		static Keys read(JdbcClient jdbc) {
			List<long[]> rows = new ArrayList<>();
			jdbc.sql("SELECT key, series_id, fresh, unchanged IS TRUE FROM price_key_series ORDER BY series_id, key")
				.query((RowCallbackHandler) rs -> rows.add(new long[] { rs.getInt(1), rs.getLong(2),
						rs.getBoolean(3) ? 0 : rs.getBoolean(4) ? 2 : 1 }));
			Keys keys = new Keys();
			keys.key = new int[rows.size()];
			keys.series = new long[rows.size()];
			keys.kind = new Kind[rows.size()];
			for (int k = 0; k < rows.size(); k++) {
				keys.key[k] = (int) rows.get(k)[0];
				keys.series[k] = rows.get(k)[1];
				keys.kind[k] = Kind.values()[(int) rows.get(k)[2]];
			}
			return keys;
		}

		int size() {
			return key.length;
		}

		long count(Kind wanted) {
			return java.util.Arrays.stream(kind).filter(wanted::equals).count();
		}

	}

	/** Writes the year rows of the keys of one kind with one binary COPY, series by series. */
	private static void write(Connection connection, String copySql, YearRows rows, Keys keys,
			PriceStaging staging, Kind kind) throws SQLException {
		if (keys.count(kind) == 0) {
			return;
		}
		try (CopySender copy = new CopySender(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql))) {
			List<FileSeries> parts = new ArrayList<>();
			for (int k = 0; k < keys.size(); k++) {
				if (keys.kind[k] != kind) {
					continue;
				}
				parts.add(staging.series(keys.key[k]));
				if (k + 1 == keys.size() || keys.series[k + 1] != keys.series[k]) {
					rows.write(keys.series[k], parts);
					parts.clear();
					if (rows.out().size() >= BLOCK) {
						copy.send(rows.out().takeBlock());
					}
				}
			}
			copy.send(rows.out().takeLastBlock());
			copy.finish();
		}
	}

}
