package org.iofs.fse.foodbalance.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes balance values, set-based, into {@code foodbalance.balance_line} (one line per member state, FBS item and
 * year, its elements in aligned arrays sorted by element code). Every writer (the FAOSTAT import, the publication of
 * a validated national sheet, the demo generator) first fills the transaction's temporary table
 * {@value #INCOMING}, one row per line, then calls {@link #merge}: new lines are inserted whole, existing lines
 * get the incoming elements put over theirs, and only the values that differ change, keeping their source.
 */
public final class BalanceLines {

	/** Who wrote the values: an import, or a person. Exactly one of the two is set. */
	public record Source(Long importId, String user) {

		public static Source ofImport(long importId) {
			return new Source(importId, null);
		}

		public static Source ofUser(String user) {
			return new Source(null, user);
		}

	}

	/** Values inserted, updated and left unchanged. */
	public record Counts(long inserted, long updated, long unchanged) {
	}

	public static final String INCOMING = "balance_incoming";

	// seq orders the rows of one key when a file repeats it: the higher seq (later in the file) wins.
	private static final String CREATE = """
			CREATE TEMPORARY TABLE balance_incoming (
			    seq integer NOT NULL DEFAULT 0, iso3 char(3) NOT NULL, item_code integer NOT NULL,
			    year smallint NOT NULL, element_codes integer[] NOT NULL, vals numeric(18,4)[] NOT NULL,
			    units text[] NOT NULL, flags text[] NOT NULL) ON COMMIT DROP
			""";

	private static final String FROM_VALUES = """
			INSERT INTO balance_incoming (iso3, item_code, year, element_codes, vals, units, flags)
			SELECT iso3, item_code, year, array_agg(element_code ORDER BY element_code),
			       array_agg(value ORDER BY element_code), array_agg(unit ORDER BY element_code),
			       array_agg(flag ORDER BY element_code)
			FROM (%s) AS v (iso3, item_code, year, element_code, value, unit, flag)
			GROUP BY iso3, item_code, year
			""";

	private static final String COLLAPSE = """
			CREATE TEMPORARY TABLE balance_collapsed ON COMMIT DROP AS
			SELECT iso3, item_code, year, array_agg(e ORDER BY e) AS element_codes, array_agg(v ORDER BY e) AS vals,
			       array_agg(u ORDER BY e) AS units, array_agg(f ORDER BY e) AS flags
			FROM (SELECT DISTINCT ON (i.iso3, i.item_code, i.year, x.e) i.iso3, i.item_code, i.year, x.e, x.v, x.u, x.f
			      FROM balance_incoming i CROSS JOIN LATERAL unnest(i.element_codes, i.vals, i.units, i.flags) AS x (e, v, u, f)
			      ORDER BY i.iso3, i.item_code, i.year, x.e, i.seq DESC) AS latest
			GROUP BY iso3, item_code, year;
			TRUNCATE balance_incoming;
			INSERT INTO balance_incoming (iso3, item_code, year, element_codes, vals, units, flags)
			SELECT iso3, item_code, year, element_codes, vals, units, flags FROM balance_collapsed;
			DROP TABLE balance_collapsed
			""";

	private static final String INSERT_NEW = """
			WITH inserted AS (
			    INSERT INTO foodbalance.balance_line (country_iso3, year, item_code, element_codes, vals, units, flags,
			        old_flag_schemes, source_imports, source_users, status)
			    SELECT i.iso3, i.year, i.item_code, i.element_codes, i.vals, i.units, i.flags,
			           array_fill(CAST(:oldScheme AS boolean), ARRAY[cardinality(i.element_codes)]),
			           array_fill(CAST(:importId AS bigint), ARRAY[cardinality(i.element_codes)]),
			           array_fill(CAST(:user AS text), ARRAY[cardinality(i.element_codes)]), 'PUBLISHED'
			    FROM balance_incoming i
			    WHERE NOT EXISTS (SELECT 1 FROM foodbalance.balance_line l
			                      WHERE (l.country_iso3, l.year, l.item_code) = (i.iso3, i.year, i.item_code))
			    RETURNING cardinality(element_codes) AS n)
			SELECT coalesce(sum(n), 0) FROM inserted
			""";

	// Each existing line is merged element by element: an incoming element is added or replaces the stored one;
	// a stored element the file does not name stays as it is. Unchanged values keep their flag class and source.
	private static final String UPDATE_EXISTING = """
			WITH merged AS (
			    SELECT l.country_iso3, l.year, l.item_code, m.*
			    FROM balance_incoming i
			    JOIN foodbalance.balance_line l ON (l.country_iso3, l.year, l.item_code) = (i.iso3, i.year, i.item_code)
			        -- A line that comes back exactly as stored (the common case of a re-import) is not taken apart.
			        AND NOT (i.element_codes = l.element_codes AND i.vals = l.vals AND i.units = l.units
			                 AND i.flags = l.flags AND l.status = 'PUBLISHED')
			    CROSS JOIN LATERAL (
			        SELECT array_agg(e ORDER BY e) AS element_codes,
			               array_agg(CASE WHEN takes THEN nv ELSE ov END ORDER BY e) AS vals,
			               array_agg(CASE WHEN takes THEN nu ELSE ou END ORDER BY e) AS units,
			               array_agg(CASE WHEN takes THEN nf ELSE ofl END ORDER BY e) AS flags,
			               array_agg(CASE WHEN takes THEN CAST(:oldScheme AS boolean) ELSE osch END ORDER BY e)
			                   AS old_flag_schemes,
			               array_agg(CASE WHEN takes THEN CAST(:importId AS bigint) ELSE osi END ORDER BY e)
			                   AS source_imports,
			               array_agg(CASE WHEN takes THEN CAST(:user AS text) ELSE osu END ORDER BY e) AS source_users,
			               count(*) FILTER (WHERE takes AND oe IS NULL) AS added,
			               count(*) FILTER (WHERE takes AND oe IS NOT NULL) AS changed
			        FROM (SELECT coalesce(ne, oe) AS e, ne IS NOT NULL AND (oe IS NULL OR (nv, nu, nf) IS DISTINCT FROM
			                     (ov, ou, ofl) OR l.status <> 'PUBLISHED') AS takes, n.*, o.*
			              FROM unnest(i.element_codes, i.vals, i.units, i.flags) AS n (ne, nv, nu, nf)
			              FULL JOIN unnest(l.element_codes, l.vals, l.units, l.flags, l.old_flag_schemes, l.source_imports,
			                               l.source_users) AS o (oe, ov, ou, ofl, osch, osi, osu) ON oe = ne) AS pairs
			    ) AS m
			    WHERE m.added + m.changed > 0),
			updated AS (
			    UPDATE foodbalance.balance_line l
			    SET element_codes = m.element_codes, vals = m.vals, units = m.units, flags = m.flags,
			        old_flag_schemes = m.old_flag_schemes, source_imports = m.source_imports, source_users = m.source_users,
			        status = 'PUBLISHED', updated_at = now()
			    FROM merged m
			    WHERE (l.country_iso3, l.year, l.item_code) = (m.country_iso3, m.year, m.item_code)
			    RETURNING m.added, m.changed)
			SELECT coalesce(sum(added), 0) AS added, coalesce(sum(changed), 0) AS changed,
			       (SELECT coalesce(sum(cardinality(element_codes)), 0) FROM balance_incoming) AS incoming
			FROM updated
			""";

	// Stands in for foreign keys, which cost a lookup per line (see the migration that made balance_line).
	private static final String UNKNOWN_REFERENCES = """
			SELECT (SELECT string_agg(DISTINCT iso3, ', ') FROM balance_incoming i
			        WHERE NOT (i.iso3 = ANY (CAST(:members AS text[])))) AS countries,
			       (SELECT string_agg(DISTINCT CAST(item_code AS text), ', ') FROM balance_incoming i
			        WHERE NOT EXISTS (SELECT 1 FROM foodbalance.fbs_item f WHERE f.code = i.item_code)) AS items
			""";

	private BalanceLines() {
	}

	/** Creates the transaction's (empty) {@value #INCOMING} table. */
	public static void createIncoming(JdbcClient jdbc) {
		jdbc.sql(CREATE).update();
	}

	/**
	 * Fills {@value #INCOMING} from a query giving one row per value: (iso3, item code, year, element code, value,
	 * unit, flag), with at most one row per key.
	 */
	public static void incomingFromValues(JdbcClient jdbc, String valuesQuery, Map<String, ?> params) {
		jdbc.sql(FROM_VALUES.formatted(valuesQuery)).params(params).update();
	}

	/** Makes one row per key of {@value #INCOMING}, the latest (highest seq) value of each element winning. */
	public static void collapseRepeatedKeys(JdbcClient jdbc) {
		for (String statement : COLLAPSE.split(";")) {
			jdbc.sql(statement).update();
		}
	}

	/**
	 * Merges {@value #INCOMING} (one row per key) into the balance lines, as published values of {@code source}.
	 *
	 * @param oldFlagScheme whether the flags follow FAOSTAT's old scheme (see {@code foodbalance.flag_class})
	 * @param members the ISO3 codes of the member states, from the countries module
	 */
	public static Counts merge(JdbcClient jdbc, Source source, boolean oldFlagScheme, Collection<String> members) {
		// The planner knows nothing of a fresh temporary table; statistics on the key are enough to join by hash
		// (the arrays would take most of the time of a full ANALYZE).
		// Writers take turns: two merges inserting the same new line at once would otherwise fail on the key.
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('foodbalance.balance_line'))").query().singleRow();
		jdbc.sql("ANALYZE balance_incoming (iso3, item_code, year)").update();
		Map<String, Object> params = new HashMap<>();
		params.put("importId", source.importId());
		params.put("user", source.user());
		params.put("oldScheme", oldFlagScheme);
		Map<String, Object> counts = jdbc.sql(UPDATE_EXISTING).params(params).query().singleRow();
		Map<String, Object> unknown = jdbc.sql(UNKNOWN_REFERENCES).param("members", members.toArray(String[]::new))
			.query().singleRow();
		if (unknown.get("countries") != null || unknown.get("items") != null) {
			throw new IllegalStateException("balance values name unknown member states (" + unknown.get("countries")
					+ ") or FBS items (" + unknown.get("items") + ")");
		}
		long inserted = jdbc.sql(INSERT_NEW).params(params).query(Long.class).single();
		long added = ((Number) counts.get("added")).longValue();
		long changed = ((Number) counts.get("changed")).longValue();
		long incoming = ((Number) counts.get("incoming")).longValue();
		return new Counts(inserted + added, changed, incoming - inserted - added - changed);
	}

}
