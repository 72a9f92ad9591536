package org.iofs.fse.prices.importing;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.iofs.fse.shared.imports.ImportRunLog;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The row each price or index import leaves in {@code prices.import_run}: opened when it starts, completed at the end. */
final class PriceImportRecord {

	private PriceImportRecord() {
	}

	static final String RUNS = "prices.import_run";

	/** @return the new run's id */
	static long open(JdbcClient jdbc, String fileName, String sha256, String country, String user, Instant startedAt,
			PriceImportReport.Outcome outcome) {
		Map<String, Object> extra = new HashMap<>();
		extra.put("country_iso3", country);
		return ImportRunLog.open(jdbc, RUNS, fileName, sha256, user, outcome.name(), startedAt, extra);
	}

	static void complete(JdbcClient jdbc, PriceImportReport report) {
		ImportRunLog.complete(jdbc, RUNS, report.id(),
				new ImportRunLog.Counts(report.layout(), report.outcome().name(), report.rowsRead(), report.inserted(),
						report.updated(), report.unchanged(), report.skipped(), report.problemCount(), report.message(),
						report.durationMs()),
				Map.of());
	}

}
