package org.iofs.fse.platform.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.iofs.fse.FseApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded server keeps its data across restarts, and a server left behind by a JVM killed with
 * {@code kill -9} is found and stopped at the next start instead of blocking it.
 */
class EmbeddedPostgresIT {

	@TempDir
	Path dataDirectory;

	/** The password of the data folder under test, once a server has made it. */
	private String password() throws IOException {
		return Files.readString(dataDirectory.resolve(DatabasePassword.FILE)).strip();
	}

	@Test
	void keepsDataAcrossRestarts() throws Exception {
		try (EmbeddedServer first = EmbeddedPostgresLauncher.start(dataDirectory)) {
			execute(first.jdbcUrl(), "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('x')");
		}

		try (EmbeddedServer second = EmbeddedPostgresLauncher.start(dataDirectory)) {
			assertThat(count(second.jdbcUrl(), "SELECT count(*) FROM kept")).isEqualTo(1);
			assertThat(query(second.jdbcUrl(), "SHOW synchronous_commit")).isEqualTo("on");
		}
	}

	@Test
	void everyConnectionGivesThePasswordKeptForTheOwnerOnly() throws Exception {
		try (EmbeddedServer server = EmbeddedPostgresLauncher.start(dataDirectory)) {
			Path passwordFile = dataDirectory.resolve(DatabasePassword.FILE);
			assertThat(Files.getPosixFilePermissions(passwordFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
			assertThat(Files.readString(passwordFile).strip()).isEqualTo(server.password());
			assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl()).close()).isInstanceOf(SQLException.class)
				.hasMessageContaining("password");
			assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "guess").close())
				.isInstanceOf(SQLException.class);
			assertThat(count(server.jdbcUrl(), "SELECT 1")).isEqualTo(1);
			assertThat(Files.readString(dataDirectory.resolve("postgres/pg_hba.conf"))).doesNotContain("trust");
		}
	}

	@Test
	void aFolderOfAnEarlierVersionIsMigratedToAPasswordInPlace() throws Exception {
		// What earlier versions made: zonky's initdb, every local user trusted, no password file.
		try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(dataDirectory.resolve("postgres"))
			.setCleanDataDirectory(false).start()) {
			try (Connection connection = DriverManager.getConnection(earlier.getJdbcUrl("postgres", "postgres"));
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE earlier (v text); INSERT INTO earlier VALUES ('kept')");
			}
		}

		try (EmbeddedServer migrated = EmbeddedPostgresLauncher.start(dataDirectory)) {
			assertThat(count(migrated.jdbcUrl(), "SELECT count(*) FROM earlier")).isEqualTo(1);
			assertThatThrownBy(() -> DriverManager.getConnection(migrated.jdbcUrl()).close()).isInstanceOf(SQLException.class);
		}
		assertThat(dataDirectory.resolve(DatabasePassword.FILE)).exists();
		assertThat(DatabasePassword.pending(dataDirectory)).doesNotExist();
		try (EmbeddedServer again = EmbeddedPostgresLauncher.start(dataDirectory)) {
			assertThat(count(again.jdbcUrl(), "SELECT count(*) FROM earlier")).isEqualTo(1);
		}
	}

	@Test
	void aSecondStartOnAFolderInUseIsRefusedAndLeavesTheFirstRunning() throws Exception {
		try (EmbeddedServer first = EmbeddedPostgresLauncher.start(dataDirectory)) {
			assertThatThrownBy(() -> EmbeddedPostgresLauncher.start(dataDirectory)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("already running");
			assertThat(count(first.jdbcUrl(), "SELECT 1")).isEqualTo(1);
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
		long stalePid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postgres/postmaster.pid")).get(0).trim());
		assertThat(ProcessHandle.of(stalePid)).get().matches(ProcessHandle::isAlive, "left running");

		try (EmbeddedServer next = EmbeddedPostgresLauncher.start(dataDirectory)) {
			assertThat(ProcessHandle.of(stalePid).filter(ProcessHandle::isAlive)).isEmpty();
			assertThat(count(next.jdbcUrl(), "SELECT count(*) FROM survived")).isEqualTo(1);
		}
	}

	@Test
	void aServerStartedEarlyThatNobodyClaimedIsStoppedOnceTheContextIsUp() throws Exception {
		// The server starts as soon as the settings are read; a context that then finds its database elsewhere (the
		// tests' shared database is set by an initializer, after that) must not leave it running.
		StandardEnvironment settings = new StandardEnvironment();
		settings.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("fse.data-dir", dataDirectory.toString())));
		SpringApplication application = new SpringApplication(FseApplication.class);
		EarlyDatabaseStart early = new EarlyDatabaseStart();
		early.onApplicationEvent(new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(), application,
				new String[0], settings));
		early.onApplicationEvent(new ApplicationStartedEvent(application, new String[0],
				new GenericApplicationContext(), Duration.ZERO));
		Path server = dataDirectory.resolve("postgres");
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		// The server writes postmaster.opts after its lock file and keeps it when it stops: both together mean it
		// started and was stopped.
		while (!(Files.exists(server.resolve("postmaster.opts")) && !Files.exists(server.resolve("postmaster.pid")))
				&& System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		boolean leftRunning = Files.exists(server.resolve("postmaster.pid"));
		if (leftRunning) {
			StalePostmaster.stopIfRunning(server);
		}
		assertThat(leftRunning).as("the unclaimed server still running").isFalse();
		assertThat(server.resolve("postmaster.opts")).as("the server had started").exists();
	}

	@Test
	void aTrainingRunStopsOnceReadyAndLeavesNoServerBehind() throws Exception {
		// README, "Starting faster": Java's ahead-of-time cache is trained by a whole start that stops by itself once
		// ready, as a service stop does.
		Process training = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), FseApplication.class.getName(),
				"--fse.data-dir=" + dataDirectory, "--fse.demo=false", "--server.port=0",
				"--fse.admin-password=training-run-2026", "--fse.exit-when-ready=true")
			.redirectErrorStream(true)
			.redirectOutput(dataDirectory.resolve("training.log").toFile())
			.start();
		assertThat(training.waitFor(180, TimeUnit.SECONDS)).as("the training run ends").isTrue();
		String log = Files.readString(dataDirectory.resolve("training.log"));
		assertThat(training.exitValue()).as(log).isZero();
		assertThat(log).as("the whole start ran").contains("is ready");
		Path serverDirectory = dataDirectory.resolve("postgres");
		boolean leftRunning = Files.exists(serverDirectory.resolve("postmaster.pid"));
		if (leftRunning) {
			StalePostmaster.stopIfRunning(serverDirectory);
		}
		assertThat(leftRunning).as("a server left running (its postmaster.pid)").isFalse();
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

	private void execute(String url, String sql) throws Exception {
		String password = password();
		try (Connection connection = DriverManager.getConnection(url, "postgres", password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private long count(String url, String sql) throws Exception {
		return Long.parseLong(query(url, sql));
	}

	private String query(String url, String sql) throws Exception {
		String password = password();
		try (Connection connection = DriverManager.getConnection(url, "postgres", password);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

}
