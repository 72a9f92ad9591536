package org.iofs.fse.trade.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.trade.CertificateExpired;
import org.iofs.fse.trade.CertificateExpiring;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every night (and at start), on one instance: certificates past their expiry date become EXPIRED (each published
 * as {@link CertificateExpired}), and those that
 * expire within {@code fse.trade.certificate-warning-days} (60) are marked warned, once, each warning audited for
 * the company and published ({@link CertificateExpiring}) for the notifications; offers and requests past their
 * validity that are still on the board become EXPIRED too (they were already off the board and could not be taken;
 * now their status says so).
 */
@Component
class CertificateExpiry {

	private static final Logger log = LoggerFactory.getLogger(CertificateExpiry.class);

	/** What one run did. */
	record Outcome(int expired, List<Long> warned, int offersExpired) {
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final int warningDays;

	private final ApplicationEventPublisher events;

	private final BoardAnswers board;

	CertificateExpiry(JdbcClient jdbc, AuditTrail audit, TransactionTemplate transaction, Clock clock,
			ApplicationEventPublisher events, BoardAnswers board,
			@Value("${fse.trade.certificate-warning-days:60}") int warningDays) {
		this.board = board;
		this.events = events;
		this.jdbc = jdbc;
		this.audit = audit;
		this.transaction = transaction;
		this.clock = clock;
		this.warningDays = warningDays;
	}

	@Scheduled(cron = "${fse.trade.certificate-cron:0 20 0 * * *}", zone = "${fse.time.zone:Asia/Almaty}")
	@SchedulerLock(name = "trade.certificate-expiry", lockAtLeastFor = "PT5M")
	public void nightly() {
		run();
	}

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		run();
	}

	Outcome run() {
		return transaction.execute(status -> {
			Date today = Date.valueOf(LocalDate.now(clock));
			List<CertificateExpired> expiredNow = jdbc.sql("""
					UPDATE trade.halal_certificate SET status = 'EXPIRED' WHERE status = 'VALID' AND expires_on < :today
					RETURNING id, company_id, number, expires_on
					""").param("today", today)
				.query((rs, row) -> new CertificateExpired(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
						rs.getDate(4).toLocalDate()))
				.list();
			for (CertificateExpired certificate : expiredNow) {
				audit.record("trade.certificate-expired", "halal-certificate", certificate.certificate(), null,
						Map.of("company", certificate.company().toString(), "expiredOn", certificate.expiredOn().toString()));
				events.publishEvent(certificate);
			}
			int expired = expiredNow.size();
			List<Map<String, Object>> warned = jdbc.sql("""
					UPDATE trade.halal_certificate SET expiry_warned_on = :today
					WHERE status = 'VALID' AND expiry_warned_on IS NULL AND expires_on <= CAST(:today AS date) + :days
					RETURNING id, company_id, number, expires_on
					""").param("today", today).param("days", warningDays).query().listOfRows();
			for (Map<String, Object> row : warned) {
				audit.record("trade.certificate-expiry-warned", "halal-certificate", row.get("id"), null,
						Map.of("company", row.get("company_id").toString(), "expiresOn", row.get("expires_on").toString()));
				events.publishEvent(new CertificateExpiring(((Number) row.get("id")).longValue(),
						(UUID) row.get("company_id"), (String) row.get("number"),
						((Date) row.get("expires_on")).toLocalDate()));
			}
			int offersExpired = jdbc.sql("""
					UPDATE trade.offer SET status = 'EXPIRED'
					WHERE status IN ('DRAFT', 'PUBLISHED', 'PARTLY_TAKEN') AND valid_until < :today
					""").param("today", today).update();
			if (offersExpired > 0) {
				audit.record("trade.offers-expired", "offer", null, null, Map.of("count", offersExpired));
				board.changed();
			}
			if (expired + warned.size() > 0) {
				log.info("Halal certificates: {} expired, {} expiring within {} days warned", expired, warned.size(),
						warningDays);
			}
			return new Outcome(expired, warned.stream().map(row -> ((Number) row.get("id")).longValue()).toList(),
					offersExpired);
		});
	}

}
