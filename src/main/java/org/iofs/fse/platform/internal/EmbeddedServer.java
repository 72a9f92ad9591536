package org.iofs.fse.platform.internal;

import java.io.Closeable;
import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The embedded PostgreSQL server and the password that opens it. */
public record EmbeddedServer(EmbeddedPostgres postgres, String password) implements Closeable {

	public static final String USER = "postgres";

	public String jdbcUrl() {
		return postgres.getJdbcUrl(USER, "postgres");
	}

	public int port() {
		return postgres.getPort();
	}

	@Override
	public void close() throws IOException {
		postgres.close();
	}

	@Override
	public String toString() {
		return "EmbeddedServer[port=" + port() + "]";
	}

}
