package org.iofs.fse.prices.importing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.prices.internal.SeriesIndicators;
import org.iofs.fse.prices.importing.PriceImportReport.Outcome;
import org.iofs.fse.shared.imports.GuardedImport;
import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.Commodity;
import org.iofs.fse.shared.imports.ImportFiles;
import org.iofs.fse.shared.imports.ImportProgress;
import org.iofs.fse.shared.imports.ProblemPolicy;
import org.iofs.fse.shared.imports.SourceFile;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a WFP food prices file as published on HDX (per country, or the global file with countryiso3). One
 * import is one transaction: rows stream into staging with COPY and merge set-based, then the indicators of every
 * series that changed are recomputed and their alerts raised, so a refused file changes nothing. Every import,
 * applied or refused, is recorded and audited. Only those who may publish (analysts, administrators) import.
 */
@Service
public class WfpPriceImporter {

	private static final Logger log = LoggerFactory.getLogger(WfpPriceImporter.class);

	private static final Pattern COUNTRY_IN_NAME = Pattern.compile("wfp_food_prices_([a-z]{3})\\b",
			Pattern.CASE_INSENSITIVE);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Countries countries;

	private final ImportProgress progress;

	private final SeriesIndicators indicators;

	private final Clock clock;

	private final ImportFiles files;

	private final Commodities commodities;

	WfpPriceImporter(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transaction, AccessPolicy access,
			AuditTrail audit, Countries countries, ImportProgress progress, SeriesIndicators indicators, Clock clock, ImportFiles files, Commodities commodities) {
		this.commodities = commodities;
		this.files = files;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transaction = transaction;
		this.access = access;
		this.audit = audit;
		this.countries = countries;
		this.progress = progress;
		this.indicators = indicators;
		this.clock = clock;
	}

	/** How far an import started from the upload page has got; only those who import may watch imports. */
	public Optional<ImportProgress.Progress> progress(String id) {
		access.require(Action.PUBLISH);
		return progress.of(id);
	}

	public PriceImportReport importFile(Path file, String fileName, String country, ProblemPolicy policy) {
		return importFile(file, fileName, country, policy, null);
	}

	/**
	 * @param country the ISO3 code of a per-country file's country; when null it is read from the file name
	 *        ({@code wfp_food_prices_<iso3>.csv}) or, for the global file, from its countryiso3 column
	 */
	public PriceImportReport importFile(Path file, String fileName, String country, ProblemPolicy policy,
			String progressId) {
		Caller caller = access.require(Action.PUBLISH);
		try {
			return run(file, fileName, country, policy, progressId, caller);
		}
		finally {
			progress.finished(progressId);
		}
	}

	private PriceImportReport run(Path file, String fileName, String country, ProblemPolicy policy, String progressId,
			Caller caller) {
		Instant startedAt = Instant.now();
		long start = System.nanoTime();
		String fileCountry = country != null && !country.isBlank() ? countries.get(country.strip()).iso3()
				: countryInName(fileName);
		Set<String> members = countries.all().stream().map(Country::iso3).collect(Collectors.toSet());
		WfpRows rows = new WfpRows(members, fileCountry, YearMonth.now(clock));
		if (fileCountry != null && !members.contains(fileCountry)) {
			return rejected(fileName, "", null, rows, caller, startedAt, start,
					fileName + ": " + fileCountry + " is not an OIC member state");
		}
		return GuardedImport.run(files, file, fileName,
				source -> transaction.execute(status -> load(source, source.sha256(), fileCountry, rows, policy,
						caller, fileName, startedAt, start, progressId)),
				(sha256, message) -> rejected(fileName, sha256, fileCountry, rows, caller, startedAt, start, message));
	}

	private PriceImportReport load(SourceFile source, String sha256, String country, WfpRows rows,
			ProblemPolicy policy, Caller caller, String fileName, Instant startedAt, long start, String progressId) {
		long importId = PriceImportRecord.open(jdbc, fileName, sha256, country, caller.username(), startedAt,
				Outcome.APPLIED);
		jdbc.sql(PriceStaging.KEYS_TABLE).update();
		Connection connection = DataSourceUtils.getConnection(dataSource);
		PriceStaging staging = new PriceStaging();
		try {
			long size = source.size();
			progress.reading(progressId, 0, size);
			try (Reader reader = source.reader(bytes -> progress.reading(progressId, bytes, size))) {
				rows.read(reader, staging);
			}
			staging.finish(connection);
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
		PriceMerge.Counts counts = PriceMerge.apply(jdbc, connection, importId,
				commodities.all().stream().map(Commodity::code).toList(), staging);
		long merged = System.nanoTime();
		// The series this import created: their prices are those the staging holds, not read back.
		long alerts = indicators.recompute(counts.seriesChanged(), staging.pricesOf(counts.created()));
		log.debug("WFP price import {}: read and staged in {} ms, merged in {} ms, indicators of {} series in {} ms",
				importId, (staged - start) / 1_000_000, (merged - staged) / 1_000_000, counts.seriesChanged().size(),
				GuardedImport.elapsedMillis(merged));
		Outcome outcome = counts.inserted() + counts.updated() == 0 ? Outcome.UNCHANGED : Outcome.APPLIED;
		String message = outcome == Outcome.UNCHANGED ? "Every price in the file is already stored: nothing changed"
				: counts.inserted() + " prices added, " + counts.updated() + " changed; indicators recomputed for "
						+ counts.seriesChanged().size() + " series, " + alerts + " alerts raised";
		PriceImportReport report = new PriceImportReport(importId, fileName, sha256, rows.layout().describe(), country,
				outcome, rows.rowsRead(), counts.inserted(), counts.updated(), counts.unchanged(), skipped(rows),
				rows.nonMembers(), rows.implausible(), rows.problemCount(), rows.problems(), rows.skippedRows(),
				counts.seriesChanged().size(), alerts, GuardedImport.elapsedMillis(start), message);
		record(report);
		audit.record("prices.imported", "price-import", importId, null, summary(report));
		log.info("WFP price import {} of {}: {} ({} ms)", importId, fileName, message, report.durationMs());
		return report;
	}

	/** Records a refused import in its own transaction, after the import's own was rolled back. */
	private PriceImportReport rejected(String fileName, String sha256, String country, WfpRows rows, Caller caller,
			Instant startedAt, long start, String message) {
		return transaction.execute(status -> {
			long id = PriceImportRecord.open(jdbc, fileName, sha256, country, caller.username(), startedAt,
					Outcome.REJECTED);
			PriceImportReport report = new PriceImportReport(id, fileName, sha256, rows.layout() == null ? null
					: rows.layout().describe(), country, Outcome.REJECTED, rows.rowsRead(), 0, 0, 0, 0,
					rows.nonMembers(), rows.implausible(), rows.problemCount(), rows.problems(), rows.skippedRows(), 0,
					0, GuardedImport.elapsedMillis(start), message);
			record(report);
			audit.record("prices.import-rejected", "price-import", id, null, summary(report));
			return report;
		});
	}

	private void record(PriceImportReport report) {
		PriceImportRecord.complete(jdbc, report);
	}

	static String countryInName(String fileName) {
		Matcher matcher = COUNTRY_IN_NAME.matcher(fileName == null ? "" : fileName);
		return matcher.find() ? matcher.group(1).toUpperCase(Locale.ROOT) : null;
	}

	private static long skipped(WfpRows rows) {
		return rows.nonMembers() + rows.implausible() + rows.problemCount();
	}

	private static Map<String, Object> summary(PriceImportReport report) {
		Map<String, Object> summary = new HashMap<>();
		summary.put("file", report.fileName());
		summary.put("sha256", report.sha256() == null ? "" : report.sha256());
		summary.put("country", report.country() == null ? "" : report.country());
		summary.put("outcome", report.outcome());
		summary.put("inserted", report.inserted());
		summary.put("updated", report.updated());
		summary.put("unchanged", report.unchanged());
		summary.put("skipped", report.skipped());
		summary.put("problems", report.problemCount());
		summary.put("alerts", report.alertsRaised());
		return summary;
	}

}
