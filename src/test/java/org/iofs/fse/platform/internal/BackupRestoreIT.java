package org.iofs.fse.platform.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.iofs.fse.support.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup restored into a fresh data folder, by the command line as an operator would, holds every balance,
 * price, lot and audit record the platform held when it was made; a second restore into that folder is refused.
 */
class BackupRestoreIT extends PlatformIT {

	static final List<String> COUNTED = List.of("foodbalance.balance_line", "prices.observation", "reserves.lot",
			"reserves.ledger_entry", "audit.audit_event", "identity.account", "countries.country");

	static final Path SAMPLE = Path.of("../shared/data/samples/FoodBalanceSheets_E_Africa_NOFLAG_truncated.csv");

	@TempDir
	Path folder;

	@Test
	void aBackupRestoredIntoAFreshFolderHoldsEveryRecord() throws Exception {
		String analyst = bearer("t.analyst");
		assertThat(http.postFile("/api/v1/imports/faostat", "sample.csv", Files.readAllBytes(SAMPLE),
				"Authorization", analyst).statusCode()).isEqualTo(200);
		String prices = "date,admin1,admin2,market,latitude,longitude,category,commodity,unit,priceflag,pricetype,currency,price,usdprice\n"
				+ "2019-01-15,Banaadir,Mogadishu,Backup market,2.04,45.34,cereals and tubers,Sorghum,KG,actual,Retail,SOS,9000,0.4\n";
		assertThat(http.postFile("/api/v1/imports/wfp-prices?country=SOM", "backup.csv",
				prices.getBytes(StandardCharsets.UTF_8), "Authorization", analyst).statusCode()).isEqualTo(200);
		// A hub of its own: the hubs other tests use keep the reserve they give them.
		jdbc.sql("""
				INSERT INTO reserves.hub (code, name, kind, country_iso3) VALUES ('BACKUP-HUB', 'Backup hub', 'SILO', 'SEN')
				ON CONFLICT DO NOTHING
				""").update();
		long lot = jdbc.sql("""
				INSERT INTO reserves.lot (hub_code, commodity_code, intake_date, best_before)
				VALUES ('BACKUP-HUB', 'millet', :intake, :bestBefore) RETURNING id
				""").param("intake", java.sql.Date.valueOf(LocalDate.now()))
			.param("bestBefore", java.sql.Date.valueOf(LocalDate.now().plusYears(1))).query(Long.class).single();
		jdbc.sql("INSERT INTO reserves.lot_balance (lot_id, hub_code, commodity_code, on_hand) VALUES (:id, 'BACKUP-HUB', 'millet', 12.5)")
			.param("id", lot).update();

		Path backup = folder.resolve("platform.backup");
		context.getBean(DatabaseBackup.class).backup(backup);
		assertThat(Files.getPosixFilePermissions(backup))
			.isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
		Map<String, Long> before = new LinkedHashMap<>();
		for (String table : COUNTED) {
			before.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
		}
		Path data = folder.resolve("data");

		Process restore = command(folder.resolve("restore.log"), "restore", backup.toString(), "--fse.data-dir=" + data);
		Process again = null;
		try {
			assertThat(restore.waitFor(180, TimeUnit.SECONDS)).isTrue();
			assertThat(restore.exitValue()).as(tail(folder.resolve("restore.log"))).isZero();
			again = command(folder.resolve("again.log"), "restore", backup.toString(), "--fse.data-dir=" + data);
			assertThat(again.waitFor(180, TimeUnit.SECONDS)).isTrue();
			assertThat(again.exitValue()).as("a second restore into a folder with data is refused").isEqualTo(2);
		}
		finally {
			restore.destroyForcibly();
			if (again != null) {
				again.destroyForcibly();
			}
		}

		try (EmbeddedServer restored = EmbeddedPostgresLauncher.start(data);
				Connection connection = DriverManager.getConnection(restored.jdbcUrl(), EmbeddedServer.USER,
						restored.password())) {
			for (String table : COUNTED) {
				assertThat(count(connection, "SELECT count(*) FROM " + table)).as(table).isEqualTo(before.get(table));
			}
			assertThat(count(connection, "SELECT count(*) FROM reserves.lot_balance WHERE hub_code = 'BACKUP-HUB' AND on_hand = 12.5"))
				.isEqualTo(1);
			assertThat(count(connection, """
					SELECT count(*) FROM prices.observation o JOIN prices.series s ON s.id = o.series_id
					JOIN prices.market m ON m.id = s.market_id WHERE m.name = 'Backup market'
					""")).isEqualTo(1);
			// The sequences go on from where they were: a new audit event takes an id after the restored ones.
			assertThat(count(connection, "SELECT nextval(pg_get_serial_sequence('audit.audit_event', 'id'))"))
				.isGreaterThan(count(connection, "SELECT max(id) FROM audit.audit_event"));
		}
	}

	/** The platform's command line in a JVM of its own, as an operator runs it; its output to a file. */
	private static Process command(Path log, String... args) throws IOException {
		List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
			.toString(), "-cp", System.getProperty("java.class.path"), "org.iofs.fse.FseApplication"));
		command.addAll(List.of(args));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	private static String tail(Path log) throws IOException {
		String all = Files.readString(log, StandardCharsets.UTF_8);
		return all.length() > 4000 ? all.substring(all.length() - 4000) : all;
	}

	private static long count(Connection connection, String sql) throws Exception {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
