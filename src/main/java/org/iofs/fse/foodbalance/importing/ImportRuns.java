package org.iofs.fse.foodbalance.importing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.shared.PageOf;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The record of past imports, newest first, for those who import. */
@Service
public class ImportRuns {

	public record Run(long id, String fileName, String sha256, String layout, String importedBy, String outcome,
			long rowsRead, long inserted, long updated, long unchanged, long skipped, long problems, Instant startedAt,
			long durationMs) {
	}

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	ImportRuns(JdbcClient jdbc, AccessPolicy access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	@Transactional(readOnly = true)
	public PageOf<Run> recent(int page, int size) {
		access.require(Action.PUBLISH);
		PageOf.checkRequest(page, size);
		long total = jdbc.sql("SELECT count(*) FROM foodbalance.import_run").query(Long.class).single();
		List<Run> runs = jdbc.sql("""
				SELECT id, file_name, sha256, layout, imported_by, outcome, rows_read, rows_inserted, rows_updated,
				       rows_unchanged, rows_skipped, problems, started_at, duration_ms
				FROM foodbalance.import_run ORDER BY id DESC LIMIT :limit OFFSET :offset
				""")
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
