package org.iofs.fse.identity.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.iofs.fse.audit.AuditTrail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Once a day, deletes API tokens that expired or were revoked more than 90 days ago: they can never authenticate
 * again, and the audit trail keeps their history. Runs on one instance of several (ShedLock).
 */
@Component
public class ExpiredTokenPurge {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	ExpiredTokenPurge(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Scheduled(cron = "${fse.jobs.token-purge.cron:0 17 3 * * *}", zone = "UTC")
	@SchedulerLock(name = "identity.expired-token-purge", lockAtLeastFor = "PT5M")
	@Transactional
	public void purge() {
		List<UUID> purged = jdbc.sql("""
				DELETE FROM identity.api_token
				WHERE coalesce(revoked_at, expires_at) < now() - interval '90 days'
				RETURNING id
				""").query(UUID.class).list();
		audit.record("token.purged", "api-token", null, null, Map.of("count", purged.size(), "ids", purged));
	}

}
