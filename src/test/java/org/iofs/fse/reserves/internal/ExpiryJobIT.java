package org.iofs.fse.reserves.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.support.PlatformIT;
import org.iofs.fse.support.TestClock;

import org.springframework.dao.DataAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
		// The Secretariat's analysts hear of each lot near expiry once (the second run raised nothing).
		new org.iofs.fse.identity.TestAccounts(context).ensureStandardCallers();
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc
			.sql("SELECT count(*) FROM notifications.notification WHERE topic = 'reserves.lot-near-expiry' AND dedup_key = :k")
			.param("k", "lot-near-expiry:" + bigSoon).query(Long.class).single()).isPositive());
	}

	@AfterEach
	void realTimeAgain() {
		context.getBean(TestClock.class).reset();
	}

	@Test
	void todayIsThePlatformClocksDateNotTheDatabases() {
		hub("EXPIRY-CLOCK-HUB");
		LocalDate inAYear = LocalDate.now().plusYears(1);
		long lot = lot("EXPIRY-CLOCK-HUB", "millet", inAYear, "30");
		context.getBean(ExpiryJob.class).run();
		assertThat(status(lot)).isEqualTo("AVAILABLE");

		context.getBean(TestClock.class).fixDate(inAYear.plusDays(1));
		context.getBean(ExpiryJob.class).run();
		assertThat(status(lot)).isEqualTo("EXPIRED");
	}

	/** The schedule reaches the job through its proxy: a failure half-way leaves nothing done. */
	@Test
	void theNightlyRunIsOneTransaction() {
		hub("EXPIRY-TX-HUB");
		long past = lot("EXPIRY-TX-HUB", "millet", LocalDate.now().minusDays(3), "30");
		long soon = lot("EXPIRY-TX-HUB", "millet", LocalDate.now().plusDays(5), "30");
		jdbc.sql("""
				CREATE FUNCTION reserves.test_refuse_alert() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				  IF NEW.lot_id = %d THEN RAISE EXCEPTION 'refused by the test'; END IF;
				  RETURN NEW;
				END $$
				""".formatted(soon)).update();
		jdbc.sql("""
				CREATE TRIGGER test_refuse_alert BEFORE INSERT ON reserves.expiry_alert
				FOR EACH ROW EXECUTE FUNCTION reserves.test_refuse_alert()
				""").update();
		try {
			assertThatThrownBy(() -> context.getBean(ExpirySchedule.class).nightly())
				.isInstanceOf(DataAccessException.class);
			assertThat(status(past)).isEqualTo("AVAILABLE");
		}
		finally {
			jdbc.sql("DROP TRIGGER test_refuse_alert ON reserves.expiry_alert").update();
			jdbc.sql("DROP FUNCTION reserves.test_refuse_alert()").update();
		}
		context.getBean(ExpiryJob.class).run();
		assertThat(status(past)).isEqualTo("EXPIRED");
	}

	private void hub(String code) {
		jdbc.sql("""
				INSERT INTO reserves.hub (code, name, kind, country_iso3) VALUES (:code, :code, 'SILO', 'MLI')
				ON CONFLICT DO NOTHING
				""").param("code", code).update();
	}

	private long lot(String commodity, LocalDate bestBefore, String tonnes) {
		return lot("EXPIRY-HUB", commodity, bestBefore, tonnes);
	}

	private long lot(String hub, String commodity, LocalDate bestBefore, String tonnes) {
		long id = jdbc.sql("""
				INSERT INTO reserves.lot (hub_code, commodity_code, intake_date, best_before)
				VALUES (:hub, :c, :intake, :bb) RETURNING id
				""").param("hub", hub).param("c", commodity).param("intake", Date.valueOf(bestBefore.minusYears(1)))
			.param("bb", Date.valueOf(bestBefore)).query(Long.class).single();
		jdbc.sql("INSERT INTO reserves.lot_balance (lot_id, hub_code, commodity_code, on_hand) VALUES (:id, :hub, :c, :t)")
			.param("hub", hub).param("id", id).param("c", commodity).param("t", new BigDecimal(tonnes)).update();
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
