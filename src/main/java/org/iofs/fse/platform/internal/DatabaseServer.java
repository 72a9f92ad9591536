package org.iofs.fse.platform.internal;

import java.io.Closeable;
import java.io.IOException;

/** The embedded PostgreSQL server the platform started, or none ({@code null}) when it runs on an external one. */
public record DatabaseServer(EmbeddedServer embedded) implements Closeable {

	@Override
	public void close() throws IOException {
		if (embedded != null) {
			embedded.close();
		}
	}

}
