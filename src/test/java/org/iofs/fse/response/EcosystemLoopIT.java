package org.iofs.fse.response;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.iofs.fse.access.Role;
import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.support.Http;
import org.iofs.fse.support.StartedPlatform;
import org.iofs.fse.support.WebSession;
import org.iofs.fse.trade.TradeFixtures;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loop on the demo data, as the platform is started for a new user: a member's prices spike, the alert drafts a
 * response proposal, the Secretariat sends it, the focal point submits the release, it is assessed and approved by
 * someone other than the sender, with a plan that ships a reserve lot and buys the rest from an IFPA offer; the hub
 * dispatches it, the member receives it, and its effect on prices is measured.
 */
class EcosystemLoopIT {

	static final UUID SELLER = UUID.fromString("00000000-0000-0000-0000-00000000100e");

	private static StartedPlatform platform;

	private static ConfigurableApplicationContext demo;

	private static Http http;

	private static JdbcClient jdbc;

	@BeforeAll
	static void startTheDemo() {
		platform = StartedPlatform.onNewFolder("fse-loop-", "--fse.demo=true", "--fse.admin-password=loop-admin-2026");
		demo = platform.context();
		http = new Http(platform.port());
		jdbc = demo.getBean(JdbcClient.class);
		new TestAccounts(demo).ensureStandardCallers();
		// The demo's own alerts are handled before the loop starts.
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
				"SELECT count(*) FROM notifications.event_publication WHERE completion_date IS NULL").query(Long.class)
			.single() == 0);
	}

	@AfterAll
	static void stopTheDemo() {
		if (platform != null) {
			platform.delete();
		}
	}

	@Test
	void aPriceSpikeEndsInADeliveredReleaseWhoseEffectIsMeasured() {
		// A member whose reserve holds a commodity in one hub only, with a route to the member: one shipment serves it.
		Map<String, Object> chosen = jdbc.sql("""
				SELECT m.country_iso3 AS country, l.commodity_code AS commodity, min(h.code) AS hub
				FROM reserves.reserve_member m
				JOIN reserves.hub h ON h.reserve_code = m.reserve_code
				JOIN reserves.lot l ON l.hub_code = h.code AND l.quality_status = 'AVAILABLE'
				JOIN reserves.lot_balance b ON b.lot_id = l.id AND b.on_hand >= 50
				JOIN allocation.route r ON r.origin_hub = h.code AND r.open AND r.transit_days <= 20
				JOIN allocation.delivery_point p ON p.code = r.to_point AND p.country_iso3 = m.country_iso3 AND p.main
				WHERE l.commodity_code IN ('wheat', 'rice', 'maize', 'sorghum') AND l.best_before > current_date + 60
				  AND EXISTS (SELECT 1 FROM prices.source_commodity s WHERE s.commodity_code = l.commodity_code)
				  AND NOT EXISTS (SELECT 1 FROM response.proposal x WHERE x.country_iso3 = m.country_iso3
				                  AND x.commodity_code = l.commodity_code)
				  AND (SELECT count(DISTINCT l2.hub_code) FROM reserves.lot l2 JOIN reserves.hub h2 ON h2.code = l2.hub_code
				       JOIN reserves.lot_balance b2 ON b2.lot_id = l2.id
				       WHERE h2.reserve_code = m.reserve_code AND l2.commodity_code = l.commodity_code AND b2.on_hand > 0) = 1
				GROUP BY 1, 2 ORDER BY 1, 2 LIMIT 1
				""").query().singleRow();
		String country = ((String) chosen.get("country")).strip();
		String commodity = (String) chosen.get("commodity");
		String hub = (String) chosen.get("hub");
		TestAccounts accounts = new TestAccounts(demo);
		accounts.ensure("t.loop.focal", Role.COUNTRY_FOCAL_POINT, country);
		accounts.ensure("t.loop.hub", Role.HUB_OPERATOR, hub);
		String analyst = bearer("t.analyst");
		long offer = ifpaOffer(country, commodity);

		spike(country, commodity, analyst);
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
				SELECT count(*) FROM response.proposal WHERE country_iso3 = :c AND commodity_code = :k AND plan_id IS NOT NULL
				""").param("c", country).param("k", commodity).query(Long.class).single() == 1);
		long id = jdbc.sql("SELECT id FROM response.proposal WHERE country_iso3 = :c AND commodity_code = :k")
			.param("c", country).param("k", commodity).query(Long.class).single();
		String drafted = http.get("/api/v1/response-proposals/" + id, "Authorization", analyst).body();
		// All the reserve holds and 200 t more: the plan ships the lots and buys the rest.
		double reserve = ((Number) JsonPath.read(drafted, "$.proposal.reserveStockT")).doubleValue();
		HttpResponse<String> revised = http.putJson("/api/v1/response-proposals/" + id,
				"{\"tonnes\": " + ((long) reserve + 200) + ", \"tier\": 3, \"needBy\": \""
						+ JsonPath.read(drafted, "$.proposal.needBy") + "\"}", "Authorization", analyst);
		assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
		String proposal = revised.body();
		long request = ((Number) JsonPath.read(proposal, "$.proposal.releaseRequestId")).longValue();
		long plan = ((Number) JsonPath.read(proposal, "$.proposal.planId")).longValue();
		String planned = http.get("/api/v1/allocation/plans/" + plan, "Authorization", analyst).body();
		assertThat((List<String>) JsonPath.read(planned, "$.lines[*].hubCode")).as("a reserve lot").isNotEmpty()
			.containsOnly(hub);
		assertThat((List<Integer>) JsonPath.read(planned, "$.purchases[*].offerId")).as("and an IFPA offer")
			.contains((int) offer);
		assertThat(JsonPath.<Double>read(proposal, "$.release.tonnes"))
			.isEqualTo(JsonPath.<Double>read(planned, "$.reserveTonnes"));

		assertThat(http.postJson("/api/v1/response-proposals/" + id + "/send", "{}", "Authorization", analyst)
			.statusCode()).isEqualTo(200);
		String focal = bearer("t.loop.focal");
		assertThat(http.postJson("/api/v1/releases/" + request + "/submit", "{}", "Authorization", focal).statusCode())
			.isEqualTo(200);
		assertThat(http.postJson("/api/v1/releases/" + request + "/assess", "{\"note\": \"Prices in crisis\"}",
				"Authorization", analyst).statusCode()).isEqualTo(200);
		assertThat(http.postJson("/api/v1/releases/" + request + "/approve", "{}", "Authorization", analyst)
			.statusCode()).as("the sender does not approve").isEqualTo(409);
		assertThat(http.postJson("/api/v1/releases/" + request + "/approve", "{}", "Authorization", bearer("t.admin"))
			.statusCode()).isEqualTo(200);
		HttpResponse<String> dispatched = http.postJson("/api/v1/releases/" + request + "/dispatch",
				"{\"hub\": \"" + hub + "\", \"mode\": \"ROAD\", \"estimatedArrival\": \"" + LocalDate.now().plusDays(10)
						+ "\"}", "Authorization", bearer("t.loop.hub"));
		assertThat(dispatched.statusCode()).as(dispatched.body()).isEqualTo(200);
		HttpResponse<String> delivered = http.postJson("/api/v1/releases/" + request + "/deliver",
				"{\"receivedTonnes\": " + JsonPath.read(proposal, "$.release.tonnes") + ", \"condition\": \"Good\"}",
				"Authorization", focal);
		assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(http.get("/api/v1/response-proposals/" + id, "Authorization", analyst).body(),
				"$.release.status")).as("the proposal's outcome").isEqualTo("DELIVERED");

		// Its effect, once three months of prices followed the delivery: the delivery is moved back four months.
		jdbc.sql("""
				UPDATE reserves.release_request SET submitted_at = now() - interval '4 months' - interval '30 days',
				    delivered_at = now() - interval '4 months' WHERE id = :id
				""").param("id", request).update();
		WebSession page = new WebSession(platform.port());
		page.signIn("t.analyst", TestAccounts.PASSWORD);
		String release = page.get("/releases/" + request + "?lang=en").body();
		assertThat(release).contains("id=\"release-effect\"").contains("in 30 days", "within 15-45 days");
		String table = release.substring(release.indexOf("id=\"effect-table\""));
		assertThat(table.substring(0, table.indexOf("</table>"))).as("the three months after delivery, measured")
			.doesNotContain("not yet").containsPattern("-?\\d+\\.\\d %");
	}

	/** A verified seller in the member itself offering 400 t delivered, with a Halal certificate recognised there. */
	private long ifpaOffer(String country, String commodity) {
		String seller = new TradeFixtures(demo, http).verifiedCompany(SELLER, "t.loop.seller", country, "LOOP-01");
		String admin = bearer("t.admin");
		http.putJson("/api/v1/trade/certifying-bodies/LOOP-HCB", """
				{"nameEn": "Loop test body", "nameAr": "جهة اختبار الحلقة", "nameFr": "Organisme test boucle", "country": "%s"}
				""".formatted(country), "Authorization", admin);
		List<String> bodies = new java.util.ArrayList<>(JsonPath.read(http.get("/api/v1/trade/recognitions/" + country)
			.body(), "$"));
		bodies.add("LOOP-HCB");
		http.putJson("/api/v1/trade/recognitions/" + country, "{\"bodies\": [\"" + String.join("\", \"", bodies) + "\"]}",
				"Authorization", admin);
		String hs = jdbc.sql("SELECT hs2022_heading FROM commodities.commodity WHERE code = :c").param("c", commodity)
			.query(String.class).single();
		LocalDate today = LocalDate.now();
		HttpResponse<String> certificate = http.postJson("/api/v1/trade/companies/" + SELLER + "/certificates", """
				{"number": "LOOP-%s", "holder": "Seller", "body": "LOOP-HCB", "accreditationBody": "Loop",
				 "accreditationNumber": "1", "standard": "OIC/SMIIC 1", "scopeHs": ["%s"], "issuedOn": "%s", "expiresOn": "%s"}
				""".formatted(System.nanoTime(), hs, today.minusMonths(1), today.plusYears(1)), "Authorization", seller);
		assertThat(certificate.statusCode()).as(certificate.body()).isEqualTo(201);
		HttpResponse<String> drafted = http.postJson("/api/v1/trade/offers", """
				{"side": "SELL", "commodity": "%s", "quantityTonnes": 400, "minOrderTonnes": 10, "pricePerTonne": 300,
				 "currency": "USD", "incoterm": "DAP", "incotermPlace": "Capital", "origin": "%s",
				 "deliveryFrom": "%s", "deliveryUntil": "%s", "certificate": %s}
				""".formatted(commodity, country, today.plusDays(2), today.plusDays(60),
				JsonPath.read(certificate.body(), "$.id")), "Authorization", seller);
		assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
		long offer = ((Number) JsonPath.read(drafted.body(), "$.id")).longValue();
		assertThat(http.postJson("/api/v1/trade/offers/" + offer + "/publish", "{}", "Authorization", seller).statusCode())
			.isEqualTo(200);
		return offer;
	}

	/** Five years of the commodity in a new market of the member, the current month far above the trend. */
	private void spike(String country, String commodity, String analyst) {
		String source = jdbc.sql("""
				SELECT name FROM prices.source_commodity WHERE commodity_code = :c ORDER BY id LIMIT 1
				""").param("c", commodity).query(String.class).single();
		StringBuilder file = new StringBuilder("date,admin1,admin2,market,latitude,longitude,category,commodity,unit,"
				+ "priceflag,pricetype,currency,price,usdprice\n");
		YearMonth last = YearMonth.now();
		for (int i = 0; i < 60; i++) {
			double price = 30 + 0.1 * i + 2 * Math.sin(i * Math.PI / 6) + (i % 7) * 0.05 + (i == 59 ? 15 : 0);
			file.append(last.minusMonths(59 - i).atDay(15)).append(",Region,District,Loop market,10.0,10.0,")
				.append("cereals and tubers,").append(source).append(",KG,actual,Retail,USD,")
				.append(String.format(Locale.ROOT, "%.2f", price)).append(",\n");
		}
		HttpResponse<String> imported = http.postFile("/api/v1/imports/wfp-prices?country=" + country, "spike.csv",
				file.toString().getBytes(StandardCharsets.UTF_8), "Authorization", analyst);
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
	}

	private static String bearer(String user) {
		return "Bearer " + TestAccounts.token(http, user);
	}

}
