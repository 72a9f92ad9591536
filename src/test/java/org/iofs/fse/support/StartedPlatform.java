package org.iofs.fse.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.iofs.fse.FseApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The platform started as a user starts it, on a data folder of its own (its embedded database inside), on a free
 * port: for the tests that need the demo data or a restart. Closing it stops the platform; {@link #delete} removes
 * the folder.
 */
public final class StartedPlatform implements AutoCloseable {

	private final Path folder;

	private final ConfigurableApplicationContext context;

	private StartedPlatform(Path folder, ConfigurableApplicationContext context) {
		this.folder = folder;
		this.context = context;
	}

	/** Starts on a new folder. */
	public static StartedPlatform onNewFolder(String prefix, String... arguments) {
		try {
			return on(Files.createTempDirectory(prefix), arguments);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts on this folder (again, after a stop: a restart). */
	public static StartedPlatform on(Path folder, String... arguments) {
		List<String> all = new ArrayList<>(List.of("--fse.data-dir=" + folder.resolve("data"), "--server.port=0"));
		all.addAll(List.of(arguments));
		return new StartedPlatform(folder, new SpringApplicationBuilder(FseApplication.class)
			.properties("spring.main.banner-mode=off").run(all.toArray(String[]::new)));
	}

	public ConfigurableApplicationContext context() {
		return context;
	}

	public Path folder() {
		return folder;
	}

	public int port() {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@Override
	public void close() {
		context.close();
	}

	/** Stops the platform and removes its folder. */
	public void delete() {
		close();
		FileSystemUtils.deleteRecursively(folder.toFile());
	}

}
