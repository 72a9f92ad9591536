package org.iofs.fse.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migration that has landed is never edited: installations have already run it, and Flyway would refuse to
 * start on a changed checksum. {@code landed-migrations.sha256} lists every landed migration (the output of
 * {@code sha256sum} run in {@code src/main/resources/db/migration}); a new migration is added to it when it lands.
 */
class LandedMigrationsTest {

	static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	static final Path LANDED = Path.of("src/test/resources/landed-migrations.sha256");

	@Test
	void landedMigrationsAreUnchangedAndEveryMigrationIsListed() throws Exception {
		Map<String, String> landed = Files.readAllLines(LANDED)
			.stream()
			.filter(line -> !line.isBlank())
			.map(line -> line.split("\\s+", 2))
			.collect(Collectors.toMap(parts -> parts[1], parts -> parts[0], (a, b) -> a, TreeMap::new));
		Map<String, String> present = new TreeMap<>();
		for (Path file : migrations()) {
			present.put(MIGRATIONS.relativize(file).toString(), sha256(file));
		}

		assertThat(present.keySet()).as("migrations not yet listed in " + LANDED).isSubsetOf(landed.keySet());
		assertThat(present).as("landed migrations must not change or disappear").isEqualTo(landed);
	}

	private static List<Path> migrations() throws IOException {
		try (Stream<Path> files = Files.walk(MIGRATIONS)) {
			return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
		}
	}

	private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
	}

}
