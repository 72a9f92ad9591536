package org.iofs.fse.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts a PostgreSQL server on a data directory that outlives the process. zonky's defaults suit throwaway test
 * databases (a data directory deleted on close, {@code synchronous_commit=off}); the platform needs the opposite.
 */
public final class EmbeddedPostgresLauncher {

	private EmbeddedPostgresLauncher() {
	}

	public static EmbeddedPostgres start(Path dataDirectory) throws IOException {
		Files.createDirectories(dataDirectory);
		StalePostmaster.stopIfRunning(dataDirectory);
		return EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			// Spring closes the server after the connection pool; zonky's own hook would race with it.
			.setRegisterShutdownHook(false)
			.setServerConfig("synchronous_commit", "on")
			// A bulk import writes a few hundred MB of WAL in one transaction; the default 1 GB forces checkpoints
			// in the middle of it.
			.setServerConfig("max_wal_size", "4GB")
			.setServerConfig("shared_buffers", "256MB")
			.setPGStartupWait(Duration.ofSeconds(60))
			.start();
	}

}
