package org.iofs.fse.shared.imports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The arguments of an import command ({@code java -jar fse-platform.jar import-... FILE [--on-problems=skip]
 * [--option=value] [--spring.property=value]}), and the platform started for it without a web server, against
 * the same database settings and without demo data (an import must not first fill an empty database with it).
 */
public final class ImportCommandLine {

	private final Path file;

	private final ProblemPolicy policy;

	private final List<String> options;

	private final List<String> springArgs;

	private ImportCommandLine(Path file, ProblemPolicy policy, List<String> options, List<String> springArgs) {
		this.file = file;
		this.policy = policy;
		this.options = options;
		this.springArgs = springArgs;
	}

	/**
	 * @param ownOptions the prefixes of the command's own options (such as {@code --country=}), not passed to Spring
	 * @return empty, after printing the usage, when the arguments do not name one readable file
	 */
	public static Optional<ImportCommandLine> parse(String[] args, String usage, String... ownOptions) {
		List<String> given = List.of(args).subList(1, args.length);
		List<String> files = given.stream().filter(a -> !a.startsWith("--")).toList();
		if (files.size() != 1 || !Files.isRegularFile(Path.of(files.get(0)))) {
			System.err.println("usage: java -jar fse-platform.jar " + usage);
			return Optional.empty();
		}
		ProblemPolicy policy = given.contains("--on-problems=skip") ? ProblemPolicy.SKIP : ProblemPolicy.REJECT;
		List<String> options = new ArrayList<>();
		List<String> springArgs = new ArrayList<>();
		for (String arg : given) {
			if (!arg.startsWith("--") || arg.startsWith("--on-problems")) {
				continue;
			}
			boolean own = List.of(ownOptions).stream().anyMatch(arg::startsWith);
			(own ? options : springArgs).add(arg);
		}
		if (springArgs.stream().noneMatch(a -> a.startsWith("--fse.demo="))) {
			springArgs.add("--fse.demo=false");
		}
		return Optional.of(new ImportCommandLine(Path.of(files.get(0)), policy, options, springArgs));
	}

	public ConfigurableApplicationContext start(Class<?> application) {
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off")
			.run(springArgs.toArray(String[]::new));
	}

	public Path file() {
		return file;
	}

	public ProblemPolicy policy() {
		return policy;
	}

	/** The value of one of the command's own options ({@code --name=value}), if given. */
	public Optional<String> option(String prefix) {
		return options.stream().filter(o -> o.startsWith(prefix)).map(o -> o.substring(prefix.length())).findFirst();
	}

}
