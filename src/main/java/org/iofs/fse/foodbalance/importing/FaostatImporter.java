package org.iofs.fse.foodbalance.importing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import org.iofs.fse.foodbalance.internal.BalanceLines;
import org.iofs.fse.foodbalance.importing.ImportReport.Outcome;
import org.iofs.fse.shared.imports.ImportFiles;
import org.iofs.fse.shared.imports.SourceFile;
import org.iofs.fse.shared.imports.ProblemPolicy;
import org.iofs.fse.shared.imports.GuardedImport;
import org.iofs.fse.shared.imports.ImportProgress;
import org.iofs.fse.shared.imports.ImportRunLog;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a FAOSTAT Food Balances file (bulk normalized, bulk wide with or without flags, web export, or a bulk
 * zip). One import is one transaction: rows stream into a staging table with COPY and are merged set-based, so a
 * broken file, or a file with row problems under the REJECT policy, changes nothing. Every import, applied or
 * rejected, is recorded and audited. Only those who may publish (analysts, administrators) import.
 */
@Service
public class FaostatImporter {

	private static final Logger log = LoggerFactory.getLogger(FaostatImporter.class);

	static final String RUNS = "foodbalance.import_run";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Countries countries;

	private final ImportProgress progress;

	private final ImportFiles files;

	FaostatImporter(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transaction, AccessPolicy access,
			AuditTrail audit, Countries countries, ImportProgress progress, ImportFiles files) {
		this.files = files;
		this.progress = progress;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transaction = transaction;
		this.access = access;
		this.audit = audit;
		this.countries = countries;
	}

	/** How far an import started from the upload page has got; only those who import may watch imports. */
	public Optional<ImportProgress.Progress> progress(String id) {
		access.require(Action.PUBLISH);
		return progress.of(id);
	}

	public ImportReport importFile(Path file, String fileName, ProblemPolicy policy) {
		return importFile(file, fileName, policy, null);
	}

	/** As above, reporting its reading progress under {@code progressId} for the upload page. */
	public ImportReport importFile(Path file, String fileName, ProblemPolicy policy, String progressId) {
		Caller caller = access.require(Action.PUBLISH);
		try {
			return run(file, fileName, policy, progressId, caller);
		}
		finally {
			progress.finished(progressId);
		}
	}

	private ImportReport run(Path file, String fileName, ProblemPolicy policy, String progressId, Caller caller) {
		Instant startedAt = Instant.now();
		long start = System.nanoTime();
		// Read before the COPY starts: the copy holds the transaction's connection until it ends.
		List<Country> members = countries.all();
		FbsRows rows = new FbsRows(knownElements(), codes -> new FaostatAreas(codes, members));
		return GuardedImport.run(files, file, fileName,
				source -> transaction.execute(status -> load(source, source.sha256(), rows, policy, caller, fileName,
						startedAt, start, progressId)),
				(sha256, message) -> rejected(fileName, sha256, rows, caller, startedAt, start, message));
	}

	private ImportReport load(SourceFile source, String sha256, FbsRows rows, ProblemPolicy policy, Caller caller,
			String fileName, Instant startedAt, long start, String progressId) {
		long importId = ImportRunLog.open(jdbc, RUNS, fileName, sha256, caller.username(), "APPLIED", startedAt,
				Map.of());
		BalanceLines.createIncoming(jdbc);
		Connection connection = DataSourceUtils.getConnection(dataSource);
		long size;
		try {
			size = source.size();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		progress.reading(progressId, 0, size);
		boolean repeatedLines;
		try (StagingCopy staging = new StagingCopy(connection);
				Reader reader = source.reader(bytes -> progress.reading(progressId, bytes, size))) {
			rows.read(reader, staging);
			staging.finish();
			repeatedLines = staging.repeatedLines();
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
		long staged = System.nanoTime();
		BalanceLines.Counts counts = FbsMerge.apply(jdbc, importId, rows.items(), rows.oldFlagScheme(), repeatedLines,
				countries.all().stream().map(Country::iso3).toList());
		log.debug("FAOSTAT import {}: read and staged in {} ms, merged in {} ms{}", importId,
				(staged - start) / 1_000_000, GuardedImport.elapsedMillis(staged), repeatedLines ? " (repeated lines collapsed)" : "");
		Outcome outcome = counts.inserted() + counts.updated() == 0 ? Outcome.UNCHANGED : Outcome.APPLIED;
		long skipped = rows.aggregates() + rows.nonMembers() + rows.problemCount();
		String message = outcome == Outcome.UNCHANGED ? "Every value in the file is already stored: nothing changed"
				: counts.inserted() + " values added, " + counts.updated() + " changed";
		ImportReport report = new ImportReport(importId, fileName, sha256, rows.layout().describe(), outcome,
				rows.rowsRead(), counts.inserted(), counts.updated(), counts.unchanged(), skipped, rows.aggregates(),
				rows.nonMembers(), rows.problemCount(), rows.problems(), GuardedImport.elapsedMillis(start), message);
		record(report);
		audit.record("foodbalance.imported", "faostat-import", importId, null, summary(report));
		log.info("FAOSTAT import {} of {}: {} ({} ms)", importId, fileName, message, report.durationMs());
		return report;
	}

	/** Records a rejected import in its own transaction, after the import's own was rolled back. */
	private ImportReport rejected(String fileName, String sha256, FbsRows rows, Caller caller, Instant startedAt,
			long start, String message) {
		return transaction.execute(status -> {
			long id = ImportRunLog.open(jdbc, RUNS, fileName, sha256 == null ? "" : sha256, caller.username(),
					"REJECTED", startedAt, Map.of());
			ImportReport report = new ImportReport(id, fileName, sha256, rows.layout() == null ? null
					: rows.layout().describe(), Outcome.REJECTED, rows.rowsRead(), 0, 0, 0, 0, rows.aggregates(),
					rows.nonMembers(), rows.problemCount(), rows.problems(), GuardedImport.elapsedMillis(start), message);
			record(report);
			audit.record("foodbalance.import-rejected", "faostat-import", id, null, summary(report));
			return report;
		});
	}

	private void record(ImportReport report) {
		ImportRunLog.complete(jdbc, RUNS, report.id(),
				new ImportRunLog.Counts(report.layout(), report.outcome().name(), report.rowsRead(), report.inserted(),
						report.updated(), report.unchanged(), report.skipped(), report.problemCount(), report.message(),
						report.durationMs()),
				Map.of("skipped_aggregates", report.skippedAggregates(), "skipped_non_members",
						report.skippedNonMembers()));
	}

	private Set<Integer> knownElements() {
		return new HashSet<>(jdbc.sql("SELECT code FROM foodbalance.fbs_element").query(Integer.class).list());
	}

	private static Map<String, Object> summary(ImportReport report) {
		return Map.of("file", report.fileName(), "sha256", report.sha256() == null ? "" : report.sha256(), "outcome",
				report.outcome(), "inserted", report.inserted(), "updated", report.updated(), "unchanged",
				report.unchanged(), "skipped", report.skipped(), "problems", report.problemCount());
	}

}
