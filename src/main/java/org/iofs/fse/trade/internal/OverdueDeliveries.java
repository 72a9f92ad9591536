package org.iofs.fse.trade.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.Commodity;
import org.iofs.fse.shared.LocalizedText;
import org.iofs.fse.trade.DeliveryOverdue;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every night, on one instance: a deal still contracted or shipped after the last day of its delivery window is
 * overdue. Each is marked, audited and published ({@link DeliveryOverdue}) once, in one transaction, so that its
 * buyer and seller are told once.
 */
@Component
class OverdueDeliveries {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Commodities commodities;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	OverdueDeliveries(JdbcClient jdbc, AuditTrail audit, Commodities commodities, ApplicationEventPublisher events,
			TransactionTemplate transaction, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.commodities = commodities;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Scheduled(cron = "${fse.trade.overdue-cron:0 25 0 * * *}", zone = "${fse.time.zone:Asia/Almaty}")
	@SchedulerLock(name = "trade.overdue-deliveries", lockAtLeastFor = "PT5M")
	public void nightly() {
		run();
	}

	/** The deals found overdue by this run. */
	List<Long> run() {
		return transaction.execute(status -> {
			Date today = Date.valueOf(LocalDate.now(clock));
			List<Map<String, Object>> overdue = jdbc.sql("""
					UPDATE trade.deal SET overdue_notified_on = :today
					WHERE status IN ('CONTRACTED', 'SHIPPED') AND overdue_notified_on IS NULL AND delivery_until < :today
					RETURNING id, buyer_id, seller_id, commodity_code, delivery_until
					""").param("today", today).query().listOfRows();
			for (Map<String, Object> row : overdue) {
				long deal = ((Number) row.get("id")).longValue();
				LocalDate until = ((Date) row.get("delivery_until")).toLocalDate();
				audit.record("trade.deal-overdue", "deal", deal, null, Map.of("deliveryUntil", until.toString()));
				String code = (String) row.get("commodity_code");
				events.publishEvent(new DeliveryOverdue(deal, (UUID) row.get("buyer_id"), (UUID) row.get("seller_id"),
						commodities.find(code).map(Commodity::names).orElse(new LocalizedText(code, code, code)), until));
			}
			return overdue.stream().map(row -> ((Number) row.get("id")).longValue()).toList();
		});
	}

}
