package org.iofs.fse.shared.imports;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Where uploads and unpacked zips wait while an import runs: a folder of this process
 * ({@code <tmp>/fse-platform/<pid>}), Tomcat's spooled multipart files included. Each import deletes its files when
 * it ends, however it ends; the folder goes when the platform stops; and folders of processes that died without
 * stopping (kill -9, a power cut) are removed at the next start, so their files never pile up.
 */
@Component
public class TemporaryFiles implements DisposableBean, WebServerFactoryCustomizer<TomcatWebServerFactory> {

	private static final Logger log = LoggerFactory.getLogger(TemporaryFiles.class);

	private final Path root;

	private final Path folder;

	TemporaryFiles(@Value("${java.io.tmpdir}") Path tmp) throws IOException {
		this.root = tmp.resolve("fse-platform");
		this.folder = root.resolve(Long.toString(ProcessHandle.current().pid()));
		Files.createDirectories(folder);
		removeLeftovers();
	}

	public Path newFile(String prefix, String suffix) throws IOException {
		return Files.createTempFile(folder, prefix, suffix);
	}

	/** Tomcat spools uploads under its base folder: this process's folder, so that they are cleaned up too. */
	@Override
	public void customize(TomcatWebServerFactory factory) {
		factory.setBaseDirectory(new File(folder.toFile(), "tomcat"));
	}

	/** Folders of processes that are gone. */
	private void removeLeftovers() throws IOException {
		try (DirectoryStream<Path> folders = Files.newDirectoryStream(root)) {
			for (Path other : folders) {
				String name = other.getFileName().toString();
				if (!other.equals(folder) && name.matches("\\d+")
						&& ProcessHandle.of(Long.parseLong(name)).map(p -> !p.isAlive()).orElse(true)) {
					log.info("Removing temporary files left by an earlier run (process {}) in {}", name, other);
					delete(other);
				}
			}
		}
	}

	@Override
	public void destroy() {
		delete(folder);
	}

	private static void delete(Path path) {
		try (Stream<Path> all = Files.walk(path)) {
			all.sorted(Comparator.reverseOrder()).forEach(p -> {
				try {
					Files.deleteIfExists(p);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException | UncheckedIOException ex) {
			log.warn("Could not remove temporary files in {}: {}", path, ex.getMessage());
		}
	}

}
