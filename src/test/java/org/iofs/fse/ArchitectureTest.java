package org.iofs.fse;

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

	static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.iofs.fse");

	@Test
	void controllersAndRepositoriesArePrivateToTheirModule() {
		classes().that()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(RestController.class)
			.or()
			.areAnnotatedWith(Repository.class)
			.should()
			.notBePublic()
			.check(CLASSES);
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
