package org.iofs.fse.prices.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start, compares the configured indicator settings with those the stored indicator months were computed
 * with, and recomputes every series when they differ (a changed gamma, or deflated instead of nominal prices).
 */
@Component
class IndicatorSettingsCheck {

	private static final Logger log = LoggerFactory.getLogger(IndicatorSettingsCheck.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final IndicatorSettings settings;

	private final SeriesIndicators indicators;

	IndicatorSettingsCheck(JdbcClient jdbc, TransactionTemplate transaction, IndicatorSettings settings,
			SeriesIndicators indicators) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.settings = settings;
		this.indicators = indicators;
	}

	@EventListener
	@Order(0)
	void onReady(ApplicationReadyEvent event) {
		transaction.executeWithoutResult(status -> {
			// Instances starting together take turns; the second finds the work done.
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('prices.indicator_settings'))").query().singleRow();
			String stored = jdbc.sql("SELECT fingerprint FROM prices.indicator_settings WHERE id = 1")
				.query(String.class)
				.optional()
				.orElse(null);
			if (settings.fingerprint().equals(stored)) {
				return;
			}
			List<Long> series = jdbc.sql("SELECT id FROM prices.series").query(Long.class).list();
			indicators.recompute(series);
			jdbc.sql("""
					INSERT INTO prices.indicator_settings (id, fingerprint) VALUES (1, :f)
					ON CONFLICT (id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, computed_at = now()
					""").param("f", settings.fingerprint()).update();
			if (!series.isEmpty()) {
				log.info("Price indicator settings changed ({}): {} series recomputed", settings.fingerprint(),
						series.size());
			}
		});
	}

}
