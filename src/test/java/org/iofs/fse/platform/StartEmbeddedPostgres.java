package org.iofs.fse.platform;

import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A JVM that starts the embedded server, says where it is, and waits to be killed. */
public final class StartEmbeddedPostgres {

	static final String READY = "READY ";

	private StartEmbeddedPostgres() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedPostgres server = EmbeddedPostgresLauncher.start(Path.of(args[0]));
		System.out.println(READY + server.getJdbcUrl("postgres", "postgres"));
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
