package org.iofs.fse.trade;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.iofs.fse.support.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request for quotation from a verified buyer: two sellers quote, one revises once and no more, neither reads the
 * other's quote, the buyer reads both and accepts one, and the other is told it was not chosen; a quote on the
 * closed request is refused. The accepted quote is a deal, moved by each side's steps as the transition table says
 * (shipped by the seller, delivered and settled by the buyer), then rated once by each side.
 */
class RfqIT extends PlatformIT {

	static final UUID BUYER = UUID.fromString("00000000-0000-0000-0000-0000000bf001");

	static final UUID SELLER_A = UUID.fromString("00000000-0000-0000-0000-0000000af001");

	static final UUID SELLER_B = UUID.fromString("00000000-0000-0000-0000-0000000af002");

	@Test
	void quotesSideBySideForTheBuyerOnlyAndOneAccepted() {
		String buyer = company(BUYER, "t.rfq.buyer", "YEM", "RFQ-BUYER");
		String a = company(SELLER_A, "t.rfq.a", "TUR", "RFQ-SELLER-A");
		String b = company(SELLER_B, "t.rfq.b", "KAZ", "RFQ-SELLER-B");
		LocalDate today = LocalDate.now();
		HttpResponse<String> created = http.postJson("/api/v1/trade/rfqs", """
				{"buyer": "%s", "commodity": "wheat", "tonnes": 5000, "incoterm": "CFR", "incotermPlace": "Aden",
				 "destination": "YEM", "deliveryFrom": "%s", "deliveryUntil": "%s", "respondBy": "%s",
				 "invited": ["%s", "%s"]}
				""".formatted(BUYER, today.plusDays(30), today.plusDays(60), today.plusDays(10), SELLER_A, SELLER_B),
				"Authorization", buyer);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long rfq = ((Number) JsonPath.read(created.body(), "$.id")).longValue();

		long quoteA = quote(rfq, SELLER_A, a, "262.40");
		long quoteB = quote(rfq, SELLER_B, b, "255.00");
		assertThat(quote(rfq, SELLER_A, a, "249.90")).as("the one revision").isEqualTo(quoteA);
		HttpResponse<String> third = http.postJson("/api/v1/trade/rfqs/" + rfq + "/quotes", body(SELLER_A, "240"),
				"Authorization", a);
		assertThat(third.statusCode()).isEqualTo(409);
		assertThat((String) JsonPath.read(third.body(), "$.reason")).isEqualTo("ALREADY_REVISED");

		List<Integer> seenByA = JsonPath.read(http.get("/api/v1/trade/rfqs/" + rfq, "Authorization", a).body(),
				"$.quotes[*].id");
		List<Integer> seenByBuyer = JsonPath.read(http.get("/api/v1/trade/rfqs/" + rfq, "Authorization", buyer).body(),
				"$.quotes[*].id");
		assertThat(seenByA).containsExactly((int) quoteA);
		assertThat(seenByBuyer).containsExactly((int) quoteA, (int) quoteB).as("cheapest first");
		List<Integer> quotesOfA = JsonPath.read(http.get("/api/v1/trade/quotes", "Authorization", a).body(),
				"$[?(@.rfq == " + rfq + ")].id");
		List<Integer> quotesOfBuyer = JsonPath.read(http.get("/api/v1/trade/quotes", "Authorization", buyer).body(),
				"$[?(@.rfq == " + rfq + ")].id");
		assertThat(quotesOfA).as("a seller's list holds its own quote only").containsExactly((int) quoteA);
		assertThat(quotesOfBuyer).containsExactlyInAnyOrder((int) quoteA, (int) quoteB);
		assertThat(JsonPath.<List<Integer>>read(http.get("/api/v1/trade/rfqs", "Authorization", b).body(), "$[*].id"))
			.as("an invited seller lists the request").contains((int) rfq);
		assertThat(http.get("/api/v1/trade/rfqs/" + rfq, "Authorization", bearer("t.company")).statusCode())
			.as("a company the request does not reach").isEqualTo(404);

		HttpResponse<String> byA = http.postJson("/api/v1/trade/quotes/" + quoteA + "/accept", "{}", "Authorization", a);
		assertThat(byA.statusCode()).as("only the buyer accepts").isEqualTo(403);
		HttpResponse<String> shortSchedule = http.postJson("/api/v1/trade/quotes/" + quoteA + "/accept", """
				{"paymentMode": "LETTER_OF_CREDIT", "schedule": [{"tonnes": 2500, "deliverBy": "%s"},
				 {"tonnes": 2499.999, "deliverBy": "%s"}]}""".formatted(today.plusDays(40), today.plusDays(60)),
				"Authorization", buyer);
		assertThat(shortSchedule.statusCode()).as("lots must sum to the deal's tonnes").isEqualTo(400);
		assertThat(shortSchedule.body()).contains("schedule");
		assertThat(jdbc.sql("SELECT status FROM trade.quote WHERE id = :id").param("id", quoteA).query(String.class)
			.single()).as("nothing accepted").isEqualTo("QUOTED");
		HttpResponse<String> accepted = http.postJson("/api/v1/trade/quotes/" + quoteA + "/accept", """
				{"paymentMode": "LETTER_OF_CREDIT", "inspection": "SGS at loading",
				 "schedule": [{"tonnes": 2500, "deliverBy": "%s"}, {"tonnes": 2500, "deliverBy": "%s"}]}"""
			.formatted(today.plusDays(40), today.plusDays(60)), "Authorization", buyer);
		assertThat((String) JsonPath.read(accepted.body(), "$.quote.status")).isEqualTo("ACCEPTED");
		assertThat((String) JsonPath.read(accepted.body(), "$.deal.status")).isEqualTo("CONTRACTED");
		assertThat((Double) JsonPath.read(accepted.body(), "$.deal.pricePerTonne")).isEqualTo(249.90);
		long deal = ((Number) JsonPath.read(accepted.body(), "$.deal.id")).longValue();
		String path = "/api/v1/trade/deals/" + deal;
		assertThat((List<String>) JsonPath.read(http.get(path, "Authorization", buyer).body(), "$.lots[*].deliverBy"))
			.containsExactly(today.plusDays(40).toString(), today.plusDays(60).toString());
		assertThat(http.postJson(path + "/ship", "{}", "Authorization", buyer).statusCode()).as("the seller ships")
			.isEqualTo(403);
		assertThat(http.postJson(path + "/ship", "{}", "Authorization", bearer("t.analyst")).statusCode()).isEqualTo(403);
		assertThat(http.get(path, "Authorization", b).statusCode()).as("the seller not chosen").isEqualTo(404);
		for (String[] step : new String[][] { { "ship", a }, { "deliver", buyer }, { "settle", buyer } }) {
			HttpResponse<String> moved = http.postJson(path + "/" + step[0], "{\"note\": \"" + step[0] + "\"}",
					"Authorization", step[1]);
			assertThat(moved.statusCode()).as(step[0] + ": " + moved.body()).isEqualTo(200);
		}
		// Both sides hear of the settlement, once the step has committed (through the event registry).
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc
			.sql("SELECT count(*) FROM notifications.notification WHERE topic = 'trade.deal-settled' AND dedup_key = :k")
			.param("k", "deal-settled:" + deal).query(Long.class).single()).isGreaterThanOrEqualTo(2));
		HttpResponse<String> resolve = http.postJson(path + "/resolve", "{}", "Authorization", bearer("t.analyst"));
		assertThat((String) JsonPath.read(resolve.body(), "$.reason")).isEqualTo("WRONG_STATUS");
		assertThat((List<String>) JsonPath.read(http.get(path, "Authorization", bearer("t.analyst")).body(),
				"$.events[*].toStatus")).containsExactly("CONTRACTED", "SHIPPED", "DELIVERED", "SETTLED");
		assertThat(http.postJson(path + "/ratings", "{\"company\": \"" + BUYER + "\", \"stars\": 5}",
				"Authorization", buyer).statusCode()).isEqualTo(201);
		assertThat(http.postJson(path + "/ratings", "{\"company\": \"" + SELLER_A + "\", \"stars\": 4}",
				"Authorization", a).statusCode()).isEqualTo(201);
		assertThat(http.postJson(path + "/ratings", "{\"company\": \"" + BUYER + "\", \"stars\": 1}",
				"Authorization", buyer).statusCode()).as("once").isEqualTo(409);
		assertThat(jdbc.sql("SELECT status FROM trade.quote WHERE id = :id").param("id", quoteB).query(String.class)
			.single()).isEqualTo("NOT_CHOSEN");
		// The buyer's member shows its companies' deals in aggregate to everyone, the deals themselves to the
		// Secretariat only.
		String tab = http.get("/countries/YEM/trade?lang=en").body();
		assertThat(tab).contains("id=\"tab-deals\"").contains("data-status=\"SETTLED\"")
			.doesNotContain("/trade/deals/" + deal + "\"");
		org.iofs.fse.support.WebSession secretariat = new org.iofs.fse.support.WebSession(port);
		secretariat.signIn("t.analyst", org.iofs.fse.identity.TestAccounts.PASSWORD);
		assertThat(secretariat.get("/countries/YEM/trade?lang=en").body()).contains("/trade/deals/" + deal + "\"");
		HttpResponse<String> late = http.postJson("/api/v1/trade/rfqs/" + rfq + "/quotes", body(SELLER_B, "200"),
				"Authorization", b);
		assertThat((String) JsonPath.read(late.body(), "$.reason")).isEqualTo("RFQ_CLOSED");
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action = 'trade.quote-accepted' AND entity_id = :id")
			.param("id", Long.toString(quoteA)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aRequestOpenToAllReachesTheVerifiedSellersOfItsCommodityOnly() {
		String buyer = company(BUYER, "t.rfq.buyer", "YEM", "RFQ-BUYER");
		String a = company(SELLER_A, "t.rfq.a", "TUR", "RFQ-SELLER-A");
		String b = company(SELLER_B, "t.rfq.b", "KAZ", "RFQ-SELLER-B");
		http.putJson("/api/v1/trade/companies/" + SELLER_B, """
				{"legalNameEn": "Company RFQ-SELLER-B", "legalNameAr": "شركة RFQ-SELLER-B", "legalNameFr": "Société RFQ-SELLER-B",
				 "country": "KAZ", "registrationNumber": "RFQ-SELLER-B", "registry": "Registry", "commodities": ["dates"]}
				""", "Authorization", b);
		http.postJson("/api/v1/trade/companies/" + SELLER_B + "/verify", "{}", "Authorization", bearer("t.analyst"));
		LocalDate today = LocalDate.now();
		HttpResponse<String> created = http.postJson("/api/v1/trade/rfqs", """
				{"buyer": "%s", "commodity": "dates", "tonnes": 40, "incoterm": "CFR", "incotermPlace": "Aden",
				 "destination": "YEM", "deliveryFrom": "%s", "deliveryUntil": "%s", "respondBy": "%s"}
				""".formatted(BUYER, today.plusDays(30), today.plusDays(60), today.plusDays(10)), "Authorization", buyer);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long rfq = ((Number) JsonPath.read(created.body(), "$.id")).longValue();
		assertThat(http.get("/api/v1/trade/rfqs/" + rfq, "Authorization", b).statusCode()).as("a seller of dates")
			.isEqualTo(200);
		assertThat(http.postJson("/api/v1/trade/rfqs/" + rfq + "/quotes", """
				{"seller": "%s", "tonnes": 40, "pricePerTonne": 1200, "currency": "USD", "incoterm": "CFR",
				 "incotermPlace": "Aden"}
				""".formatted(SELLER_A), "Authorization", a).statusCode()).as("a seller of other things").isEqualTo(404);
	}

	private long quote(long rfq, UUID seller, String token, String price) {
		HttpResponse<String> quoted = http.postJson("/api/v1/trade/rfqs/" + rfq + "/quotes", body(seller, price),
				"Authorization", token);
		assertThat(quoted.statusCode()).as(quoted.body()).isEqualTo(201);
		return ((Number) JsonPath.read(quoted.body(), "$.id")).longValue();
	}

	private static String body(UUID seller, String price) {
		return """
				{"seller": "%s", "tonnes": 5000, "pricePerTonne": %s, "currency": "USD", "incoterm": "CFR",
				 "incotermPlace": "Aden"}
				""".formatted(seller, price);
	}

	private String company(UUID id, String user, String country, String number) {
		return new TradeFixtures(context, http).verifiedCompany(id, user, country, number);
	}

}
