package org.iofs.fse.platform.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * README, "Starting faster", as written: the packaged jar extracted, Java 25's cache trained by a start that Spring
 * halts once the beans are made, then the start with Spring's ahead-of-time processing and the cache, which must be
 * ready, processed, on the cache ({@code -XX:AOTMode=on} refuses to start without it) and stop cleanly. Skipped
 * where no Java 25 JDK is found (JAVA25_HOME, else Temurin's under /usr/lib/jvm), unless
 * {@code FSE_REQUIRE_JAVA25=true} (CI sets it), in which case it fails.
 */
class FastStartIT {

	private static final Path JAR = Path.of("target", "fse-platform.jar");

	/** As the README's commands run the platform: no class unloading at the end of G1's marking cycles. */
	private static final String COLLECTOR = "-XX:-ClassUnloadingWithConcurrentMark";

	@TempDir
	Path work;

	@Test
	void theExtractedJarStartsProcessedOnJavasCache() throws Exception {
		Optional<Path> java25 = java25();
		if (!"true".equals(System.getenv("FSE_REQUIRE_JAVA25"))) {
			assumeTrue(java25.isPresent(), "no Java 25 JDK found: the fast start is not tested");
		}
		String java = java25.orElseThrow(() -> new AssertionError("FSE_REQUIRE_JAVA25 is set, no Java 25 found"))
			.toString();
		assertThat(JAR).as("the packaged jar (integration tests run after the package phase)").exists();
		Path app = work.resolve("app");
		Path cache = app.resolve("fse-platform.aot");
		Path platform = app.resolve("fse-platform.jar");
		List<String> settings = List.of("--fse.data-dir=" + work.resolve("data"), "--fse.demo=false",
				"--server.port=0", "--fse.admin-password=fast-start-2026");

		run(List.of(java, "-Djarmode=tools", "-jar", JAR.toString(), "extract", "--force", "--destination",
				app.toString()), "extract");
		run(with(with(List.of(java, COLLECTOR, "-Dspring.aot.enabled=true", "-XX:AOTCacheOutput=" + cache,
				"-jar", platform.toString()), settings), List.of("--fse.exit-when-ready=true")), "train");
		assertThat(cache).exists();
		assertThat(work.resolve("data/postgres/postmaster.pid")).as("a server left by the training").doesNotExist();

		Process fast = new ProcessBuilder(with(List.of(java, COLLECTOR, "-XX:AOTMode=on", "-XX:AOTCache=" + cache,
				"-Dspring.aot.enabled=true", "-jar", platform.toString()), settings))
			.redirectErrorStream(true)
			.start();
		try {
			List<String> seen = linesUntilReady(fast);
			assertThat(String.join("\n", seen)).contains("Starting AOT-processed FseApplication")
				.contains("Requests run on platform threads (Java 25")
				.contains("is ready: open http://localhost:");
		}
		finally {
			fast.destroy();
			assertThat(fast.waitFor(60, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
		}
		assertThat(work.resolve("data/postgres/postmaster.pid")).as("a server left after the stop").doesNotExist();
	}

	private static List<String> with(List<String> command, List<String> settings) {
		List<String> all = new ArrayList<>(command);
		all.addAll(settings);
		return all;
	}

	private void run(List<String> command, String name) throws Exception {
		Path log = work.resolve(name + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		assertThat(process.waitFor(180, TimeUnit.SECONDS)).as(name + " ends").isTrue();
		assertThat(process.exitValue()).as(Files.readString(log)).isZero();
	}

	/** The platform's output up to its "is ready" line, or all of it if it ended or took two minutes. */
	private static List<String> linesUntilReady(Process process) throws Exception {
		List<String> seen = new ArrayList<>();
		CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
			try (BufferedReader output = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = output.readLine()) != null) {
					synchronized (seen) {
						seen.add(line);
					}
					if (line.contains("is ready: open")) {
						return;
					}
				}
			}
			catch (IOException ex) {
				// the process ended
			}
		});
		try {
			reading.get(120, TimeUnit.SECONDS);
		}
		catch (java.util.concurrent.TimeoutException ex) {
			// what was seen tells why
		}
		synchronized (seen) {
			return List.copyOf(seen);
		}
	}

	static Optional<Path> java25() throws IOException {
		String home = System.getenv("JAVA25_HOME");
		if (home != null && Files.isExecutable(Path.of(home, "bin", "java"))) {
			return Optional.of(Path.of(home, "bin", "java"));
		}
		Path jvms = Path.of("/usr/lib/jvm");
		if (!Files.isDirectory(jvms)) {
			return Optional.empty();
		}
		try (Stream<Path> installed = Files.list(jvms)) {
			return installed.filter(jdk -> jdk.getFileName().toString().startsWith("temurin-25"))
				.map(jdk -> jdk.resolve("bin/java"))
				.filter(Files::isExecutable)
				.findFirst();
		}
	}

}
