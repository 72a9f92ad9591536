package org.iofs.fse.shared;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.iofs.fse.support.PlatformIT;

import org.springframework.dao.DataAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rows read from PostgreSQL arrive in records as Spring's own mapper would give them: a column found by its
 * underscored or its run-together name, in any case and in any order, extra columns left aside, nulls as nulls,
 * and a statement without a column a record needs refused with the record's field named.
 */
class RecordRowMapperIT extends PlatformIT {

	record Delivery(long id, String deliveryPoint, LocalDate needBy, int tier, BigDecimal receivedTonnes,
			Instant deliveredAt, boolean localUsed) {
	}

	@Test
	void columnsAreFoundByTheirNamesWhateverTheirOrderAndCase() {
		List<Delivery> rows = jdbc.sql("""
				SELECT 'ignored' AS note, TRUE AS LocalUsed,
				       timestamptz '2026-12-04 10:00:00+00' AS delivered_at, 12.5 AS received_tonnes, 2 AS tier,
				       date '2026-12-20' AS need_by, 'Dakar port' AS deliverypoint, 7 AS id
				UNION ALL
				SELECT NULL, FALSE, NULL, NULL, 3, NULL, NULL, 8
				ORDER BY id
				""").query(RecordRowMapper.of(Delivery.class)).list();

		assertThat(rows).containsExactly(
				new Delivery(7, "Dakar port", LocalDate.of(2026, 12, 20), 2, new BigDecimal("12.5"),
						Instant.parse("2026-12-04T10:00:00Z"), true),
				new Delivery(8, null, null, 3, null, null, false));
	}

	@Test
	void aMissingColumnIsRefusedWithTheFieldItWasFor() {
		assertThatThrownBy(() -> jdbc.sql("SELECT 7 AS id, 'Dakar port' AS delivery_point")
			.query(RecordRowMapper.of(Delivery.class))
			.list())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("Delivery.needBy")
			.hasMessageContaining("need_by");
	}

	@Test
	void oneMapperReadsEachStatementItIsGivenByThatStatementsColumns() {
		RecordRowMapper<Delivery> mapper = RecordRowMapper.of(Delivery.class);
		String columns = "'Kano' AS delivery_point, NULL::date AS need_by, 1 AS tier, NULL::numeric AS received_tonnes,"
				+ " NULL::timestamptz AS delivered_at, FALSE AS local_used";
		Delivery first = jdbc.sql("SELECT 1 AS id, " + columns).query(mapper).single();
		Delivery second = jdbc.sql("SELECT " + columns + ", 2 AS id").query(mapper).single();

		assertThat(first.id()).isEqualTo(1);
		assertThat(second.id()).isEqualTo(2);
		assertThat(second.deliveryPoint()).isEqualTo("Kano");
	}

}
