package org.iofs.fse.foodbalance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.iofs.fse.access.Caller;
import org.iofs.fse.access.CallerPrincipal;
import org.iofs.fse.access.Grant;
import org.iofs.fse.access.Role;
import org.iofs.fse.foodbalance.importing.FaostatImporter;
import org.iofs.fse.foodbalance.importing.ImportReport;
import org.iofs.fse.shared.imports.ProblemPolicy;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * {@code java -jar fse-platform.jar import-faostat FILE [--on-problems=skip]}: imports a file without starting
 * the web server, against the same database settings, and prints the report. Whoever can run the platform's jar
 * against its database is trusted as an administrator; the import is recorded as done by "command-line".
 */
public final class FaostatCommand {

	public static final String NAME = "import-faostat";

	private FaostatCommand() {
	}

	public static int run(Class<?> application, String[] args) {
		List<String> options = List.of(args).subList(1, args.length);
		List<String> files = options.stream().filter(a -> !a.startsWith("--")).toList();
		if (files.size() != 1 || !Files.isRegularFile(Path.of(files.get(0)))) {
			System.err.println("usage: java -jar fse-platform.jar import-faostat FILE [--on-problems=reject|skip]");
			return 64;
		}
		ProblemPolicy policy = options.contains("--on-problems=skip") ? ProblemPolicy.SKIP : ProblemPolicy.REJECT;
		List<String> springArgs = new ArrayList<>(
				options.stream().filter(a -> a.startsWith("--") && !a.startsWith("--on-problems")).toList());
		// An import from the command line must not first fill an empty database with generated demo sheets.
		if (springArgs.stream().noneMatch(a -> a.startsWith("--fse.demo="))) {
			springArgs.add("--fse.demo=false");
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			.web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off")
			.run(springArgs.toArray(String[]::new))) {
			Caller commandLine = new Caller(null, "command-line", "Command line", null, Set.of(Grant.global(Role.ADMIN)));
			CallerPrincipal principal = () -> commandLine;
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
			Path file = Path.of(files.get(0));
			ImportReport report = context.getBean(FaostatImporter.class)
				.importFile(file, file.getFileName().toString(), policy);
			System.out.println(describe(report));
			return report.outcome() == ImportReport.Outcome.REJECTED ? 2 : 0;
		}
	}

	static String describe(ImportReport report) {
		StringBuilder text = new StringBuilder();
		text.append("Import ").append(report.id()).append(" of ").append(report.fileName()).append(": ")
			.append(report.outcome()).append(" - ").append(report.message()).append('\n');
		text.append("  layout ").append(report.layout()).append(", SHA-256 ").append(report.sha256()).append('\n');
		text.append("  rows read ").append(report.rowsRead()).append(", values inserted ").append(report.inserted())
			.append(", updated ").append(report.updated()).append(", unchanged ").append(report.unchanged())
			.append(", rows skipped ").append(report.skipped()).append(" (aggregates ").append(report.skippedAggregates())
			.append(", non-members ").append(report.skippedNonMembers()).append(", problems ").append(report.problemCount())
			.append("), ").append(report.durationMs()).append(" ms\n");
		report.problems().stream().limit(20).forEach(p -> text.append("  line ").append(p.line()).append(", ")
			.append(p.field()).append(": ").append(p.reason()).append('\n'));
		return text.toString();
	}

}
