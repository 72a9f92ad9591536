package org.iofs.fse.foodbalance.importing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.iofs.fse.foodbalance.internal.BalanceLines;
import org.iofs.fse.support.PlatformIT;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files that do not keep a member's item together (the FAOSTAT web export orders by element first) reach the
 * staging table as several rows for one line. The merge collapses them, the later value of an element winning.
 * Runs in a transaction that is rolled back, so it leaves nothing behind.
 */
class StagedLinesIT extends PlatformIT {

	@Test
	void aLineSplitAcrossTheFileIsCollapsedAndItsLastValueWins() throws Exception {
		TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
		DataSource dataSource = context.getBean(DataSource.class);
		transaction.executeWithoutResult(status -> {
			try {
				BalanceLines.createIncoming(jdbc);
				Connection connection = DataSourceUtils.getConnection(dataSource);
				boolean repeated;
				// A buffer of two values, so that every change of item writes out what is held.
				try (StagingCopy staging = new StagingCopy(connection, 2)) {
					staging.accept(row(1, 2511, 5511, "100", "E"));
					staging.accept(row(2, 2513, 5511, "10", "E"));
					staging.accept(row(3, 2511, 5611, "40", "E"));
					staging.accept(row(4, 2513, 5611, "4", "E"));
					staging.accept(row(5, 2511, 5511, "120", "I"));
					staging.finish();
					repeated = staging.repeatedLines();
				}
				assertThat(repeated).isTrue();
				assertThat(jdbc.sql("SELECT count(*) FROM balance_incoming").query(Long.class).single()).isGreaterThan(2);

				BalanceLines.Counts counts = FbsMerge.apply(jdbc, importRun(), Map.of(2511, "Wheat", 2513, "Barley"),
						false, true, java.util.List.of("JOR"));

				assertThat(counts.inserted()).isEqualTo(4);
				assertThat(value(2511, 5511)).isEqualByComparingTo("120");
				assertThat(flagClass(2511, 5511)).isEqualTo("IMPUTED");
				assertThat(value(2511, 5611)).isEqualByComparingTo("40");
				assertThat(value(2513, 5511)).isEqualByComparingTo("10");
				assertThat(value(2513, 5611)).isEqualByComparingTo("4");
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			finally {
				status.setRollbackOnly();
			}
		});
	}

	private long importRun() {
		return jdbc.sql("""
				INSERT INTO foodbalance.import_run (file_name, sha256, imported_by, outcome, started_at)
				VALUES ('split.csv', repeat('1', 64), 't.analyst', 'APPLIED', now()) RETURNING id
				""").query(Long.class).single();
	}

	private static FbsRow row(long line, int item, int element, String value, String flag) {
		return new FbsRow(line, "JOR", item, "", element, 1988, new BigDecimal(value), "1000 t", flag);
	}

	private BigDecimal value(int item, int element) {
		return jdbc.sql("SELECT value FROM foodbalance.balance_value WHERE country_iso3 = 'JOR' AND year = 1988 "
				+ "AND item_code = :i AND element_code = :e").param("i", item).param("e", element)
			.query(BigDecimal.class).single();
	}

	private String flagClass(int item, int element) {
		return jdbc.sql("SELECT flag_class FROM foodbalance.balance_value WHERE country_iso3 = 'JOR' AND year = 1988 "
				+ "AND item_code = :i AND element_code = :e").param("i", item).param("e", element)
			.query(String.class).single();
	}

}
