package org.iofs.fse.strategy;

import java.nio.file.Path;
import java.util.Optional;

import org.iofs.fse.access.CommandLineCaller;
import org.iofs.fse.shared.imports.ImportCommandLine;
import org.iofs.fse.strategy.internal.TradeImportReport;
import org.iofs.fse.strategy.internal.TradeMatrixImporter;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar fse-platform.jar import-faostat-trade FILE [--on-problems=skip]}: imports a FAOSTAT Detailed
 * Trade Matrix file without starting the web server (the way for files beyond the upload limit), against the same
 * database settings, and prints the report. Recorded as done by "command-line".
 */
public final class TradeMatrixCommand {

	public static final String NAME = "import-faostat-trade";

	private TradeMatrixCommand() {
	}

	public static int run(Class<?> application, String[] args) {
		Optional<ImportCommandLine> line = ImportCommandLine.parse(args, NAME + " FILE [--on-problems=reject|skip]");
		if (line.isEmpty()) {
			return 64;
		}
		try (ConfigurableApplicationContext context = line.get().start(application)) {
			CommandLineCaller.install();
			Path file = line.get().file();
			TradeImportReport report = context.getBean(TradeMatrixImporter.class)
				.importFile(file, file.getFileName().toString(), line.get().policy());
			System.out.println(describe(report));
			return report.outcome() == TradeImportReport.Outcome.REJECTED ? 2 : 0;
		}
	}

	static String describe(TradeImportReport report) {
		StringBuilder text = new StringBuilder();
		text.append("Import ").append(report.id()).append(" of ").append(report.fileName()).append(": ")
			.append(report.outcome()).append(" - ").append(report.message()).append('\n');
		text.append("  layout ").append(report.layout()).append(", SHA-256 ").append(report.sha256()).append('\n');
		text.append("  rows read ").append(report.rowsRead()).append(", flows inserted ").append(report.inserted())
			.append(", updated ").append(report.updated()).append(", unchanged ").append(report.unchanged())
			.append(", rows skipped ").append(report.skipped()).append(" (other items ").append(report.skippedItems())
			.append(", between non-members ").append(report.skippedNonMembers()).append(", problems ")
			.append(report.problemCount()).append("), ").append(report.durationMs()).append(" ms\n");
		report.problems().stream().limit(20).forEach(p -> text.append("  line ").append(p.line()).append(", ")
			.append(p.field()).append(": ").append(p.reason()).append('\n'));
		return text.toString();
	}

}
