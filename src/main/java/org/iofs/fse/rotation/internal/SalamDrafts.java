package org.iofs.fse.rotation.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.reserves.ReservesSituation;
import org.iofs.fse.trade.OfferTaken;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When a rotated lot sells on the board, the reserve buys the same tonnes forward: a salam purchase drafted at the
 * sale's price (the full price paid at contract, as salam requires), delivered a week before the reserve's next
 * need of the commodity (its earliest release request under way), or within {@code fse.rotation.replenish-days}
 * (90) when none is known, and never sooner than {@code fse.rotation.salam-lead-days} (21) for the seller to grow or
 * procure it. Once per sale, whatever the number of times the board's event is handled.
 */
@Component
class SalamDrafts {

	private final JdbcClient jdbc;

	private final ReservesSituation reserves;

	private final AuditTrail audit;

	private final Clock clock;

	private final int replenishDays;

	private final int leadDays;

	SalamDrafts(JdbcClient jdbc, ReservesSituation reserves, AuditTrail audit, Clock clock,
			@Value("${fse.rotation.replenish-days:90}") int replenishDays,
			@Value("${fse.rotation.salam-lead-days:21}") int leadDays) {
		this.jdbc = jdbc;
		this.reserves = reserves;
		this.audit = audit;
		this.clock = clock;
		this.replenishDays = replenishDays;
		this.leadDays = leadDays;
	}

	/**
	 * On a thread of its own once the take committed, as every listener of the board's events: a take must not wait
	 * for it, nor hold its connection while it asks the pool for another.
	 */
	@Async
	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(OfferTaken taken) {
		Optional<Map<String, Object>> rotation = jdbc.sql("""
				SELECT id, reserve_code, commodity_code FROM rotation.rotation WHERE offer_id = :offer FOR UPDATE
				""").param("offer", taken.offer()).query().listOfRows().stream().findFirst();
		if (rotation.isEmpty()) {
			return;
		}
		long id = ((Number) rotation.get().get("id")).longValue();
		LocalDate today = LocalDate.now(clock);
		Optional<LocalDate> need = reserves.nextNeed((String) rotation.get().get("reserve_code"),
				(String) rotation.get().get("commodity_code"));
		LocalDate deliverBy = need.map(n -> n.minusDays(7)).orElse(today.plusDays(replenishDays));
		if (deliverBy.isBefore(today.plusDays(leadDays))) {
			deliverBy = today.plusDays(leadDays);
		}
		int drafted = jdbc.sql("""
				INSERT INTO rotation.salam_draft (rotation_id, take_id, tonnes, price_per_tonne, currency, deliver_by,
				    next_need, drafted_at)
				VALUES (:rotation, :take, :tonnes, :price, :currency, :deliverBy, :need, :at)
				ON CONFLICT (take_id) DO NOTHING
				""").param("rotation", id).param("take", taken.take()).param("tonnes", taken.tonnes())
			.param("price", taken.pricePerTonne()).param("currency", taken.currency())
			.param("deliverBy", Date.valueOf(deliverBy)).param("need", need.map(Date::valueOf).orElse(null))
			.param("at", Timestamp.from(clock.instant())).update();
		if (drafted == 0) {
			return;
		}
		jdbc.sql("""
				UPDATE rotation.rotation SET sold_tonnes = sold_tonnes + :tonnes,
				    status = CASE WHEN sold_tonnes + :tonnes >= tonnes THEN 'SOLD' ELSE 'PARTLY_SOLD' END
				WHERE id = :id
				""").param("tonnes", taken.tonnes()).param("id", id).update();
		audit.record("rotation.salam-drafted", "rotation", id, null, Map.of("take", taken.take(),
				"tonnes", taken.tonnes(), "deliverBy", deliverBy.toString(), "pricePerTonne", taken.pricePerTonne()));
	}

}
