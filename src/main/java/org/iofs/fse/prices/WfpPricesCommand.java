package org.iofs.fse.prices;

import java.nio.file.Path;
import java.util.Optional;

import org.iofs.fse.access.CommandLineCaller;
import org.iofs.fse.prices.importing.PriceImportReport;
import org.iofs.fse.prices.importing.WfpPriceImporter;
import org.iofs.fse.shared.imports.ImportCommandLine;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar fse-platform.jar import-wfp-prices FILE [--country=ISO3] [--on-problems=skip]}: imports a WFP
 * food prices file without starting the web server and prints the report. As with the FAOSTAT command, whoever
 * can run the jar against the database is trusted as an administrator; the import is recorded as "command-line".
 */
public final class WfpPricesCommand {

	public static final String NAME = "import-wfp-prices";

	private WfpPricesCommand() {
	}

	public static int run(Class<?> application, String[] args) {
		Optional<ImportCommandLine> line = ImportCommandLine.parse(args,
				NAME + " FILE [--country=ISO3] [--on-problems=reject|skip]", "--country=");
		if (line.isEmpty()) {
			return 64;
		}
		try (ConfigurableApplicationContext context = line.get().start(application)) {
			CommandLineCaller.install();
			Path file = line.get().file();
			PriceImportReport report = context.getBean(WfpPriceImporter.class)
				.importFile(file, file.getFileName().toString(), line.get().option("--country=").orElse(null),
						line.get().policy());
			System.out.println(describe(report));
			return report.outcome() == PriceImportReport.Outcome.REJECTED ? 2 : 0;
		}
	}

	static String describe(PriceImportReport report) {
		StringBuilder text = new StringBuilder();
		text.append("Import ").append(report.id()).append(" of ").append(report.fileName()).append(": ")
			.append(report.outcome()).append(" - ").append(report.message()).append('\n');
		text.append("  layout ").append(report.layout()).append(", country ").append(report.country())
			.append(", SHA-256 ").append(report.sha256()).append('\n');
		text.append("  rows read ").append(report.rowsRead()).append(", prices inserted ").append(report.inserted())
			.append(", updated ").append(report.updated()).append(", unchanged ").append(report.unchanged())
			.append(", rows skipped ").append(report.skipped()).append(" (non-members ")
			.append(report.skippedNonMembers()).append(", implausible ").append(report.skippedImplausible())
			.append(", problems ").append(report.problemCount()).append("), ").append(report.durationMs())
			.append(" ms\n");
		report.implausibleRows().stream().limit(20).forEach(p -> text.append("  line ").append(p.line()).append(", ")
			.append(p.field()).append(": ").append(p.reason()).append('\n'));
		report.problems().stream().limit(20).forEach(p -> text.append("  line ").append(p.line()).append(", ")
			.append(p.field()).append(": ").append(p.reason()).append('\n'));
		return text.toString();
	}

}
