package org.iofs.fse.reserves;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.iofs.fse.support.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/** The nightly job expires lots past their best-before date and raises near-expiry alerts with a rotation proposal. */
class ExpiryJobIT extends PlatformIT {

	@Test
	void expiresOldLotsAndProposesRotationForThoseAboutToExpire() {
		jdbc.sql("""
				INSERT INTO reserves.hub (code, name, kind, country_iso3) VALUES ('EXPIRY-HUB', 'Expiry hub', 'SILO', 'MLI')
				ON CONFLICT DO NOTHING
				""").update();
		long expired = lot("millet", LocalDate.now().minusDays(1), "30");
		long bigSoon = lot("millet", LocalDate.now().plusDays(10), "150");
		long smallSoon = lot("sorghum", LocalDate.now().plusDays(20), "20");
		long far = lot("sorghum", LocalDate.now().plusYears(2), "500");
		long riceSoon = lot("rice", LocalDate.now().plusDays(40), "20");
		jdbc.sql("INSERT INTO reserves.expiry_window (commodity_code, days) VALUES ('rice', 30) ON CONFLICT DO NOTHING").update();

		context.getBean(ExpiryJob.class).run();
		ExpiryJob.Outcome again = context.getBean(ExpiryJob.class).run();

		assertThat(status(expired)).isEqualTo("EXPIRED");
		assertThat(status(bigSoon)).isEqualTo("AVAILABLE");
		assertThat(proposal(bigSoon)).isEqualTo("SELL");
		assertThat(proposal(smallSoon)).isEqualTo("HAND_TO_PROGRAMME");
		assertThat(proposal(far)).isNull();
		// Rice warns 30 days ahead, not the default 90.
		assertThat(proposal(riceSoon)).isNull();
		assertThat(again.alerts()).isZero();
	}

	private long lot(String commodity, LocalDate bestBefore, String tonnes) {
		long id = jdbc.sql("""
				INSERT INTO reserves.lot (hub_code, commodity_code, intake_date, best_before)
				VALUES ('EXPIRY-HUB', :c, :intake, :bb) RETURNING id
				""").param("c", commodity).param("intake", Date.valueOf(bestBefore.minusYears(1)))
			.param("bb", Date.valueOf(bestBefore)).query(Long.class).single();
		jdbc.sql("INSERT INTO reserves.lot_balance (lot_id, hub_code, commodity_code, on_hand) VALUES (:id, 'EXPIRY-HUB', :c, :t)")
			.param("id", id).param("c", commodity).param("t", new BigDecimal(tonnes)).update();
		return id;
	}

	private String status(long lot) {
		return jdbc.sql("SELECT quality_status FROM reserves.lot WHERE id = :id").param("id", lot).query(String.class).single();
	}

	private String proposal(long lot) {
		return jdbc.sql("SELECT proposal FROM reserves.expiry_alert WHERE lot_id = :id").param("id", lot).query(String.class)
			.optional().orElse(null);
	}

}
