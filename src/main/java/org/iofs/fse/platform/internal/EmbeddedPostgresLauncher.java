package org.iofs.fse.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a PostgreSQL server on a data folder that outlives the process: the server's files in {@code postgres/},
 * its password in {@code database-password}. zonky's defaults suit throwaway test databases (a data directory
 * deleted on close, {@code synchronous_commit=off}, every local user trusted); the platform needs the opposite:
 * every connection, over TCP or the Unix socket, must give the password (SCRAM).
 * <p>
 * A new folder gets its password from initdb itself, so the server never runs without one. A folder made by an
 * earlier version (trusting every local user, no password file) is migrated in place at its first start: a password
 * is set, the access rules are rewritten and reloaded, and only then is the password file kept.
 */
public final class EmbeddedPostgresLauncher {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);

	static final String ACCESS_RULES = """
			# Written by the OIC Food Security Ecosystem platform at every start: every connection gives the password
			# kept in the data folder's database-password file (SCRAM), over the Unix socket or TCP on loopback.
			local   all   all                  scram-sha-256
			host    all   all   127.0.0.1/32   scram-sha-256
			host    all   all   ::1/128        scram-sha-256
			""";

	private EmbeddedPostgresLauncher() {
	}

	public static EmbeddedServer start(Path dataFolder) throws IOException {
		Path serverDirectory = dataFolder.resolve("postgres");
		Files.createDirectories(serverDirectory);
		if (heldByARunningPlatform(serverDirectory.resolve("epg-lock"))) {
			throw new IllegalStateException("The platform is already running on " + dataFolder.toAbsolutePath()
					+ ": stop it first (a second start, a backup, a restore or an import would share its database)");
		}
		StalePostmaster.stopIfRunning(serverDirectory);
		Path passwordFile = DatabasePassword.file(dataFolder);
		boolean initialised = Files.exists(serverDirectory.resolve("postgresql.conf"));
		Optional<String> kept = DatabasePassword.read(passwordFile);
		if (initialised && kept.isEmpty()) {
			return migrateToPassword(dataFolder, serverDirectory);
		}
		String password = kept.isPresent() ? kept.get() : DatabasePassword.create(passwordFile);
		EmbeddedServer server = new EmbeddedServer(builder(serverDirectory, password)
			// Used by initdb only, on a new folder: the superuser's password and password-only access from the start.
			.setLocaleConfig("pwfile", passwordFile.toAbsolutePath().toString())
			.setLocaleConfig("auth-host", "scram-sha-256")
			.setLocaleConfig("auth-local", "scram-sha-256")
			.start(), password);
		writeAccessRules(serverDirectory);
		reloadAccessRules(server);
		return server;
	}

	/**
	 * Whether a platform process holds the server's lock file. A JVM killed with kill -9 leaves its server running
	 * but not the lock (the system releases it with the process), which is how a stale server is told from a live one.
	 */
	private static boolean heldByARunningPlatform(Path lockFile) throws IOException {
		if (!Files.exists(lockFile)) {
			return false;
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				return true;
			}
			lock.release();
			return false;
		}
		catch (OverlappingFileLockException ex) {
			return true;
		}
	}

	/** A folder from before passwords: the server trusts local users until this sets the password and the rules. */
	private static EmbeddedServer migrateToPassword(Path dataFolder, Path serverDirectory) throws IOException {
		Path pending = DatabasePassword.pending(dataFolder);
		// A migration interrupted after the password was set left it here: the server may already ask for it.
		String password = DatabasePassword.read(pending).orElse(null);
		if (password == null) {
			password = DatabasePassword.create(pending);
		}
		log.warn("The database in {} accepts local connections without a password (made by an earlier version); "
				+ "setting a password and password-only access", serverDirectory);
		EmbeddedServer server = new EmbeddedServer(builder(serverDirectory, password).start(), password);
		execute(server, "ALTER ROLE " + EmbeddedServer.USER + " PASSWORD '" + password + "'");
		writeAccessRules(serverDirectory);
		reloadAccessRules(server);
		DatabasePassword.promote(pending, DatabasePassword.file(dataFolder));
		return server;
	}

	private static EmbeddedPostgres.Builder builder(Path serverDirectory, String password) {
		return EmbeddedPostgres.builder()
			.setDataDirectory(serverDirectory)
			.setCleanDataDirectory(false)
			// Spring closes the server after the connection pool; zonky's own hook would race with it.
			.setRegisterShutdownHook(false)
			.setConnectConfig("password", password)
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("listen_addresses", "localhost")
			// A bulk import writes a few hundred MB of WAL in one transaction; the default 1 GB forces checkpoints
			// in the middle of it.
			.setServerConfig("max_wal_size", "4GB")
			.setServerConfig("shared_buffers", "256MB")
			.setPGStartupWait(Duration.ofSeconds(60));
	}

	private static void writeAccessRules(Path serverDirectory) throws IOException {
		Path rules = serverDirectory.resolve("pg_hba.conf");
		if (!Files.exists(rules) || !Files.readString(rules, StandardCharsets.UTF_8).equals(ACCESS_RULES)) {
			Files.writeString(rules, ACCESS_RULES, StandardCharsets.UTF_8);
		}
	}

	private static void reloadAccessRules(EmbeddedServer server) {
		execute(server, "SELECT pg_reload_conf()");
	}

	private static void execute(EmbeddedServer server, String sql) {
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), EmbeddedServer.USER, server.password());
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new UncheckedIOException(new IOException("Cannot configure the embedded database", ex));
		}
	}

}
