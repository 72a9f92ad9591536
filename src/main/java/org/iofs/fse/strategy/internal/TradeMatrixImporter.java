package org.iofs.fse.strategy.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.countries.FaostatAreas;
import org.iofs.fse.shared.imports.GuardedImport;
import org.iofs.fse.shared.imports.ImportFiles;
import org.iofs.fse.shared.imports.ImportProgress;
import org.iofs.fse.shared.imports.ImportRunLog;
import org.iofs.fse.shared.imports.ProblemPolicy;
import org.iofs.fse.shared.imports.SourceFile;
import org.iofs.fse.strategy.internal.TradeImportReport.Outcome;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a FAOSTAT Detailed Trade Matrix file (bulk normalized CSV, web export, or the bulk zip), through the
 * same frame as the balance sheets: streamed, staged with COPY and merged set-based in one transaction, so a broken
 * file, or a file with row problems under the REJECT policy, changes nothing; re-importing a file changes nothing.
 * Every import, applied or rejected, is recorded and audited. Only those who publish (analysts, administrators)
 * import.
 */
@Service
public class TradeMatrixImporter {

	private static final Logger log = LoggerFactory.getLogger(TradeMatrixImporter.class);

	static final String RUNS = "strategy.import_run";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Countries countries;

	private final TradeItems items;

	private final ImportProgress progress;

	private final ImportFiles files;

	private final StrategyCache cache;

	TradeMatrixImporter(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transaction, AccessPolicy access,
			AuditTrail audit, Countries countries, TradeItems items, ImportProgress progress, ImportFiles files, StrategyCache cache) {
		this.cache = cache;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transaction = transaction;
		this.access = access;
		this.audit = audit;
		this.countries = countries;
		this.items = items;
		this.progress = progress;
		this.files = files;
	}

	/** How far an import started from the upload page has got; only those who import may watch imports. */
	public Optional<ImportProgress.Progress> progress(String id) {
		access.require(Action.PUBLISH);
		return progress.of(id);
	}

	public TradeImportReport importFile(Path file, String fileName, ProblemPolicy policy) {
		return importFile(file, fileName, policy, null);
	}

	/** As above, reporting its reading progress under {@code progressId} for the upload page. */
	public TradeImportReport importFile(Path file, String fileName, ProblemPolicy policy, String progressId) {
		Caller caller = access.require(Action.PUBLISH);
		try {
			Instant startedAt = Instant.now();
			long start = System.nanoTime();
			// Read before the COPY starts: the copy holds the transaction's connection until it ends.
			List<Country> members = countries.all();
			TradeMatrixRows rows = new TradeMatrixRows(items, codes -> new FaostatAreas(codes, members));
			return GuardedImport.run(files, file, fileName,
					source -> transaction.execute(status -> load(source, rows, policy, caller, fileName, startedAt,
							start, progressId)),
					(sha256, message) -> rejected(fileName, sha256, rows, caller, startedAt, start, message));
		}
		finally {
			cache.forget();
			progress.finished(progressId);
		}
	}

	private TradeImportReport load(SourceFile source, TradeMatrixRows rows, ProblemPolicy policy, Caller caller,
			String fileName, Instant startedAt, long start, String progressId) {
		long importId = newRun(fileName, source.sha256(), caller, "APPLIED", startedAt);
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			long size = source.size();
			progress.reading(progressId, 0, size);
			try (TradeStaging staging = TradeStaging.open(jdbc, connection);
					Reader reader = source.reader(bytes -> progress.reading(progressId, bytes, size))) {
				rows.read(reader, staging);
				staging.finish();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("staging failed: " + ex.getMessage(), ex);
		}
		if (rows.problemCount() > 0 && policy == ProblemPolicy.REJECT) {
			throw new GuardedImport.RowsRejected(rows.problemCount());
		}
		progress.merging(progressId);
		TradeStaging.Counts counts = TradeStaging.merge(jdbc, importId);
		Outcome outcome = counts.inserted() + counts.updated() == 0 ? Outcome.UNCHANGED : Outcome.APPLIED;
		String message = outcome == Outcome.UNCHANGED ? "Every flow in the file is already stored: nothing changed"
				: counts.inserted() + " flows added, " + counts.updated() + " changed";
		TradeImportReport report = new TradeImportReport(importId, fileName, source.sha256(), rows.layout().describe(),
				outcome, rows.rowsRead(), counts.inserted(), counts.updated(), counts.unchanged(),
				rows.skippedItems() + rows.skippedNonMembers() + rows.problemCount(), rows.skippedItems(),
				rows.skippedNonMembers(), rows.problemCount(), rows.problems(), GuardedImport.elapsedMillis(start),
				message);
		record(report);
		audit.record("strategy.trade-imported", "faostat-trade-import", importId, null, summary(report));
		log.info("FAOSTAT trade matrix import {} of {}: {} ({} ms)", importId, fileName, message, report.durationMs());
		return report;
	}

	/** Records a rejected import in its own transaction, after the import's own was rolled back. */
	private TradeImportReport rejected(String fileName, String sha256, TradeMatrixRows rows, Caller caller,
			Instant startedAt, long start, String message) {
		return transaction.execute(status -> {
			long id = newRun(fileName, sha256 == null ? "" : sha256, caller, "REJECTED", startedAt);
			TradeImportReport report = new TradeImportReport(id, fileName, sha256,
					rows.layout() == null ? null : rows.layout().describe(), Outcome.REJECTED, rows.rowsRead(), 0, 0, 0,
					0, rows.skippedItems(), rows.skippedNonMembers(), rows.problemCount(), rows.problems(),
					GuardedImport.elapsedMillis(start), message);
			record(report);
			audit.record("strategy.trade-import-rejected", "faostat-trade-import", id, null, summary(report));
			return report;
		});
	}

	private long newRun(String fileName, String sha256, Caller caller, String outcome, Instant startedAt) {
		return ImportRunLog.open(jdbc, RUNS, fileName, sha256, caller.username(), outcome, startedAt, Map.of());
	}

	private void record(TradeImportReport report) {
		ImportRunLog.complete(jdbc, RUNS, report.id(),
				new ImportRunLog.Counts(report.layout(), report.outcome().name(), report.rowsRead(), report.inserted(),
						report.updated(), report.unchanged(), report.skipped(), report.problemCount(), report.message(),
						report.durationMs()),
				Map.of("skipped_items", report.skippedItems(), "skipped_non_members", report.skippedNonMembers()));
	}

	private static Map<String, Object> summary(TradeImportReport report) {
		return Map.of("file", report.fileName(), "sha256", report.sha256() == null ? "" : report.sha256(), "outcome",
				report.outcome(), "inserted", report.inserted(), "updated", report.updated(), "unchanged",
				report.unchanged(), "skipped", report.skipped(), "problems", report.problemCount());
	}

}
