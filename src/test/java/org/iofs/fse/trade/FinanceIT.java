package org.iofs.fse.trade;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.support.PlatformIT;
import org.iofs.fse.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A deal financed the Shariah-compliant way: the buyer asks a financial institution for a murabaha, whose schedule
 * sums to cost plus mark-up to the cent; only the financier's staff approve (with the final mark-up), sign and
 * follow it through ITFC's two-step states, the buyer confirms delivery; nobody else reads it; bad requests are
 * named; a salam is paid in full on its signing date; the term sheet reads in Arabic.
 */
class FinanceIT extends PlatformIT {

	static final UUID BUYER = UUID.fromString("00000000-0000-0000-0000-0000000bf301");

	static final UUID SELLER = UUID.fromString("00000000-0000-0000-0000-0000000af301");

	@Test
	void aMurabahaFromRequestToGuaranteeReleased() {
		TradeFixtures fixtures = new TradeFixtures(context, http);
		String buyer = fixtures.verifiedCompany(BUYER, "t.fin.buyer", "BGD", "FIN-BUYER");
		String seller = fixtures.verifiedCompany(SELLER, "t.fin.seller", "PAK", "FIN-SELLER");
		String financier = bearer("t.financier");
		long deal = deal(buyer, seller, "1200", "251.37");
		LocalDate first = LocalDate.now().plusMonths(2);

		HttpResponse<String> unknownMode = request(buyer, deal, TestAccounts.FINANCIER, "TAWARRUQ", "{}");
		assertThat(unknownMode.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(unknownMode.body(), "$.field")).isEqualTo("mode");
		HttpResponse<String> notAFinancier = request(buyer, deal, SELLER, "MURABAHA", murabaha("3.75", 6, first));
		assertThat((String) JsonPath.read(notAFinancier.body(), "$.field")).isEqualTo("financier");
		HttpResponse<String> bySeller = request(seller, deal, TestAccounts.FINANCIER, "MURABAHA",
				murabaha("3.75", 6, first));
		assertThat(bySeller.statusCode()).as("only the buyer asks").isEqualTo(404);

		HttpResponse<String> created = request(buyer, deal, TestAccounts.FINANCIER, "MURABAHA",
				murabaha("3.75", 6, first));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = ((Number) JsonPath.read(created.body(), "$.id")).longValue();
		assertThat(new BigDecimal(JsonPath.read(created.body(), "$.cost").toString())).isEqualByComparingTo("301644.00");
		assertThat(new BigDecimal(JsonPath.read(created.body(), "$.markup").toString())).isEqualByComparingTo("11311.65");
		assertThat(new BigDecimal(JsonPath.read(created.body(), "$.price").toString())).isEqualByComparingTo("312955.65");
		assertThat(scheduleSum(buyer, id)).isEqualByComparingTo("312955.65");
		assertThat(request(buyer, deal, TestAccounts.FINANCIER, "MURABAHA", murabaha("3", 6, first)).statusCode())
			.as("one live request per deal").isEqualTo(409);

		String path = "/api/v1/trade/finance-requests/" + id;
		assertThat(http.get(path, "Authorization", seller).statusCode()).as("the supplier").isEqualTo(404);
		assertThat(http.get(path, "Authorization", bearer("t.company")).statusCode()).isEqualTo(404);
		assertThat(http.get(path, "Authorization", financier).statusCode()).isEqualTo(200);
		assertThat(http.get(path, "Authorization", bearer("t.analyst")).statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
				SELECT count(*) FROM notifications.notification n JOIN identity.account a ON a.id = n.account_id
				WHERE a.username = 't.financier' AND n.dedup_key = :key
				""").param("key", "finance-requested:" + id).query(Long.class).single() == 1);

		assertThat(http.postJson(path + "/approve", "{}", "Authorization", buyer).statusCode())
			.as("the buyer does not approve its own finance").isEqualTo(403);
		HttpResponse<String> approved = http.postJson(path + "/approve",
				"{\"terms\": " + murabaha("4", 12, first) + "}", "Authorization", financier);
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		assertThat(new BigDecimal(JsonPath.read(approved.body(), "$.price").toString()))
			.as("the financier's final mark-up").isEqualByComparingTo("313709.76");
		assertThat(scheduleSum(financier, id)).isEqualByComparingTo("313709.76");
		List<String> dues = JsonPath.read(http.get(path, "Authorization", financier).body(), "$.schedule[*].dueOn");
		assertThat(dues).hasSize(12).isSorted();

		HttpResponse<String> early = http.postJson(path + "/confirm-delivery", "{}", "Authorization", buyer);
		assertThat((String) JsonPath.read(early.body(), "$.reason")).isEqualTo("WRONG_STATUS");
		HttpResponse<String> unsigned = http.postJson(path + "/sign", "{}", "Authorization", financier);
		assertThat(unsigned.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(unsigned.body(), "$.field")).isEqualTo("contractNumber");
		step(path, "sign", "{\"contractNumber\": \"ITFC-MRB-2026-0042\", \"shariahReference\": \"SSB 2026/17\"}",
				financier);
		step(path, "issue-guarantee", "{\"guarantee\": \"Bank guarantee of Sonali Bank\"}", financier);
		step(path, "pay-supplier", "{}", financier);
		step(path, "confirm-delivery", "{}", buyer);
		step(path, "start-repaying", "{}", financier);
		step(path, "mark-repaid", "{}", financier);
		step(path, "release-guarantee", "{}", financier);
		assertThat(JsonPath.<List<String>>read(http.get(path, "Authorization", buyer).body(), "$.events[*].toStatus"))
			.containsExactly("REQUESTED", "APPROVED", "AGREEMENT_SIGNED", "GUARANTEE_ISSUED", "SUPPLIER_PAID",
					"GOODS_DELIVERED", "REPAYING", "REPAID", "GUARANTEE_RELEASED");
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE entity_type = 'finance-request' AND entity_id = :id")
			.param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(9);

		WebSession page = new WebSession(port);
		page.signIn("t.fin.buyer", TestAccounts.PASSWORD);
		String sheet = page.get("/trade/finance/" + id + "?lang=ar").body();
		assertThat(sheet).contains("مرابحة").contains("ITFC-MRB-2026-0042").contains("لا يتضاعف القسط المتأخر");
	}

	@Test
	void aSalamIsPaidInFullOnItsSigningDate() {
		TradeFixtures fixtures = new TradeFixtures(context, http);
		String buyer = fixtures.verifiedCompany(BUYER, "t.fin.buyer", "BGD", "FIN-BUYER");
		String seller = fixtures.verifiedCompany(SELLER, "t.fin.seller", "PAK", "FIN-SELLER");
		String financier = bearer("t.financier");
		long deal = deal(buyer, seller, "500.5", "300");
		HttpResponse<String> created = request(buyer, deal, TestAccounts.FINANCIER, "SALAM", "{\"deliveries\": 3}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = ((Number) JsonPath.read(created.body(), "$.id")).longValue();
		String path = "/api/v1/trade/finance-requests/" + id;
		step(path, "approve", "{}", financier);
		step(path, "sign", "{\"contractNumber\": \"SLM-7\", \"shariahReference\": \"SSB 2026/18\"}", financier);
		String view = http.get(path, "Authorization", buyer).body();
		assertThat(JsonPath.<List<String>>read(view, "$.schedule[*].kind")).containsExactly("PRICE", "DELIVERY",
				"DELIVERY", "DELIVERY");
		assertThat((String) JsonPath.read(view, "$.schedule[0].dueOn")).isEqualTo(LocalDate.now().toString());
		assertThat(new BigDecimal(JsonPath.read(view, "$.schedule[0].amount").toString())).isEqualByComparingTo("150150.00");
		List<Number> tonnes = JsonPath.read(view, "$.schedule[1:].tonnes");
		assertThat(tonnes.stream().map(t -> new BigDecimal(t.toString())).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo("500.5");
	}

	private BigDecimal scheduleSum(String token, long id) {
		List<Number> amounts = JsonPath.read(http.get("/api/v1/trade/finance-requests/" + id, "Authorization", token)
			.body(), "$.schedule[*].amount");
		return amounts.stream().map(a -> new BigDecimal(a.toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private void step(String path, String action, String body, String token) {
		HttpResponse<String> moved = http.postJson(path + "/" + action, body, "Authorization", token);
		assertThat(moved.statusCode()).as(action + ": " + moved.body()).isEqualTo(200);
	}

	private static String murabaha(String percent, int instalments, LocalDate first) {
		return """
				{"markupPercent": %s, "instalments": %d, "firstDueOn": "%s", "intervalMonths": 1}
				""".formatted(percent, instalments, first);
	}

	private HttpResponse<String> request(String token, long deal, UUID financier, String mode, String terms) {
		return http.postJson("/api/v1/trade/finance-requests", """
				{"deal": %d, "financier": "%s", "mode": "%s", "terms": %s}
				""".formatted(deal, financier, mode, terms), "Authorization", token);
	}

	/** A contracted deal between the two companies, through a request for quotation and its accepted quote. */
	private long deal(String buyer, String seller, String tonnes, String price) {
		LocalDate today = LocalDate.now();
		HttpResponse<String> rfq = http.postJson("/api/v1/trade/rfqs", """
				{"buyer": "%s", "commodity": "rice", "tonnes": %s, "incoterm": "CFR", "incotermPlace": "Chittagong",
				 "destination": "BGD", "deliveryFrom": "%s", "deliveryUntil": "%s", "respondBy": "%s", "invited": ["%s"]}
				""".formatted(BUYER, tonnes, today.plusDays(20), today.plusDays(50), today.plusDays(5), SELLER),
				"Authorization", buyer);
		long rfqId = ((Number) JsonPath.read(rfq.body(), "$.id")).longValue();
		HttpResponse<String> quote = http.postJson("/api/v1/trade/rfqs/" + rfqId + "/quotes", """
				{"seller": "%s", "tonnes": %s, "pricePerTonne": %s, "currency": "USD", "incoterm": "CFR",
				 "incotermPlace": "Chittagong"}
				""".formatted(SELLER, tonnes, price), "Authorization", seller);
		long quoteId = ((Number) JsonPath.read(quote.body(), "$.id")).longValue();
		HttpResponse<String> accepted = http.postJson("/api/v1/trade/quotes/" + quoteId + "/accept",
				"{\"paymentMode\": \"ISLAMIC_FINANCE\"}", "Authorization", buyer);
		return ((Number) JsonPath.read(accepted.body(), "$.deal.id")).longValue();
	}

}
