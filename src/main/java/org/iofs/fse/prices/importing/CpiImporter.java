package org.iofs.fse.prices.importing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;


import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.prices.internal.IndicatorSettings;
import org.iofs.fse.prices.internal.SeriesIndicators;
import org.iofs.fse.prices.importing.PriceImportReport.Outcome;
import org.iofs.fse.shared.imports.CopyWriter;
import org.iofs.fse.shared.imports.GuardedImport;
import org.iofs.fse.shared.imports.ImportFiles;
import org.iofs.fse.shared.imports.ProblemPolicy;
import org.iofs.fse.shared.imports.RowProblems;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports monthly food consumer price indices, for the price indicators on deflated prices: a CSV with the
 * columns {@code country} (ISO3), {@code month} (YYYY-MM), {@code value} and optionally {@code source}. The same
 * guarantees as the price importer: one transaction, rows checked by line under the reject or skip policy,
 * re-importing changes nothing, every import recorded and audited. When the indicators use deflated prices, every
 * series of the countries whose indices changed is recomputed.
 */
@Service
public class CpiImporter {

	static final String LAYOUT = "CPI (country, month, value)";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Countries countries;

	private final SeriesIndicators indicators;

	private final IndicatorSettings settings;

	private final Clock clock;

	private final ImportFiles files;

	CpiImporter(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transaction, AccessPolicy access,
			AuditTrail audit, Countries countries, SeriesIndicators indicators, IndicatorSettings settings, Clock clock, ImportFiles files) {
		this.files = files;
		this.clock = clock;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transaction = transaction;
		this.access = access;
		this.audit = audit;
		this.countries = countries;
		this.indicators = indicators;
		this.settings = settings;
	}

	public PriceImportReport importFile(Path file, String fileName, ProblemPolicy policy) {
		Caller caller = access.require(Action.PUBLISH);
		Instant startedAt = Instant.now();
		long start = System.nanoTime();
		Set<String> members = countries.all().stream().map(Country::iso3).collect(Collectors.toSet());
		CpiRows rows = new CpiRows(members, YearMonth.now(clock), fileName);
		RowProblems problems = rows.problems();
		return GuardedImport.run(files, file, fileName, source -> transaction.execute(status -> {
			long importId = PriceImportRecord.open(jdbc, fileName, source.sha256(), null, caller.username(), startedAt,
					Outcome.APPLIED);
			jdbc.sql("""
					CREATE TEMPORARY TABLE cpi_staging (line bigint, iso3 char(3), month date, value numeric,
					    source text) ON COMMIT DROP
					""").update();
			try (CopyWriter copy = new CopyWriter(DataSourceUtils.getConnection(dataSource),
					"COPY cpi_staging FROM STDIN (FORMAT csv)"); Reader reader = source.reader()) {
				rows.read(reader, row -> {
					copy.raw(row.line()).raw(row.iso3()).raw(row.month().atDay(1)).number(row.value()).text(row.source());
					copy.endRow();
				});
				copy.finish();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("staging failed: " + ex.getMessage(), ex);
			}
			if (problems.count() > 0 && policy == ProblemPolicy.REJECT) {
				throw new GuardedImport.RowsRejected(problems.count());
			}
			Map<String, Object> counts = jdbc.sql("""
					WITH incoming AS (
					    SELECT DISTINCT ON (iso3, month) iso3, month, value, source FROM cpi_staging
					    ORDER BY iso3, month, line DESC),
					applied AS (
					    INSERT INTO prices.consumer_price_index AS c (country_iso3, month, value, source, source_import)
					    SELECT iso3, month, value, source, :importId FROM incoming
					    ON CONFLICT (country_iso3, month) DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source,
					        source_import = EXCLUDED.source_import, updated_at = now()
					    WHERE (c.value, c.source) IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.source)
					    RETURNING c.country_iso3, (xmax = 0) AS inserted)
					SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated,
					       (SELECT count(*) FROM incoming) AS incoming,
					       coalesce(array_agg(DISTINCT country_iso3), '{}') AS countries
					FROM applied
					""").param("importId", importId).query().singleRow();
			long inserted = ((Number) counts.get("inserted")).longValue();
			long updated = ((Number) counts.get("updated")).longValue();
			long unchanged = ((Number) counts.get("incoming")).longValue() - inserted - updated;
			List<String> changed = countries(counts.get("countries"));
			long alerts = settings.input() == IndicatorSettings.Input.DEFLATED && !changed.isEmpty()
					? indicators.recomputeCountries(changed) : 0;
			Outcome outcome = inserted + updated == 0 ? Outcome.UNCHANGED : Outcome.APPLIED;
			String message = outcome == Outcome.UNCHANGED ? "Every index in the file is already stored: nothing changed"
					: inserted + " indices added, " + updated + " changed, for " + changed.size() + " member states";
			PriceImportReport report = new PriceImportReport(importId, fileName, source.sha256(), LAYOUT, null,
					outcome, rows.rowsRead(), inserted, updated, unchanged, problems.count(), 0, 0, problems.count(),
					problems.first(), List.of(), 0, alerts, GuardedImport.elapsedMillis(start), message);
			finish(report);
			return report;
		}), (sha256, message) -> transaction.execute(status -> {
			long id = PriceImportRecord.open(jdbc, fileName, sha256, null, caller.username(), startedAt,
					Outcome.REJECTED);
			PriceImportReport report = new PriceImportReport(id, fileName, sha256, LAYOUT, null, Outcome.REJECTED,
					rows.rowsRead(), 0, 0, 0, 0, 0, 0, problems.count(), problems.first(), List.of(), 0, 0,
					GuardedImport.elapsedMillis(start), message);
			finish(report);
			return report;
		}));
	}

	private void finish(PriceImportReport report) {
		PriceImportRecord.complete(jdbc, report);
		audit.record(report.outcome() == Outcome.REJECTED ? "prices.cpi-import-rejected" : "prices.cpi-imported",
				"price-import", report.id(), null, Map.of("file", report.fileName(), "outcome", report.outcome(),
						"inserted", report.inserted(), "updated", report.updated(), "problems", report.problemCount()));
	}

	private static List<String> countries(Object array) {
		try {
			return List.of((String[]) ((Array) array).getArray()).stream().map(String::strip).toList();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
