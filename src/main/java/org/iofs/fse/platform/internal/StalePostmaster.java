package org.iofs.fse.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM killed with {@code kill -9} leaves its PostgreSQL server running, and the next start would wait for the
 * lock file and fail. This finds that server through {@code postmaster.pid} and stops it. SIGTERM asks for a
 * "smart" shutdown, which completes at once because the clients died with the JVM.
 */
final class StalePostmaster {

	private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	private StalePostmaster() {
	}

	static void stopIfRunning(Path dataDirectory) {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		Optional<ProcessHandle> server = readPid(pidFile).flatMap(ProcessHandle::of)
			.filter(ProcessHandle::isAlive)
			.filter(StalePostmaster::isPostgres);
		if (server.isEmpty()) {
			// No server behind the lock file (the machine restarted, or the PID now belongs to another program).
			deleteQuietly(pidFile);
			return;
		}
		ProcessHandle postmaster = server.get();
		log.warn("Found a PostgreSQL server (pid {}) left running on {} by an earlier start; stopping it", postmaster.pid(),
				dataDirectory);
		List<ProcessHandle> children = postmaster.children().toList();
		postmaster.destroy();
		if (!awaitExit(postmaster)) {
			log.warn("PostgreSQL server {} did not stop within {}; killing it", postmaster.pid(), STOP_TIMEOUT);
			children.forEach(ProcessHandle::destroyForcibly);
			postmaster.destroyForcibly();
			awaitExit(postmaster);
			deleteQuietly(pidFile);
		}
	}

	private static Optional<Long> readPid(Path pidFile) {
		try {
			List<String> lines = Files.readAllLines(pidFile);
			return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map(command -> command.endsWith("postgres")).orElse(true);
	}

	private static boolean awaitExit(ProcessHandle process) {
		try {
			process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException ex) {
			return !process.isAlive();
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot remove the stale lock file " + file, ex);
		}
	}

}
