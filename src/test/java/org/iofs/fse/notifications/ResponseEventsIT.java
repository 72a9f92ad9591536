package org.iofs.fse.notifications;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.support.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * News that calls for a response travels between modules as events, delivered once the change has committed: a
 * price spike in a member reaches the Secretariat's analysts and that member's focal points (not another member's);
 * a release delivered does too.
 */
class ResponseEventsIT extends PlatformIT {

	TestAccounts accounts;

	@BeforeEach
	void people() {
		accounts = new TestAccounts(context).ensureStandardCallers();
	}

	@Test
	void aPriceSpikeReachesTheAnalystsAndTheMembersFocalPointsOnly() {
		UUID focalPakistan = id("t.focal.pak");
		UUID focalYemen = id("t.focal.yem");
		UUID analyst = id("t.analyst");
		// Five years of rice in a Pakistani market ending this month, the last month far above the trend (news: alerts are raised for the current month and the one before).
		StringBuilder file = new StringBuilder("date,admin1,admin2,market,latitude,longitude,category,commodity,unit,priceflag,pricetype,currency,price,usdprice\n");
		YearMonth last = YearMonth.now();
		for (int i = 0; i < 60; i++) {
			YearMonth month = last.minusMonths(59 - i);
			double price = 30 + 0.1 * i + 2 * Math.sin(i * Math.PI / 6) + (i % 7) * 0.05 + (i == 59 ? 15 : 0);
			file.append(month.atDay(15)).append(",Sindh,Hyderabad,Response market,25.39,68.37,cereals and tubers,")
				.append("Rice (basmati),KG,actual,Retail,PKR,").append(String.format(java.util.Locale.ROOT, "%.2f", price))
				.append(",\n");
		}
		HttpResponse<String> imported = http.postFile("/api/v1/imports/wfp-prices?country=PAK", "pak-spike.csv",
				file.toString().getBytes(StandardCharsets.UTF_8), "Authorization", bearer("t.analyst"));
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		assertThat(jdbc.sql("""
				SELECT string_agg(a.indicator || ' ' || a.band || ' ' || a.month, ', ') FROM prices.alert a
				JOIN prices.market m ON m.id = a.market_id WHERE m.name = 'Response market'
				""").query(String.class).single()).as("the spike raised alerts").isNotNull().contains("CRISIS");
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(notices("prices.alert-raised", "price-alert:PAK:rice:%", analyst)).isPositive();
			assertThat(notices("prices.alert-raised", "price-alert:PAK:rice:%", focalPakistan)).isPositive();
		});
		assertThat(notices("prices.alert-raised", "price-alert:PAK:rice:%", focalYemen)).as("not another member's")
			.isZero();
	}

	@Test
	void aDeliveredReleaseReachesTheAnalysts() {
		jdbc.sql("""
				INSERT INTO reserves.reserve (code, name_en, name_ar, name_fr) VALUES ('EVENT-RESERVE', 'Event reserve',
				    'احتياطي الحدث', 'Réserve événement') ON CONFLICT DO NOTHING
				""").update();
		long release = jdbc.sql("""
				INSERT INTO reserves.release_request (country_iso3, reserve_code, commodity_code, tonnes, delivery_point,
				    need_by, tier, justification, status, requested_by, submitted_at, approved_at)
				VALUES ('PAK', 'EVENT-RESERVE', 'wheat', 40, 'Karachi', CURRENT_DATE + 20, 3, 'Event test', 'DISPATCHED',
				    't.focal.pak', now() - interval '20 days', now() - interval '10 days')
				RETURNING id
				""").query(Long.class).single();
		HttpResponse<String> delivered = http.postJson("/api/v1/releases/" + release + "/deliver",
				"{\"receivedTonnes\": 40, \"condition\": \"Good\"}", "Authorization", bearer("t.focal.pak"));
		assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				notices("reserves.release-delivered", "release-delivered:" + release, id("t.analyst")))
			.isEqualTo(1));
	}

	private UUID id(String username) {
		return jdbc.sql("SELECT id FROM identity.account WHERE username = :u").param("u", username).query(UUID.class)
			.single();
	}

	private long notices(String topic, String key, UUID account) {
		return jdbc.sql("""
				SELECT count(*) FROM notifications.notification WHERE topic = :topic AND dedup_key LIKE :key
				  AND account_id = :account
				""").param("topic", topic).param("key", key).param("account", account).query(Long.class).single();
	}

}
