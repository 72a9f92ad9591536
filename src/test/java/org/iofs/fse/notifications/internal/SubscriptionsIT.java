package org.iofs.fse.notifications.internal;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.prices.PriceAlertRaised;
import org.iofs.fse.reserves.ReleaseStepTaken;
import org.iofs.fse.support.PlatformIT;
import org.iofs.fse.support.TestMailServer;

import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * People subscribe to news by kind, member state and commodity, at once or in a daily digest: a subscriber hears of
 * what matches and nothing else, the digest holds the e-mail until it goes out in one message, and a subscription
 * never reaches someone whose role would not show them the news.
 */
class SubscriptionsIT extends PlatformIT {

	/** Addresses of this run only, as the test mail server keeps what other tests sent. */
	final String run = Long.toString(System.nanoTime());

	@BeforeEach
	void people() {
		new TestAccounts(context).ensureStandardCallers();
		jdbc.sql("DELETE FROM notifications.subscription").update();
		for (String user : List.of("t.company", "t.financier", "t.focal.pak")) {
			jdbc.sql("UPDATE identity.account SET email = :email, language = 'en' WHERE username = :user")
				.param("email", user + "." + run + "@example.org").param("user", user).update();
		}
	}

	@Test
	void aSubscriberHearsOfWhatMatchesAtOnceOrInTheDailyDigest() throws Exception {
		String company = bearer("t.company");
		String financier = bearer("t.financier");
		assertThat(subscribe(company, "PRICE_ALERTS", "BFA", "millet", "IMMEDIATE").statusCode()).isEqualTo(201);
		assertThat(subscribe(company, "PRICE_ALERTS", "BFA", "millet", "DAILY_DIGEST").statusCode())
			.as("one subscription per kind, member and commodity").isEqualTo(409);
		assertThat(subscribe(financier, "PRICE_ALERTS", null, null, "DAILY_DIGEST").statusCode()).isEqualTo(201);
		assertThat(subscribe(bearer("t.focal.pak"), "PRICE_ALERTS", "PAK", null, "IMMEDIATE").statusCode()).isEqualTo(201);

		YearMonth month = YearMonth.now();
		publish(new PriceAlertRaised("BFA", "millet", month, "ALPS", "CRISIS", 3));
		String key = "price-alert:BFA:millet:" + month + ":ALPS";
		await().atMost(Duration.ofSeconds(20)).until(() -> status("t.company", key) != null && status("t.financier", key) != null);
		assertThat(status("t.company", key)).as("at once").isIn("PENDING", "SENDING", "SENT");
		assertThat(status("t.financier", key)).as("held for the digest").isEqualTo("DIGEST");
		assertThat(status("t.focal.pak", key)).as("another member's news").isNull();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> !TestMailServer.receivedBy("t.company." + run + "@example.org").isEmpty());
		assertThat(TestMailServer.receivedBy("t.financier." + run + "@example.org")).isEmpty();

		assertThat(context.getBean(DailyDigest.class).send()).isPositive();
		List<MimeMessage> digest = TestMailServer.receivedBy("t.financier." + run + "@example.org");
		assertThat(digest).hasSize(1);
		assertThat(digest.get(0).getSubject()).startsWith("Your daily digest:");
		assertThat(digest.get(0).getContent().toString()).contains("Burkina Faso").contains("/countries/BFA?tab=prices");
		assertThat(status("t.financier", key)).isEqualTo("SENT");
		context.getBean(DailyDigest.class).send();
		assertThat(TestMailServer.receivedBy("t.financier." + run + "@example.org")).as("sent once").hasSize(1);

		List<Integer> ids = JsonPath.read(http.get("/api/v1/notifications/subscriptions", "Authorization", company)
			.body(), "$[*].id");
		assertThat(http.send("DELETE", "/api/v1/notifications/subscriptions/" + ids.get(0), "Authorization", financier)
			.statusCode()).as("another person's subscription").isEqualTo(404);
		assertThat(http.send("DELETE", "/api/v1/notifications/subscriptions/" + ids.get(0), "Authorization", company)
			.statusCode()).isEqualTo(200);
	}

	@Test
	void noSubscriptionReachesSomeoneWhoseRoleWouldNotShowTheNews() {
		String company = bearer("t.company");
		HttpResponse<String> refused = subscribe(company, "NEAR_EXPIRY", null, null, "IMMEDIATE");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(refused.body(), "$.field")).isEqualTo("kind");
		assertThat((String) JsonPath.read(subscribe(bearer("t.focal.pak"), "RELEASE_STEPS", null, null, "IMMEDIATE")
			.body(), "$.field")).as("a focal point names their member").isEqualTo("kind");
		assertThat(subscribe(bearer("t.focal.pak"), "RELEASE_STEPS", "PAK", null, "IMMEDIATE").statusCode()).isEqualTo(201);
		assertThat(subscribe(bearer("t.focal.pak"), "RELEASE_STEPS", "YEM", null, "IMMEDIATE").statusCode())
			.as("another member's releases").isEqualTo(400);
		// A subscription written before the company lost a role it had: it still hears nothing it may not read.
		jdbc.sql("""
				INSERT INTO notifications.subscription (account_id, kind, country_iso3, delivery, created_at)
				SELECT id, 'RELEASE_STEPS', 'PAK', 'IMMEDIATE', now() FROM identity.account WHERE username = 't.company'
				""").update();

		long release = 900_000_000L + System.nanoTime() % 1_000_000;
		publish(new ReleaseStepTaken(release, "PAK", "wheat", "SUBMITTED", "ASSESSED"));
		String key = "release-step:" + release + ":ASSESSED";
		await().atMost(Duration.ofSeconds(20)).until(() -> status("t.focal.pak", key) != null);
		assertThat(status("t.company", key)).isNull();
		assertThat(JsonPath.<List<String>>read(http.get("/api/v1/notifications?lang=fr", "Authorization",
				bearer("t.focal.pak")).body(), "$.items[*].subject"))
			.contains("Demande de déblocage " + release + " de Blé pour Pakistan : Évaluée");
	}

	private HttpResponse<String> subscribe(String token, String kind, String country, String commodity,
			String delivery) {
		return http.postJson("/api/v1/notifications/subscriptions", """
				{"kind": "%s", "country": %s, "commodity": %s, "delivery": "%s"}
				""".formatted(kind, country == null ? "null" : "\"" + country + "\"",
				commodity == null ? "null" : "\"" + commodity + "\"", delivery), "Authorization", token);
	}

	private void publish(Object event) {
		context.getBean(TransactionTemplate.class).executeWithoutResult(status -> context.publishEvent(event));
	}

	private String status(String user, String key) {
		return jdbc.sql("""
				SELECT n.email_status FROM notifications.notification n JOIN identity.account a ON a.id = n.account_id
				WHERE a.username = :user AND n.dedup_key = :key
				""").param("user", user).param("key", key).query(String.class).optional().orElse(null);
	}

}
