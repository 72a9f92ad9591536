package org.iofs.fse.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A backup holds every module's schema: a new module's migrations cannot ship without their schema in the backup. */
class BackupSchemasTest {

	@Test
	void theBackupCoversEverySchemaTheMigrationsCreate() throws IOException {
		try (Stream<Path> folders = Files.list(Path.of("src/main/resources/db/migration"))) {
			assertThat(DatabaseBackup.SCHEMAS)
				.containsExactlyInAnyOrderElementsOf(folders.map(folder -> folder.getFileName().toString()).toList());
		}
	}

}
