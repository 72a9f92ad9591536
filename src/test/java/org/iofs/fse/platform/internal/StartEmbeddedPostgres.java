package org.iofs.fse.platform.internal;

import java.nio.file.Path;


/** A JVM that starts the embedded server, says where it is, and waits to be killed. */
public final class StartEmbeddedPostgres {

	static final String READY = "READY ";

	private StartEmbeddedPostgres() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedServer server = EmbeddedPostgresLauncher.start(Path.of(args[0]));
		System.out.println(READY + server.jdbcUrl());
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
