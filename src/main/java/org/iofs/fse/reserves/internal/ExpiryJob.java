package org.iofs.fse.reserves.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.reserves.LotNearExpiry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every night: lots past their best-before date become EXPIRED (they can no longer be issued), and lots of
 * available stock within the near-expiry window of their commodity raise one alert each, with a rotation
 * proposal: sell a lot large enough for a commercial sale (100 t or more), hand a smaller one to a food programme;
 * either way the reserve replenishes what leaves. {@link ExpirySchedule} runs it at night and at start, through
 * this bean's proxy so that the whole run is one transaction.
 */
@Component
public class ExpiryJob {

	private static final Logger log = LoggerFactory.getLogger(ExpiryJob.class);

	static final int SELL_FROM_TONNES = 100;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final int defaultDays;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ExpiryJob(JdbcClient jdbc, AuditTrail audit, @Value("${fse.reserves.near-expiry-days:90}") int defaultDays,
			Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.audit = audit;
		this.defaultDays = defaultDays;
		this.clock = clock;
	}

	public record Outcome(int expired, int alerts) {
	}

	@Transactional
	public Outcome run() {
		Date today = Date.valueOf(LocalDate.now(clock));
		int expired = jdbc.sql("""
				UPDATE reserves.lot SET quality_status = 'EXPIRED'
				WHERE best_before < :today AND quality_status <> 'EXPIRED'
				""").param("today", today).update();
		List<LotNearExpiry> raised = jdbc.sql("""
				WITH raised AS (
				    INSERT INTO reserves.expiry_alert (lot_id, best_before, tonnes, proposal, replenish)
				    SELECT l.id, l.best_before, b.on_hand,
				           CASE WHEN b.on_hand >= :sellFrom THEN 'SELL' ELSE 'HAND_TO_PROGRAMME' END, true
				    FROM reserves.lot l
				    JOIN reserves.lot_balance b ON b.lot_id = l.id
				    LEFT JOIN reserves.expiry_window w ON w.commodity_code = l.commodity_code
				    WHERE l.quality_status = 'AVAILABLE' AND b.on_hand > 0
				      AND l.best_before <= CAST(:today AS date) + coalesce(w.days, :days)
				    ON CONFLICT (lot_id) DO NOTHING
				    RETURNING lot_id, best_before, tonnes, proposal)
				SELECT r.lot_id, l.hub_code, l.commodity_code, r.tonnes, r.best_before, r.proposal
				FROM raised r JOIN reserves.lot l ON l.id = r.lot_id ORDER BY r.lot_id
				""").param("today", today).param("sellFrom", SELL_FROM_TONNES).param("days", defaultDays)
			.query((rs, row) -> new LotNearExpiry(rs.getLong("lot_id"), rs.getString("hub_code"),
					rs.getString("commodity_code"), rs.getBigDecimal("tonnes"), rs.getDate("best_before").toLocalDate(),
					rs.getString("proposal")))
			.list();
		// Each lot's news, delivered once its transaction commits (the event registry keeps it until handled).
		raised.forEach(events::publishEvent);
		int alerts = raised.size();
		if (expired + alerts > 0) {
			audit.record("reserves.expiry-run", "reserves", "expiry", null, Map.of("expired", expired, "alerts", alerts));
			log.info("Reserve stock: {} lots expired, {} near-expiry alerts raised", expired, alerts);
		}
		return new Outcome(expired, alerts);
	}

}
