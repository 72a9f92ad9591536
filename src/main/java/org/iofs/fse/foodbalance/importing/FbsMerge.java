package org.iofs.fse.foodbalance.importing;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Merges the staging table into the balance values, set-based: the item catalogue first, then one value per
 * key (the file's last line wins), then one upsert that touches only the values that differ and counts what it
 * inserted and updated; the rest were unchanged.
 */
final class FbsMerge {

	record Counts(long inserted, long updated, long unchanged) {
	}

	// Sorting two million keys in memory instead of on disk is what makes the merge fast.
	private static final String MEMORY = "SET LOCAL work_mem = '256MB'";

	private static final String ITEM = """
			INSERT INTO foodbalance.fbs_item (code, name_en) VALUES (:code, :name) ON CONFLICT (code) DO NOTHING
			""";

	private static final String INCOMING = """
			CREATE TEMPORARY TABLE fbs_incoming ON COMMIT DROP AS
			SELECT DISTINCT ON (iso3, item_code, element_code, year)
			       iso3, item_code, element_code, year, value, unit, flag,
			       foodbalance.flag_class(flag, :oldScheme) AS flag_class
			FROM fbs_staging
			ORDER BY iso3, item_code, element_code, year, line DESC
			""";

	// One pass: the upsert skips unchanged values, and what it returns tells inserted (xmax = 0) from updated.
	private static final String APPLY = """
			WITH applied AS (
			    INSERT INTO foodbalance.balance_value (country_iso3, item_code, element_code, year, value, unit, flag,
			        flag_class, source_import, status)
			    SELECT iso3, item_code, element_code, year, value, unit, flag, flag_class, :importId, 'PUBLISHED'
			    FROM fbs_incoming
			    ON CONFLICT (country_iso3, item_code, element_code, year) DO UPDATE SET
			        value = EXCLUDED.value, unit = EXCLUDED.unit, flag = EXCLUDED.flag, flag_class = EXCLUDED.flag_class,
			        source_import = EXCLUDED.source_import, source_user = NULL, status = 'PUBLISHED', updated_at = now()
			    WHERE (balance_value.value, balance_value.unit, balance_value.flag, balance_value.status)
			          IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.unit, EXCLUDED.flag, EXCLUDED.status)
			    RETURNING (xmax = 0) AS inserted)
			SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated,
			       (SELECT count(*) FROM fbs_incoming) AS incoming
			FROM applied
			""";

	private FbsMerge() {
	}

	/**
	 * @param items the FBS items the file names, with their names, for the catalogue
	 * @param oldScheme whether the file uses FAOSTAT's old flag scheme
	 */
	static Counts apply(JdbcClient jdbc, long importId, Map<Integer, String> items, boolean oldScheme) {
		jdbc.sql(MEMORY).update();
		items.forEach((code, name) -> jdbc.sql(ITEM)
			.param("code", code)
			.param("name", name.isBlank() ? "FBS item " + code : name)
			.update());
		jdbc.sql(INCOMING).param("oldScheme", oldScheme).update();
		Map<String, Object> counts = jdbc.sql(APPLY).param("importId", importId).query().singleRow();
		long inserted = ((Number) counts.get("inserted")).longValue();
		long updated = ((Number) counts.get("updated")).longValue();
		long incoming = ((Number) counts.get("incoming")).longValue();
		return new Counts(inserted, updated, incoming - inserted - updated);
	}

}
