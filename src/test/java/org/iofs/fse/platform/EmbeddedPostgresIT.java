package org.iofs.fse.platform;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded server keeps its data across restarts, and a server left behind by a JVM killed with
 * {@code kill -9} is found and stopped at the next start instead of blocking it.
 */
class EmbeddedPostgresIT {

	@TempDir
	Path dataDirectory;

	@Test
	void keepsDataAcrossRestarts() throws Exception {
		try (EmbeddedPostgres first = EmbeddedPostgresLauncher.start(dataDirectory)) {
			execute(first.getJdbcUrl("postgres", "postgres"), "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('x')");
		}

		try (EmbeddedPostgres second = EmbeddedPostgresLauncher.start(dataDirectory)) {
			assertThat(count(second.getJdbcUrl("postgres", "postgres"), "SELECT count(*) FROM kept")).isEqualTo(1);
			assertThat(query(second.getJdbcUrl("postgres", "postgres"), "SHOW synchronous_commit")).isEqualTo("on");
		}
	}

	@Test
	void stopsTheServerOfAKilledJvmAndStarts() throws Exception {
		Process killed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), StartEmbeddedPostgres.class.getName(), dataDirectory.toString())
			.redirectErrorStream(true)
			.start();
		String url = awaitUrl(killed);
		execute(url, "CREATE TABLE survived (v text); INSERT INTO survived VALUES ('y')");
		killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		long stalePid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
		assertThat(ProcessHandle.of(stalePid)).get().matches(ProcessHandle::isAlive, "left running");

		try (EmbeddedPostgres next = EmbeddedPostgresLauncher.start(dataDirectory)) {
			assertThat(ProcessHandle.of(stalePid).filter(ProcessHandle::isAlive)).isEmpty();
			assertThat(count(next.getJdbcUrl("postgres", "postgres"), "SELECT count(*) FROM survived")).isEqualTo(1);
		}
	}

	private static String awaitUrl(Process process) throws Exception {
		BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		List<String> seen = new java.util.ArrayList<>();
		String line;
		while ((line = output.readLine()) != null) {
			if (line.startsWith(StartEmbeddedPostgres.READY)) {
				return line.substring(StartEmbeddedPostgres.READY.length());
			}
			seen.add(line);
		}
		throw new AssertionError("The child JVM ended before its server was ready: " + seen);
	}

	private static void execute(String url, String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static long count(String url, String sql) throws Exception {
		return Long.parseLong(query(url, sql));
	}

	private static String query(String url, String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

}
