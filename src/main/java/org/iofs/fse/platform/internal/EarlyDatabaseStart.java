package org.iofs.fse.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.iofs.fse.platform.PlatformMode;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the settings are read, so that the server boots
 * while Spring reads the configuration classes and builds the beans before the data source (about a second of a
 * restart's time, spent waiting on another process). The data source's bean then claims the running server; a server
 * still unclaimed once the context is refreshed, or when the start fails, is stopped again. Registered in
 * {@code META-INF/spring.factories}, since it runs before the application context exists.
 */
public class EarlyDatabaseStart implements ApplicationListener<SpringApplicationEvent> {

	private static final Map<Path, CompletableFuture<EmbeddedServer>> starting = new ConcurrentHashMap<>();

	@Override
	public void onApplicationEvent(SpringApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			begin(prepared.getEnvironment());
		}
		else if (event instanceof ApplicationStartedEvent || event instanceof ApplicationFailedEvent) {
			// A server nobody claimed by now is not the platform's database: the context found its address elsewhere
			// (a setting added after the environment was read, as the tests' shared database is), or failed.
			starting.values().removeIf(server -> {
				server.thenAccept(EarlyDatabaseStart::stop);
				return true;
			});
		}
	}

	private static void begin(Environment environment) {
		String folder = environment.getProperty("fse.data-dir");
		// The build's ahead-of-time processing reads the configuration without running it: no server is needed.
		boolean aheadOfTimeProcessing = Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING);
		if (PlatformMode.usesExternalDatabase(environment) || folder == null || aheadOfTimeProcessing) {
			return;
		}
		starting.computeIfAbsent(key(Path.of(folder)), dataFolder -> CompletableFuture.supplyAsync(() -> {
			try {
				return EmbeddedPostgresLauncher.start(dataFolder);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, task -> {
			Thread thread = new Thread(task, "embedded-postgres-start");
			thread.setDaemon(true);
			thread.start();
		}));
	}

	private static void stop(EmbeddedServer server) {
		try {
			server.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The server started early on this folder, else one started now. */
	static EmbeddedServer claim(Path dataFolder) throws IOException {
		CompletableFuture<EmbeddedServer> early = starting.remove(key(dataFolder));
		if (early == null) {
			return EmbeddedPostgresLauncher.start(dataFolder);
		}
		try {
			return early.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof UncheckedIOException io) {
				throw io.getCause();
			}
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw ex;
		}
	}

	private static Path key(Path dataFolder) {
		return dataFolder.toAbsolutePath().normalize();
	}

}
