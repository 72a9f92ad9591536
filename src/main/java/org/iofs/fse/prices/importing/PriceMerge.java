package org.iofs.fse.prices.importing;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Merges the staged prices set-based: one row per key (the file's last line wins), then markets, source
 * commodities (mapped by the first matching rule), series, and an upsert of the observations that touches only
 * those that differ and says which series changed.
 */
final class PriceMerge {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PriceMerge.class);

	record Counts(long inserted, long updated, long unchanged, List<Long> seriesChanged) {
	}

	// A WFP market keeps its id whatever its name's spelling: rows of a market id take the spelling the platform
	// already holds for it, else the one of the file's last row for it, so no market splits in two.
	private static final String ONE_SPELLING_PER_MARKET_ID = """
			UPDATE price_staging s SET admin1 = c.admin1, admin2 = c.admin2, market = c.name
			FROM (SELECT DISTINCT ON (i.iso3, i.market_id) i.iso3, i.market_id,
			             coalesce(m.admin1, i.admin1) AS admin1, coalesce(m.admin2, i.admin2) AS admin2,
			             coalesce(m.name, i.market) AS name
			      FROM price_staging i
			      LEFT JOIN prices.market m ON m.country_iso3 = i.iso3 AND m.wfp_market_id = i.market_id
			      WHERE i.market_id IS NOT NULL
			      ORDER BY i.iso3, i.market_id, m.id, i.line DESC) c
			WHERE s.iso3 = c.iso3 AND s.market_id = c.market_id
			  AND (s.admin1, s.admin2, s.market) IS DISTINCT FROM (c.admin1, c.admin2, c.name)
			""";

	private static final String INCOMING = """
			CREATE TEMPORARY TABLE price_incoming ON COMMIT DROP AS
			SELECT DISTINCT ON (iso3, admin1, admin2, market, commodity, price_type, unit, currency, month, price_flag) *
			FROM price_staging
			ORDER BY iso3, admin1, admin2, market, commodity, price_type, unit, currency, month, price_flag, line DESC
			""";

	private static final String MARKETS = """
			INSERT INTO prices.market AS m (country_iso3, admin1, admin2, name, wfp_market_id, latitude, longitude)
			SELECT DISTINCT ON (iso3, admin1, admin2, market) iso3, admin1, admin2, market, market_id, latitude, longitude
			FROM price_incoming ORDER BY iso3, admin1, admin2, market, line DESC
			ON CONFLICT (country_iso3, admin1, admin2, name) DO UPDATE SET
			    wfp_market_id = coalesce(EXCLUDED.wfp_market_id, m.wfp_market_id),
			    latitude = coalesce(EXCLUDED.latitude, m.latitude), longitude = coalesce(EXCLUDED.longitude, m.longitude)
			WHERE (m.wfp_market_id, m.latitude, m.longitude) IS DISTINCT FROM
			      (coalesce(EXCLUDED.wfp_market_id, m.wfp_market_id), coalesce(EXCLUDED.latitude, m.latitude),
			       coalesce(EXCLUDED.longitude, m.longitude))
			""";

	// The rule is looked up once per distinct commodity: in the select list of the DISTINCT ON query it ran for
	// every row of the file.
	private static final String COMMODITIES = """
			INSERT INTO prices.source_commodity (name, category, wfp_commodity_id, commodity_code)
			SELECT d.commodity, d.category, d.commodity_id,
			       (SELECT r.commodity_code FROM prices.commodity_rule r
			        WHERE d.commodity ILIKE r.name_pattern AND r.commodity_code = ANY (CAST(:known AS text[]))
			        ORDER BY r.position LIMIT 1)
			FROM (SELECT DISTINCT ON (i.commodity) i.commodity, coalesce(i.category, '') AS category, i.commodity_id
			      FROM price_incoming i ORDER BY i.commodity, i.line DESC) d
			ON CONFLICT (name) DO NOTHING
			""";

	private static final String KEYED = """
			CREATE TEMPORARY TABLE price_keyed ON COMMIT DROP AS
			SELECT m.id AS market_id, c.id AS commodity_id, i.price_type, i.unit, i.unit_quantity, i.base_unit,
			       i.currency, i.month, i.price_flag, i.price, i.usd_price
			FROM price_incoming i
			JOIN prices.market m ON (m.country_iso3, m.admin1, m.admin2, m.name) = (i.iso3, i.admin1, i.admin2, i.market)
			JOIN prices.source_commodity c ON c.name = i.commodity
			""";

	private static final String SERIES = """
			INSERT INTO prices.series (market_id, source_commodity_id, price_type, unit, unit_quantity, base_unit, currency)
			SELECT DISTINCT market_id, commodity_id, price_type, unit, unit_quantity, base_unit, currency FROM price_keyed
			ON CONFLICT (market_id, source_commodity_id, price_type, unit, currency) DO NOTHING
			""";

	private static final String OBSERVATIONS = """
			WITH applied AS (
			    INSERT INTO prices.observation AS o (series_id, month, price_flag, price, usd_price, source_import)
			    SELECT s.id, k.month, k.price_flag, k.price, k.usd_price, :importId
			    FROM price_keyed k
			    JOIN prices.series s ON (s.market_id, s.source_commodity_id, s.price_type, s.unit, s.currency)
			                          = (k.market_id, k.commodity_id, k.price_type, k.unit, k.currency)
			    ON CONFLICT (series_id, month, price_flag) DO UPDATE SET
			        price = EXCLUDED.price, usd_price = EXCLUDED.usd_price, source_import = EXCLUDED.source_import,
			        source_user = NULL, updated_at = now()
			    WHERE (o.price, o.usd_price) IS DISTINCT FROM (EXCLUDED.price, EXCLUDED.usd_price)
			    RETURNING o.series_id, (xmax = 0) AS inserted)
			SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated,
			       (SELECT count(*) FROM price_keyed) AS incoming,
			       coalesce(array_agg(DISTINCT series_id), '{}') AS series
			FROM applied
			""";

	private PriceMerge() {
	}

	/** @param known the codes of the platform's commodities, from the commodities module */
	static Counts apply(JdbcClient jdbc, long importId, Collection<String> known) {
		long start = System.nanoTime();
		// The merge sorts and hashes the whole file: with the default 4 MB it would spill to disk.
		jdbc.sql("SET LOCAL work_mem = '256MB'").update();
		jdbc.sql(ONE_SPELLING_PER_MARKET_ID).update();
		long spelled = System.nanoTime();
		jdbc.sql(INCOMING).update();
		// The planner knows nothing of a fresh temporary table: without statistics it joins row by row.
		jdbc.sql("ANALYZE price_incoming").update();
		long incomingMade = System.nanoTime();
		jdbc.sql(MARKETS).update();
		long markets = System.nanoTime();
		jdbc.sql(COMMODITIES).param("known", known.toArray(String[]::new)).update();
		jdbc.sql(KEYED).update();
		jdbc.sql("ANALYZE price_keyed").update();
		long keyed = System.nanoTime();
		jdbc.sql(SERIES).update();
		long seriesMade = System.nanoTime();
		Map<String, Object> counts = jdbc.sql(OBSERVATIONS).param("importId", importId).query().singleRow();
		log.debug("price merge: spellings {} ms, incoming {} ms, markets {} ms, keys {} ms, series {} ms, "
				+ "observations {} ms", (spelled - start) / 1_000_000, (incomingMade - spelled) / 1_000_000,
				(markets - incomingMade) / 1_000_000, (keyed - markets) / 1_000_000, (seriesMade - keyed) / 1_000_000,
				(System.nanoTime() - seriesMade) / 1_000_000);
		long inserted = ((Number) counts.get("inserted")).longValue();
		long updated = ((Number) counts.get("updated")).longValue();
		long incoming = ((Number) counts.get("incoming")).longValue();
		List<Long> series;
		try {
			series = List.of((Long[]) ((Array) counts.get("series")).getArray());
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return new Counts(inserted, updated, incoming - inserted - updated, series);
	}

}
