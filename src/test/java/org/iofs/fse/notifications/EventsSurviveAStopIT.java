package org.iofs.fse.notifications;

import java.time.Duration;
import java.time.YearMonth;
import java.util.concurrent.CountDownLatch;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.prices.PriceAlertRaised;
import org.iofs.fse.support.StartedPlatform;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform stops between an event's commit and its handling: a price alert is committed while the listeners'
 * only thread is busy, and the platform is shut down before they run. At the next start, on the same data folder, the
 * event registry hands the alert to its listeners: the analysts are told and a response proposal is drafted.
 */
class EventsSurviveAStopIT {

	private StartedPlatform platform;

	@AfterEach
	void cleanUp() {
		if (platform != null) {
			platform.delete();
		}
	}

	@Test
	void anAlertCommittedButNotHandledBeforeAStopIsHandledAfterTheRestart() {
		// One listener thread, kept busy: the alert's listeners wait in the queue when the platform stops.
		platform = StartedPlatform.onNewFolder("fse-restart-", "--fse.demo=false", "--fse.admin-password=restart-admin-2026",
				"--spring.threads.virtual.enabled=false", "--spring.task.execution.pool.core-size=1",
				"--spring.task.execution.pool.max-size=1");
		ConfigurableApplicationContext running = platform.context();
		new TestAccounts(running).ensureStandardCallers();
		CountDownLatch never = new CountDownLatch(1);
		running.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class).execute(() -> {
			try {
				never.await();
			}
			catch (InterruptedException stopped) {
				Thread.currentThread().interrupt();
			}
		});
		PriceAlertRaised alert = new PriceAlertRaised("NER", "millet", YearMonth.now(), "ALPS", "CRISIS", 1);
		running.getBean(TransactionTemplate.class).executeWithoutResult(status -> running.publishEvent(alert));
		JdbcClient before = running.getBean(JdbcClient.class);
		assertThat(before.sql("""
				SELECT count(*) FROM notifications.event_publication
				WHERE event_type LIKE '%PriceAlertRaised' AND serialized_event LIKE '%millet%' AND completion_date IS NULL
				""").query(Long.class).single()).as("committed, not handled").isEqualTo(2);
		platform.close();

		platform = StartedPlatform.on(platform.folder(), "--fse.demo=false", "--fse.admin-password=restart-admin-2026");
		JdbcClient after = platform.context().getBean(JdbcClient.class);
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> after.sql("""
				SELECT count(*) FROM notifications.event_publication
				WHERE event_type LIKE '%PriceAlertRaised' AND completion_date IS NULL
				""").query(Long.class).single() == 0);
		assertThat(after.sql("""
				SELECT count(*) FROM notifications.notification n JOIN identity.account a ON a.id = n.account_id
				WHERE a.username = 't.analyst' AND n.dedup_key LIKE 'price-alert:NER:millet:%'
				""").query(Long.class).single()).as("the analyst was told").isEqualTo(1);
		assertThat(after.sql("SELECT count(*) FROM response.proposal WHERE country_iso3 = 'NER' AND commodity_code = 'millet'")
			.query(Long.class).single()).as("the proposal was drafted").isEqualTo(1);
	}

}
