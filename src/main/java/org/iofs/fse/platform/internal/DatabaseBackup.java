package org.iofs.fse.platform.internal;

import org.iofs.fse.platform.HoldsData;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * A backup of the platform's data, and its restore. The embedded PostgreSQL comes without pg_dump and pg_restore
 * (and the Debian client cannot dump a newer server), so the platform writes its own logical backup: one zip
 * holding every table of its schemas in PostgreSQL's binary COPY format, read in one repeatable-read snapshot so
 * that the tables agree with each other, the sequences' positions, and a manifest naming the schema version and
 * each table's row count. Sessions and scheduler locks are left out: they belong to a running platform.
 * <p>
 * A restore goes into a database at the same schema version (a fresh data folder, migrated at start): in one
 * transaction, with triggers and foreign keys set aside while the rows arrive, every table is emptied and loaded,
 * the sequences are set, and the row counts are checked against the manifest. Anything wrong rolls it all back.
 */
@Component
public class DatabaseBackup {

	private static final Logger log = LoggerFactory.getLogger(DatabaseBackup.class);

	static final String MANIFEST = "manifest.properties";

	static final String FORMAT = "fse-backup-1";

	/** The schemas the platform migrates, one per module. */
	static final List<String> SCHEMAS = List.of("countries", "commodities", "organisations", "identity", "audit",
			"platform", "foodbalance", "prices", "reserves", "allocation", "trade",
			"notifications", "projects", "engagements", "strategy", "response", "rotation");

	/** What belongs to a running platform, not to its data. */
	static final List<String> LEFT_OUT = List.of("identity.spring_session", "identity.spring_session_attributes",
			"platform.shedlock");

	/** What a restore found in the backup. */
	public record Restored(String schemaVersion, Map<String, Long> rows) {
	}

	private final DataSource dataSource;

	private final Clock clock;

	private final List<HoldsData> modules;

	DatabaseBackup(DataSource dataSource, Clock clock, List<HoldsData> modules) {
		this.dataSource = dataSource;
		this.clock = clock;
		this.modules = modules;
	}

	/** Writes the backup to a file (through a temporary file beside it, so a failed backup leaves none). */
	public Map<String, Long> backup(Path file) throws IOException, SQLException {
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		Files.deleteIfExists(partial);
		// It holds accounts' password hashes and people's names: readable by its owner only.
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		Map<String, Long> rows = new LinkedHashMap<>();
		try (Connection connection = dataSource.getConnection();
				ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16))) {
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			connection.setReadOnly(true);
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			Properties manifest = new Properties();
			manifest.setProperty("format", FORMAT);
			manifest.setProperty("created", clock.instant().toString());
			manifest.setProperty("schema-version", schemaVersion(connection));
			List<String> tables = tables(connection);
			for (String table : tables) {
				zip.putNextEntry(new ZipEntry("tables/" + table + ".copy"));
				OutputStream entry = new NonClosing(zip);
				// A partitioned table is copied out through a query (its rows are in its partitions); it is copied in as
				// itself, and PostgreSQL routes each row to the partition of the restoring platform.
				copy.copyOut("COPY (SELECT " + storedColumns(connection, table) + " FROM " + table
						+ ") TO STDOUT (FORMAT binary)", entry);
				zip.closeEntry();
				rows.put(table, count(connection, table));
				manifest.setProperty("rows." + table, Long.toString(rows.get(table)));
			}
			manifest.setProperty("tables", String.join(",", tables));
			Properties sequences = sequences(connection);
			zip.putNextEntry(new ZipEntry("sequences.properties"));
			sequences.store(new NonClosing(zip), "sequence = last_value,is_called");
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry(MANIFEST));
			manifest.store(new NonClosing(zip), "OIC Food Security Ecosystem backup");
			zip.closeEntry();
			connection.commit();
		}
		catch (IOException | SQLException | RuntimeException ex) {
			Files.deleteIfExists(partial);
			throw ex;
		}
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		log.info("Backup written to {}: {} tables, {} rows", file, rows.size(),
				rows.values().stream().mapToLong(Long::longValue).sum());
		return rows;
	}

	/**
	 * Replaces the database's data with the backup's. Refuses a backup of another schema version, and, unless
	 * {@code replace}, a database that already holds balances, prices or stock.
	 */
	public Restored restore(Path file, boolean replace) throws IOException, SQLException {
		try (ZipFile zip = new ZipFile(file.toFile()); Connection connection = dataSource.getConnection()) {
			ZipEntry manifestEntry = zip.getEntry(MANIFEST);
			if (manifestEntry == null) {
				throw new IllegalArgumentException(file + " is not a backup of this platform (no " + MANIFEST + ")");
			}
			Properties manifest = new Properties();
			try (InputStream in = zip.getInputStream(manifestEntry)) {
				manifest.load(in);
			}
			if (!FORMAT.equals(manifest.getProperty("format"))) {
				throw new IllegalArgumentException(file + " is a backup of an unknown format: " + manifest.getProperty("format"));
			}
			String version = schemaVersion(connection);
			if (!version.equals(manifest.getProperty("schema-version"))) {
				throw new IllegalArgumentException("the backup was made at schema version "
						+ manifest.getProperty("schema-version") + " and this database is at " + version
						+ ": restore it with the version of the platform that made it, then start the new one");
			}
			if (!replace && modules.stream().anyMatch(HoldsData::holdsData)) {
				throw new IllegalArgumentException("the database already holds balances, prices or stock: restore into a "
						+ "fresh data folder, or pass --replace to replace its data");
			}
			connection.setAutoCommit(false);
			try {
				Map<String, Long> rows = load(connection, zip, manifest);
				connection.commit();
				log.info("Restored {} ({} tables) at schema version {}", file, rows.size(), version);
				return new Restored(version, rows);
			}
			catch (IOException | SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		}
	}

	private Map<String, Long> load(Connection connection, ZipFile zip, Properties manifest) throws IOException, SQLException {
		List<String> tables = List.of(manifest.getProperty("tables").split(","));
		List<String> platformTables = tables(connection);
		try (Statement statement = connection.createStatement()) {
			// Rows arrive table by table: foreign keys and the audit trail's guards would refuse the order.
			statement.execute("SET LOCAL session_replication_role = replica");
			statement.execute("TRUNCATE " + String.join(", ", platformTables));
		}
		CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
		Map<String, Long> rows = new LinkedHashMap<>();
		for (String table : tables) {
			ZipEntry entry = zip.getEntry("tables/" + table + ".copy");
			if (entry == null || !platformTables.contains(table)) {
				throw new IllegalArgumentException("the backup's table " + table + " is missing or unknown");
			}
			try (InputStream in = new BufferedInputStream(zip.getInputStream(entry), 1 << 16)) {
				long loaded = copy.copyIn("COPY " + table + " (" + storedColumns(connection, table)
						+ ") FROM STDIN (FORMAT binary)", in);
				long expected = Long.parseLong(manifest.getProperty("rows." + table));
				if (loaded != expected) {
					throw new IllegalStateException(table + ": " + loaded + " rows restored, the backup says " + expected);
				}
				rows.put(table, loaded);
			}
		}
		Properties sequences = new Properties();
		try (InputStream in = zip.getInputStream(zip.getEntry("sequences.properties"))) {
			sequences.load(in);
		}
		try (var set = connection.prepareStatement("SELECT setval(CAST(? AS regclass), ?, ?)")) {
			for (String sequence : sequences.stringPropertyNames()) {
				String[] value = sequences.getProperty(sequence).split(",");
				set.setString(1, sequence);
				set.setLong(2, Long.parseLong(value[0]));
				set.setBoolean(3, Boolean.parseBoolean(value[1]));
				set.execute();
			}
		}
		return rows;
	}

	private static String schemaVersion(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("""
						SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL
						ORDER BY installed_rank DESC LIMIT 1
						""")) {
			return rs.next() ? rs.getString(1) : "none";
		}
	}

	/**
	 * A table's stored columns in their order, quoted: generated columns (a search vector, say) are computed again
	 * by the restoring database and cannot be copied in.
	 */
	private static String storedColumns(Connection connection, String table) throws SQLException {
		try (var query = connection.prepareStatement("""
				SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute
				WHERE attrelid = CAST(? AS regclass) AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
				""")) {
			query.setString(1, table);
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				return rs.getString(1);
			}
		}
	}

	/** The platform's tables (a partitioned table as one, not its partitions), each as schema.table. */
	private static List<String> tables(Connection connection) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (var query = connection.prepareStatement("""
				SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY (?)
				ORDER BY n.nspname, c.relname
				""")) {
			query.setArray(1, connection.createArrayOf("text", SCHEMAS.toArray()));
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					if (!LEFT_OUT.contains(rs.getString(1))) {
						tables.add(rs.getString(1));
					}
				}
			}
		}
		return tables;
	}

	private static Properties sequences(Connection connection) throws SQLException {
		Properties sequences = new Properties();
		try (var query = connection.prepareStatement("""
				SELECT schemaname || '.' || sequencename, coalesce(last_value, 1), last_value IS NOT NULL
				FROM pg_sequences WHERE schemaname = ANY (?)
				""")) {
			query.setArray(1, connection.createArrayOf("text", SCHEMAS.toArray()));
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					sequences.setProperty(rs.getString(1), rs.getLong(2) + "," + rs.getBoolean(3));
				}
			}
		}
		return sequences;
	}

	private static long count(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** The zip entry stays open when COPY closes its stream. */
	private static final class NonClosing extends java.io.FilterOutputStream {

		NonClosing(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			out.write(bytes, offset, length);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

}
