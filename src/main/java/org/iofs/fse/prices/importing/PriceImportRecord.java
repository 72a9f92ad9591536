package org.iofs.fse.prices.importing;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The row each price or index import leaves in {@code prices.import_run}: opened when it starts, completed at the end. */
final class PriceImportRecord {

	private PriceImportRecord() {
	}

	/** @return the new run's id */
	static long open(JdbcClient jdbc, String fileName, String sha256, String country, String user, Instant startedAt,
			PriceImportReport.Outcome outcome) {
		return jdbc.sql("""
				INSERT INTO prices.import_run (file_name, sha256, country_iso3, imported_by, outcome, started_at)
				VALUES (:name, :sha, :country, :user, :outcome, :started) RETURNING id
				""")
			.param("name", fileName)
			.param("sha", sha256 == null || sha256.isEmpty() ? "-".repeat(64) : sha256)
			.param("country", country)
			.param("user", user)
			.param("outcome", outcome.name())
			.param("started", Timestamp.from(startedAt))
			.query(Long.class)
			.single();
	}

	static void complete(JdbcClient jdbc, PriceImportReport report) {
		jdbc.sql("""
				UPDATE prices.import_run SET layout = :layout, outcome = :outcome, rows_read = :read,
				    rows_inserted = :inserted, rows_updated = :updated, rows_unchanged = :unchanged,
				    rows_skipped = :skipped, problems = :problems, message = :message, duration_ms = :duration
				WHERE id = :id
				""")
			.param("layout", report.layout())
			.param("outcome", report.outcome().name())
			.param("read", report.rowsRead())
			.param("inserted", report.inserted())
			.param("updated", report.updated())
			.param("unchanged", report.unchanged())
			.param("skipped", report.skipped())
			.param("problems", report.problemCount())
			.param("message", report.message())
			.param("duration", report.durationMs())
			.param("id", report.id())
			.update();
	}

}
