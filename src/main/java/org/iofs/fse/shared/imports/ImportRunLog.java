package org.iofs.fse.shared.imports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.iofs.fse.shared.PageOf;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads an importer's record of runs (a table with the import_run columns every importer keeps), newest first.
 * The caller checks who may read it.
 */
public final class ImportRunLog {

	public record Run(long id, String fileName, String sha256, String layout, String importedBy, String outcome,
			long rowsRead, long inserted, long updated, long unchanged, long skipped, long problems, Instant startedAt,
			long durationMs) {
	}

	private static final Set<String> TABLES = Set.of("foodbalance.import_run", "prices.import_run", "strategy.import_run");

	private ImportRunLog() {
	}

	public static PageOf<Run> recent(JdbcClient jdbc, String table, int page, int size) {
		if (!TABLES.contains(table)) {
			throw new IllegalArgumentException("not an import record: " + table);
		}
		PageOf.checkRequest(page, size);
		long total = jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
		List<Run> runs = jdbc.sql("""
				SELECT id, file_name, sha256, layout, imported_by, outcome, rows_read, rows_inserted, rows_updated,
				       rows_unchanged, rows_skipped, problems, started_at, duration_ms
				FROM %s ORDER BY id DESC LIMIT :limit OFFSET :offset
				""".formatted(table))
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> new Run(rs.getLong("id"), rs.getString("file_name"), rs.getString("sha256"),
					rs.getString("layout"), rs.getString("imported_by"), rs.getString("outcome"), rs.getLong("rows_read"),
					rs.getLong("rows_inserted"), rs.getLong("rows_updated"), rs.getLong("rows_unchanged"),
					rs.getLong("rows_skipped"), rs.getLong("problems"), instant(rs.getTimestamp("started_at")),
					rs.getLong("duration_ms")))
			.list();
		return new PageOf<>(runs, page, size, total);
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
