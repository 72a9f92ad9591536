package org.iofs.fse.foodbalance.importing;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Merges the staging table into the balance values, set-based: the item catalogue first, then one value per
 * key (the file's last line wins), compared with what is stored to count inserted, updated and unchanged values,
 * then one upsert that touches only the values that differ.
 */
final class FbsMerge {

	record Counts(long inserted, long updated, long unchanged) {
	}

	private static final String OLD_SCHEME = """
			SELECT EXISTS (SELECT 1 FROM fbs_staging WHERE flag IN ('F', 'Fc', 'Im', '*', 'NR', 'NV', 'SD', 'S'))
			""";

	private static final String ITEMS = """
			INSERT INTO foodbalance.fbs_item (code, name_en)
			SELECT DISTINCT ON (item_code) item_code, coalesce(nullif(item_name, ''), 'FBS item ' || item_code)
			FROM fbs_staging ORDER BY item_code, line DESC
			ON CONFLICT (code) DO NOTHING
			""";

	private static final String INCOMING = """
			CREATE TEMPORARY TABLE fbs_incoming ON COMMIT DROP AS
			SELECT DISTINCT ON (iso3, item_code, element_code, year)
			       iso3, item_code, element_code, year, value, unit, flag,
			       foodbalance.flag_class(flag, :oldScheme) AS flag_class
			FROM fbs_staging
			ORDER BY iso3, item_code, element_code, year, line DESC
			""";

	private static final String COMPARE = """
			SELECT count(*) FILTER (WHERE b.country_iso3 IS NULL) AS inserted,
			       count(*) FILTER (WHERE b.country_iso3 IS NOT NULL AND (b.value, b.unit, b.flag, b.status)
			                        IS DISTINCT FROM (i.value, i.unit, i.flag, 'PUBLISHED')) AS updated,
			       count(*) FILTER (WHERE b.country_iso3 IS NOT NULL AND (b.value, b.unit, b.flag, b.status)
			                        IS NOT DISTINCT FROM (i.value, i.unit, i.flag, 'PUBLISHED')) AS unchanged
			FROM fbs_incoming i
			LEFT JOIN foodbalance.balance_value b
			       ON (b.country_iso3, b.item_code, b.element_code, b.year) = (i.iso3, i.item_code, i.element_code, i.year)
			""";

	private static final String APPLY = """
			INSERT INTO foodbalance.balance_value (country_iso3, item_code, element_code, year, value, unit, flag,
			    flag_class, source_import, status)
			SELECT iso3, item_code, element_code, year, value, unit, flag, flag_class, :importId, 'PUBLISHED'
			FROM fbs_incoming
			ON CONFLICT (country_iso3, item_code, element_code, year) DO UPDATE SET
			    value = EXCLUDED.value, unit = EXCLUDED.unit, flag = EXCLUDED.flag, flag_class = EXCLUDED.flag_class,
			    source_import = EXCLUDED.source_import, source_user = NULL, status = 'PUBLISHED', updated_at = now()
			WHERE (balance_value.value, balance_value.unit, balance_value.flag, balance_value.status)
			      IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.unit, EXCLUDED.flag, EXCLUDED.status)
			""";

	private FbsMerge() {
	}

	static Counts apply(JdbcClient jdbc, long importId) {
		boolean oldScheme = jdbc.sql(OLD_SCHEME).query(Boolean.class).single();
		jdbc.sql(ITEMS).update();
		jdbc.sql(INCOMING).param("oldScheme", oldScheme).update();
		Map<String, Object> counts = jdbc.sql(COMPARE).query().singleRow();
		jdbc.sql(APPLY).param("importId", importId).update();
		return new Counts(((Number) counts.get("inserted")).longValue(), ((Number) counts.get("updated")).longValue(),
				((Number) counts.get("unchanged")).longValue());
	}

}
