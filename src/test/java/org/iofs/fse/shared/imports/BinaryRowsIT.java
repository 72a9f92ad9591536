package org.iofs.fse.shared.imports;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import org.iofs.fse.support.PlatformIT;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows in the binary COPY format are read by PostgreSQL as the values they stand for. */
class BinaryRowsIT extends PlatformIT {

	@Test
	void numbersDatesTextAndArraysArriveAsWritten() {
		List<String> read = new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).execute(status -> {
			jdbc.sql("""
					CREATE TEMPORARY TABLE binary_rows (n bigint, value numeric(18,4), day date, name text,
					    prices numeric[], flags boolean[]) ON COMMIT DROP
					""").update();
			long[] scaled = { 0, 1, -1, 10_000, 123_456_789, -55_000, 999_999_999_999_999_999L, 12_345_6789_0000L,
					100_000_000 };
			BinaryRows rows = new BinaryRows(64);
			for (int i = 0; i < scaled.length; i++) {
				rows.row(6).int8(i).numeric4(scaled[i]).date(LocalDate.of(2026, 1, 1).plusDays(i * 40L))
					.text(i == 2 ? null : "Marché " + i);
				rows.beginArray(BinaryRows.NUMERIC, 3).numeric4(scaled[i]).nul().numeric4(-scaled[i]).endArray();
				rows.beginArray(BinaryRows.BOOL, 2).bool(true).bool(i % 2 == 0).endArray();
			}
			byte[] bytes = rows.takeLastBlock();
			try {
				Connection connection = DataSourceUtils.getConnection(context.getBean(DataSource.class));
				var copy = connection.unwrap(PGConnection.class).getCopyAPI()
					.copyIn("COPY binary_rows FROM STDIN (FORMAT binary)");
				copy.writeToCopy(bytes, 0, bytes.length);
				assertThat(copy.endCopy()).isEqualTo(scaled.length);
			}
			catch (java.sql.SQLException ex) {
				throw new IllegalStateException(ex);
			}
			return jdbc.sql("""
					SELECT concat_ws(' | ', n, value, day, coalesce(name, 'NULL'), prices, flags) FROM binary_rows ORDER BY n
					""").query(String.class).list();
		});
		assertThat(read).containsExactly(
				"0 | 0.0000 | 2026-01-01 | Marché 0 | {0.0000,NULL,0.0000} | {t,t}",
				"1 | 0.0001 | 2026-02-10 | Marché 1 | {0.0001,NULL,-0.0001} | {t,f}",
				"2 | -0.0001 | 2026-03-22 | NULL | {-0.0001,NULL,0.0001} | {t,t}",
				"3 | 1.0000 | 2026-05-01 | Marché 3 | {1.0000,NULL,-1.0000} | {t,f}",
				"4 | 12345.6789 | 2026-06-10 | Marché 4 | {12345.6789,NULL,-12345.6789} | {t,t}",
				"5 | -5.5000 | 2026-07-20 | Marché 5 | {-5.5000,NULL,5.5000} | {t,f}",
				"6 | 99999999999999.9999 | 2026-08-29 | Marché 6 | {99999999999999.9999,NULL,-99999999999999.9999} | {t,t}",
				"7 | 123456789.0000 | 2026-10-08 | Marché 7 | {123456789.0000,NULL,-123456789.0000} | {t,f}",
				"8 | 10000.0000 | 2026-11-17 | Marché 8 | {10000.0000,NULL,-10000.0000} | {t,t}");
	}

}
