package org.iofs.fse.shared.imports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.iofs.fse.shared.PageOf;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An importer's record of runs (a table with the import_run columns every importer keeps): a run opened when an
 * import starts, completed with its counts when it ends, and read newest first. The caller checks who may read it.
 */
public final class ImportRunLog {

	public record Run(long id, String fileName, String sha256, String layout, String importedBy, String outcome,
			long rowsRead, long inserted, long updated, long unchanged, long skipped, long problems, Instant startedAt,
			long durationMs) {
	}

	/** What a finished import counted; {@code outcome} is APPLIED, UNCHANGED or REJECTED. */
	public record Counts(String layout, String outcome, long rowsRead, long inserted, long updated, long unchanged,
			long skipped, long problems, String message, long durationMs) {
	}

	private static final Set<String> TABLES = Set.of("foodbalance.import_run", "prices.import_run", "strategy.import_run");

	/** Columns some importers keep beside the common ones. */
	private static final Set<String> EXTRA_COLUMNS = Set.of("country_iso3", "skipped_aggregates", "skipped_non_members",
			"skipped_items");

	private ImportRunLog() {
	}

	/**
	 * Opens a run as the import starts (or records a refused one).
	 *
	 * @param extra columns of this importer's own (the member state of a price file), by name
	 * @return the run's id
	 */
	public static long open(JdbcClient jdbc, String table, String fileName, String sha256, String user, String outcome,
			Instant startedAt, Map<String, Object> extra) {
		checkTable(table);
		extra.keySet().forEach(ImportRunLog::checkColumn);
		StringBuilder columns = new StringBuilder("file_name, sha256, imported_by, outcome, started_at");
		StringBuilder values = new StringBuilder(":name, :sha, :user, :outcome, :started");
		extra.keySet().forEach(column -> {
			columns.append(", ").append(column);
			values.append(", :").append(column);
		});
		var statement = jdbc.sql("INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ") RETURNING id")
			.param("name", fileName)
			.param("sha", sha256 == null || sha256.isEmpty() ? "-".repeat(64) : sha256)
			.param("user", user)
			.param("outcome", outcome)
			.param("started", Timestamp.from(startedAt));
		for (Map.Entry<String, Object> column : extra.entrySet()) {
			statement = statement.param(column.getKey(), column.getValue());
		}
		return statement.query(Long.class).single();
	}

	/**
	 * Completes a run with what the import counted.
	 *
	 * @param extra counts of this importer's own (rows of aggregates or of other items skipped), by column
	 */
	public static void complete(JdbcClient jdbc, String table, long id, Counts counts, Map<String, Long> extra) {
		checkTable(table);
		extra.keySet().forEach(ImportRunLog::checkColumn);
		StringBuilder set = new StringBuilder("""
				layout = :layout, outcome = :outcome, rows_read = :read, rows_inserted = :inserted,
				rows_updated = :updated, rows_unchanged = :unchanged, rows_skipped = :skipped, problems = :problems,
				message = :message, duration_ms = :duration""");
		extra.keySet().forEach(column -> set.append(", ").append(column).append(" = :").append(column));
		var statement = jdbc.sql("UPDATE " + table + " SET " + set + " WHERE id = :id")
			.param("layout", counts.layout())
			.param("outcome", counts.outcome())
			.param("read", counts.rowsRead())
			.param("inserted", counts.inserted())
			.param("updated", counts.updated())
			.param("unchanged", counts.unchanged())
			.param("skipped", counts.skipped())
			.param("problems", counts.problems())
			.param("message", counts.message())
			.param("duration", counts.durationMs())
			.param("id", id);
		for (Map.Entry<String, Long> column : extra.entrySet()) {
			statement = statement.param(column.getKey(), column.getValue());
		}
		statement.update();
	}

	public static PageOf<Run> recent(JdbcClient jdbc, String table, int page, int size) {
		checkTable(table);
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

	private static void checkTable(String table) {
		if (!TABLES.contains(table)) {
			throw new IllegalArgumentException("not an import record: " + table);
		}
	}

	private static void checkColumn(String column) {
		if (!EXTRA_COLUMNS.contains(column)) {
			throw new IllegalArgumentException("not a column of an import record: " + column);
		}
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
