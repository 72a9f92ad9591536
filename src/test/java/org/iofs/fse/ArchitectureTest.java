package org.iofs.fse;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Rules Modulith does not check: what stays private to a module, and who may talk to the database. */
class ArchitectureTest {

	/** The platform's classes, without the tests and without what the build's ahead-of-time processing wrote. */
	static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption(location -> !location.contains("__") && !location.contains("$$SpringCGLIB$$"))
		.importPackages("org.iofs.fse");

	@Test
	void controllersAndRepositoriesLiveInsideTheirModule() {
		classes().that()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(RestController.class)
			.or()
			.areAnnotatedWith(Repository.class)
			.should()
			.resideInAPackage("org.iofs.fse.*.*..")
			.check(CLASSES);
	}

	/**
	 * A module's base package is its API, which Modulith lets other modules use; everything else sits in a
	 * sub-package (usually {@code internal}), which Modulith forbids them. A type in the base package that no other
	 * module uses belongs inside, so that the next cross-module use of it fails {@link ModularityTest}.
	 */
	@Test
	void aModulesBasePackageHoldsOnlyWhatOtherModulesUse() {
		List<String> unused = new ArrayList<>();
		for (JavaClass type : CLASSES) {
			String[] parts = type.getPackageName().split("\\.");
			if (parts.length != 4 || parts[3].equals("shared") || type.isNestedClass() || type.getSimpleName().equals("package-info")) {
				continue;
			}
			String module = type.getPackageName();
			boolean usedOutside = type.getDirectDependenciesToSelf()
				.stream()
				.map(d -> d.getOriginClass().getPackageName())
				.anyMatch(p -> !p.equals(module) && !p.startsWith(module + "."));
			if (!usedOutside) {
				unused.add(type.getName());
			}
		}
		assertThat(unused).as("API types no other module uses").isEmpty();
	}

	@Test
	void controllersDoNotTouchTheDatabase() {
		noClasses().that()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(RestController.class)
			.should()
			.dependOnClassesThat()
			.haveNameMatching("org\\.springframework\\.jdbc\\..*")
			.check(CLASSES);
	}

	/**
	 * A module's SQL names only its own schema: another module's data comes through that module's API. Modulith
	 * sees Java dependencies, not table names in SQL, so this reads the sources.
	 */
	@Test
	void sqlReadsAndWritesOnlyTheModulesOwnSchema() throws IOException {
		Path root = Path.of("src/main/java/org/iofs/fse");
		Set<String> schemas;
		try (Stream<Path> modules = Files.list(Path.of("src/main/resources/db/migration"))) {
			schemas = modules.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
		}
		Pattern reference = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE|EXISTS \\(SELECT 1 FROM)\\s+("
				+ String.join("|", schemas) + ")\\.[a-z_]+");
		List<String> foreign = new ArrayList<>();
		try (Stream<Path> sources = Files.walk(root)) {
			for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
				String module = root.relativize(source).getName(0).toString();
				Matcher matcher = reference.matcher(Files.readString(source));
				while (matcher.find()) {
					if (!matcher.group(1).equals(module)) {
						foreign.add(root.relativize(source) + ": " + matcher.group());
					}
				}
			}
		}
		assertThat(foreign).isEmpty();
	}

}
