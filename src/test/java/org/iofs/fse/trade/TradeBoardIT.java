package org.iofs.fse.trade;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.access.Role;
import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.organisations.NewOrganisation;
import org.iofs.fse.organisations.OrganisationType;
import org.iofs.fse.organisations.Organisations;
import org.iofs.fse.support.PlatformIT;
import org.iofs.fse.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IFPA board: a company applies, is seen only by itself and the Secretariat until verified, publishes only once
 * verified; bad offers are refused naming the field with nothing stored; and fifty buyers taking the same offer at
 * the same moment never take more tonnes than it holds.
 */
class TradeBoardIT extends PlatformIT {

	static final UUID SELLER = TestAccounts.COMPANY;

	static final UUID BUYER = UUID.fromString("00000000-0000-0000-0000-0000000b0b0b");

	private String seller;

	private String buyer;

	@BeforeEach
	void companies() {
		context.getBean(Organisations.class).ensure(BUYER, new NewOrganisation(OrganisationType.COMPANY, "SEN",
				"Test Buyers", "المشترون للاختبار", "Acheteurs test"));
		new TestAccounts(context).ensure("t.buyer", Role.COMPANY_MEMBER, BUYER.toString());
		seller = bearer("t.company");
		buyer = bearer("t.buyer");
	}

	@Test
	void aCompanyIsVerifiedBeforeItPublishesAndIsHiddenUntilThen() {
		HttpResponse<String> applied = apply(SELLER, seller, "MYS", "MY-TEST-001");
		assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
		jdbc.sql("UPDATE trade.company SET kyc_status = 'APPLIED', verified_on = NULL WHERE organisation_id = :id")
			.param("id", SELLER).update();

		assertThat(http.get("/api/v1/trade/companies/" + SELLER).statusCode()).isEqualTo(404);
		assertThat(http.get("/api/v1/trade/companies/" + SELLER, "Authorization", buyer).statusCode()).isEqualTo(404);
		assertThat(http.get("/api/v1/trade/companies/" + SELLER, "Authorization", seller).statusCode()).isEqualTo(200);
		assertThat(http.get("/api/v1/trade/companies/" + SELLER, "Authorization", bearer("t.analyst")).statusCode())
			.isEqualTo(200);

		long offer = draft(seller, "100", "1");
		HttpResponse<String> early = http.postJson("/api/v1/trade/offers/" + offer + "/publish", "{}", "Authorization",
				seller);
		assertThat(early.statusCode()).isEqualTo(409);
		assertThat((String) JsonPath.read(early.body(), "$.reason")).isEqualTo("COMPANY_NOT_VERIFIED");

		assertThat(http.postJson("/api/v1/trade/companies/" + SELLER + "/refuse", "{}", "Authorization",
				bearer("t.analyst")).statusCode()).as("a refusal needs its note").isEqualTo(400);
		HttpResponse<String> verified = http.postJson("/api/v1/trade/companies/" + SELLER + "/verify", "{}",
				"Authorization", bearer("t.analyst"));
		assertThat((String) JsonPath.read(verified.body(), "$.kycStatus")).isEqualTo("VERIFIED");
		assertThat((String) JsonPath.read(verified.body(), "$.verifiedOn")).isEqualTo(LocalDate.now().toString());
		assertThat(http.get("/api/v1/trade/companies/" + SELLER).statusCode()).isEqualTo(200);
		assertThat(http.postJson("/api/v1/trade/offers/" + offer + "/publish", "{}", "Authorization", seller).statusCode())
			.isEqualTo(200);
		List<Integer> board = JsonPath.read(http.get("/api/v1/trade/offers?side=SELL&commodity=wheat&size=200").body(),
				"$.items[*].id");
		assertThat(board).contains((int) offer);
		String nothing = http.get("/api/v1/trade/offers?q=zzyzxnothingmatches").body();
		assertThat((Integer) JsonPath.read(nothing, "$.totalItems")).isZero();
		assertThat((List<?>) JsonPath.read(nothing, "$.items")).isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action = 'trade.company-verified' "
				+ "AND entity_id = :id").param("id", SELLER.toString()).query(Long.class).single()).isPositive();
	}

	@Test
	void badOffersAreRefusedNamingTheFieldAndNothingIsStored() {
		apply(SELLER, seller, "MYS", "MY-TEST-001");
		long before = jdbc.sql("SELECT count(*) FROM trade.offer").query(Long.class).single();
		String today = LocalDate.now().toString();
		String later = LocalDate.now().plusMonths(2).toString();
		List<String[]> cases = List.of(
				new String[] { "quantityTonnes", offerBody("0", "1", "250", "USD", "FOB", today, later) },
				new String[] { "pricePerTonne", offerBody("10", "1", "-5", "USD", "FOB", today, later) },
				new String[] { "currency", offerBody("10", "1", "250", "XYZ", "FOB", today, later) },
				new String[] { "incoterm", offerBody("10", "1", "250", "USD", "FOB2", today, later) },
				new String[] { "minOrderTonnes", offerBody("10", "20", "250", "USD", "FOB", today, later) },
				new String[] { "deliveryUntil", offerBody("10", "1", "250", "USD", "FOB", "2020-01-01", "2020-02-01") },
				new String[] { "quantityTonnes", offerBody("1.0001", "1", "250", "USD", "FOB", today, later) });
		for (String[] bad : cases) {
			HttpResponse<String> refused = http.postJson("/api/v1/trade/offers", bad[1], "Authorization", seller);
			assertThat(refused.statusCode()).as(bad[0] + ": " + refused.body()).isEqualTo(400);
			assertThat((String) JsonPath.read(refused.body(), "$.field")).isEqualTo(bad[0]);
		}
		assertThat(jdbc.sql("SELECT count(*) FROM trade.offer").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void fiftyBuyersTakingTheSameOfferNeverTakeMoreThanItHolds() throws Exception {
		verified(SELLER, seller, "MYS", "MY-TEST-001");
		verified(BUYER, buyer, "SEN", "SN-TEST-002");
		long offer = draft(seller, "100", "1");
		http.postJson("/api/v1/trade/offers/" + offer + "/publish", "{}", "Authorization", seller);
		assertThat(http.postJson("/api/v1/trade/offers/" + offer + "/takes", "{\"tonnes\": 5}", "Authorization", seller)
			.statusCode()).as("a company does not take its own offer").isEqualTo(400);

		int takers = 50;
		ExecutorService pool = Executors.newFixedThreadPool(takers);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		for (int i = 0; i < takers; i++) {
			answers.add(pool.submit(() -> {
				start.await();
				return http.postJson("/api/v1/trade/offers/" + offer + "/takes", "{\"tonnes\": 3}", "Authorization", buyer);
			}));
		}
		start.countDown();
		int taken = 0;
		for (Future<HttpResponse<String>> answer : answers) {
			HttpResponse<String> response = answer.get();
			if (response.statusCode() == 201) {
				taken++;
			}
			else {
				assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
				assertThat((String) JsonPath.read(response.body(), "$.reason")).isEqualTo("INSUFFICIENT_TONNES");
			}
		}
		pool.shutdown();

		assertThat(taken).isEqualTo(33);
		BigDecimal open = jdbc.sql("SELECT open_tonnes FROM trade.offer WHERE id = :id").param("id", offer)
			.query(BigDecimal.class).single();
		BigDecimal sum = jdbc.sql("SELECT sum(tonnes) FROM trade.offer_take WHERE offer_id = :id").param("id", offer)
			.query(BigDecimal.class).single();
		assertThat(open).isEqualByComparingTo("1");
		assertThat(sum).isEqualByComparingTo("99");
		HttpResponse<String> last = http.postJson("/api/v1/trade/offers/" + offer + "/takes", "{\"tonnes\": 1}",
				"Authorization", buyer);
		assertThat(last.statusCode()).isEqualTo(201);
		assertThat((String) JsonPath.read(last.body(), "$.offerStatus")).isEqualTo("TAKEN");
	}

	@Test
	void theBoardPagesInArabicAndATakeFromTheOfferPage() {
		verified(SELLER, seller, "MYS", "MY-TEST-001");
		verified(BUYER, buyer, "SEN", "SN-TEST-002");
		long offer = draft(seller, "40", "10");
		http.postJson("/api/v1/trade/offers/" + offer + "/publish", "{}", "Authorization", seller);

		String board = http.get("/trade?lang=ar&side=SELL&commodity=wheat").body();
		assertThat(board).contains("dir=\"rtl\"").contains("data-offer=\"" + offer + "\"").contains("عرض بيع")
			.contains("القمح").contains("شركة MY-TEST-001");
		assertThat(http.get("/trade?side=BUY&commodity=wheat").body()).doesNotContain("data-offer=\"" + offer + "\"");
		// Full-text search in the three languages: the company's French name, the commodity's Arabic name, the place.
		for (String query : List.of("Sociétés MY-TEST-001", "القمح", "klang")) {
			List<Integer> found = JsonPath.read(http.get("/api/v1/trade/offers?size=200&q="
					+ java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8)).body(), "$.items[*].id");
			assertThat(found).as(query).contains((int) offer);
		}
		List<Integer> none = JsonPath.read(http.get("/api/v1/trade/offers?size=200&q=sorghum").body(), "$.items[*].id");
		assertThat(none).doesNotContain((int) offer);
		assertThat(http.get("/trade/companies/" + SELLER + "?lang=fr").body()).contains("id=\"kyc-badge\"")
			.contains("Société MY-TEST-001");
		assertThat(http.get("/countries/MYS/trade?lang=en").body()).contains("id=\"tab-companies\"")
			.contains("Company MY-TEST-001").contains("/trade/offers/" + offer + "\"");

		WebSession buying = new WebSession(port);
		buying.signIn("t.buyer", TestAccounts.PASSWORD);
		String page = "/trade/offers/" + offer;
		assertThat(buying.get(page + "?lang=en").body()).contains("id=\"take-form\"");
		HttpResponse<String> tooLittle = buying.post(page + "/takes", Map.of("tonnes", "5"), page);
		assertThat(tooLittle.statusCode()).isEqualTo(302);
		assertThat(buying.get(page + "?lang=ar").body()).contains("data-refusal=\"BELOW_MINIMUM_ORDER\"")
			.contains("أقل من الحد الأدنى للطلب");
		HttpResponse<String> taken = buying.post(page + "/takes", Map.of("tonnes", "10"), page);
		assertThat(taken.headers().firstValue("Location").orElseThrow()).endsWith(page + "?taken=true");
		assertThat(jdbc.sql("SELECT open_tonnes FROM trade.offer WHERE id = :id").param("id", offer)
			.query(BigDecimal.class).single()).isEqualByComparingTo("30");
	}

	@Test
	void sellersForARequestOrAnRfqAreFilteredThenRankedByLandedCost() {
		verified(SELLER, seller, "MYS", "MY-TEST-001");
		verified(BUYER, buyer, "SEN", "SN-TEST-002");
		String admin = bearer("t.admin");
		http.putJson("/api/v1/trade/certifying-bodies/TRADE-HCB", """
				{"nameEn": "Trade test body", "nameAr": "جهة اختبار التجارة", "nameFr": "Organisme test", "country": "MYS"}
				""", "Authorization", admin);
		List<String> senegal = new ArrayList<>(JsonPath.read(http.get("/api/v1/trade/recognitions/SEN").body(), "$"));
		senegal.add("TRADE-HCB");
		http.putJson("/api/v1/trade/recognitions/SEN", "{\"bodies\": [\"" + String.join("\", \"", senegal) + "\"]}",
				"Authorization", admin);
		LocalDate today = LocalDate.now();
		HttpResponse<String> certificate = http.postJson("/api/v1/trade/companies/" + SELLER + "/certificates", """
				{"number": "MATCH-%s", "holder": "Seller", "body": "TRADE-HCB", "accreditationBody": "DSM",
				 "accreditationNumber": "7", "standard": "OIC/SMIIC 1", "scopeHs": ["1001"], "issuedOn": "%s",
				 "expiresOn": "%s"}
				""".formatted(System.nanoTime(), today.minusMonths(1), today.plusYears(1)), "Authorization", seller);
		long halal = ((Number) JsonPath.read(certificate.body(), "$.id")).longValue();
		// Seaports in the transport network: Port Klang and Dakar (Mali, landlocked, has none).
		for (String[] port : new String[][] { { "TRADE-PORT-KLANG", "MYS", "Port Klang", "3.0", "101.4" },
				{ "TRADE-PORT-DAKAR", "SEN", "Dakar", "14.7", "-17.4" } }) {
			HttpResponse<String> point = http.putJson("/api/v1/allocation/delivery-points/" + port[0], """
					{"country": "%s", "name": "%s", "kind": "PORT", "latitude": %s, "longitude": %s, "main": false}
					""".formatted(port[1], port[2], port[3], port[4]), "Authorization", bearer("t.analyst"));
			assertThat(point.statusCode()).as(point.body()).isEqualTo(200);
		}
		long fob = published(seller, "wheat", "250", "FOB", halal, "MYS");
		long cfr = published(seller, "wheat", "340", "CFR", halal, "MYS");
		long uncertified = published(seller, "wheat", "100", "FOB", null, "MYS");
		long fobFromLandlocked = published(seller, "wheat", "90", "FOB", halal, "MLI");
		HttpResponse<String> request = http.postJson("/api/v1/trade/requests", """
				{"commodity": "wheat", "quantityTonnes": 100, "minOrderTonnes": 50, "pricePerTonne": 450,
				 "currency": "USD", "incoterm": "CFR", "incotermPlace": "Dakar", "deliveryFrom": "%s", "deliveryUntil": "%s"}
				""".formatted(today.plusDays(20), today.plusDays(90)), "Authorization", buyer);
		long buy = ((Number) JsonPath.read(request.body(), "$.id")).longValue();
		http.postJson("/api/v1/trade/offers/" + buy + "/publish", "{}", "Authorization", buyer);
		List<Integer> requests = JsonPath.read(http.get("/api/v1/trade/requests?commodity=wheat&size=200").body(),
				"$.items[*].id");
		assertThat(requests).as("the board's requests to buy").contains((int) buy).doesNotContain((int) fob);

		String result = http.get("/api/v1/trade/offers/" + buy + "/matches", "Authorization", buyer).body();
		List<Integer> ranked = JsonPath.read(result, "$.matches[*].offer");
		assertThat(ranked).contains((int) cfr, (int) fob).doesNotContain((int) uncertified)
			.as("FOB names a port of shipment, and Mali has none").doesNotContain((int) fobFromLandlocked);
		assertThat((Integer) JsonPath.read(result, "$.setAsideForIncoterm")).isPositive();
		assertThat(ranked.indexOf((int) cfr)).as("340 with freight included lands cheaper than 250 plus sea freight")
			.isLessThan(ranked.indexOf((int) fob));
		// Freight from the transport network's cheapest route from a Malaysian hub to Senegal, if there is one.
		List<java.math.BigDecimal> routeCosts = jdbc.sql("""
				SELECT min(r.cost_per_tonne) FROM allocation.route r JOIN reserves.hub h ON h.code = r.origin_hub
				JOIN allocation.delivery_point p ON p.code = r.to_point
				WHERE r.open AND h.country_iso3 = 'MYS' AND p.country_iso3 = 'SEN' HAVING count(*) > 0
				""").query(java.math.BigDecimal.class).list();
		assertThat((List<String>) JsonPath.read(result, "$.matches[?(@.offer == " + fob + ")].freightSource"))
			.containsExactly(routeCosts.isEmpty() ? "DISTANCE" : "ROUTE");
		if (!routeCosts.isEmpty()) {
			assertThat((List<Double>) JsonPath.read(result, "$.matches[?(@.offer == " + fob + ")].freightPerTonne"))
				.containsExactly(routeCosts.get(0).doubleValue());
		}
		else {
			// FOB Port Klang: by sea from the named place (a delivery point of the network), not from Kuala Lumpur.
			var dakar = context.getBean(org.iofs.fse.countries.Countries.class).get("SEN").capital();
			double km = org.iofs.fse.shared.GreatCircle.km(3.0, 101.4, dakar.latitude().doubleValue(),
					dakar.longitude().doubleValue());
			assertThat((List<Double>) JsonPath.read(result, "$.matches[?(@.offer == " + fob + ")].freightPerTonne"))
				.containsExactly(BigDecimal.valueOf(20 + 0.015 * km).setScale(2, java.math.RoundingMode.HALF_UP)
					.doubleValue());
		}
		assertThat((List<Boolean>) JsonPath.read(result, "$.matches[?(@.offer == " + fob + ")].freightIncluded"))
			.containsExactly(false);
		assertThat((List<String>) JsonPath.read(result, "$.matches[?(@.offer == " + fob + ")].freightMode"))
			.containsExactly("SEA");
		assertThat((Integer) JsonPath.read(result, "$.setAsideForHalal")).isPositive();
		assertThat(http.get("/api/v1/trade/offers/" + buy + "/matches", "Authorization", seller).statusCode())
			.as("a seller does not read a buyer's matches").isEqualTo(404);

		HttpResponse<String> rfq = http.postJson("/api/v1/trade/rfqs", """
				{"commodity": "wheat", "tonnes": 100, "incoterm": "CFR", "incotermPlace": "Dakar", "destination": "SEN",
				 "deliveryFrom": "%s", "deliveryUntil": "%s", "respondBy": "%s"}
				""".formatted(today.plusDays(20), today.plusDays(90), today.plusDays(5)), "Authorization", buyer);
		long rfqId = ((Number) JsonPath.read(rfq.body(), "$.id")).longValue();
		String forRfq = http.get("/api/v1/trade/rfqs/" + rfqId + "/matches", "Authorization", buyer).body();
		assertThat((List<Integer>) JsonPath.read(forRfq, "$.matches[*].offer")).contains((int) cfr, (int) fob)
			.doesNotContain((int) uncertified, (int) fobFromLandlocked);
		WebSession buying = new WebSession(port);
		buying.signIn("t.buyer", TestAccounts.PASSWORD);
		assertThat(buying.get("/trade/offers/" + buy + "?lang=fr").body()).contains("id=\"matches-table\"")
			.contains("data-offer=\"" + cfr + "\"").contains("Coût rendu par tonne");
		assertThat(buying.get("/trade/rfqs/" + rfqId).body()).contains("data-offer=\"" + fob + "\"");
	}

	private long published(String token, String commodity, String price, String incoterm, Long certificate,
			String origin) {
		LocalDate today = LocalDate.now();
		HttpResponse<String> drafted = http.postJson("/api/v1/trade/offers", """
				{"side": "SELL", "commodity": "%s", "quantityTonnes": 500, "minOrderTonnes": 50, "pricePerTonne": %s,
				 "currency": "USD", "incoterm": "%s", "incotermPlace": "Port Klang", "origin": "%s",
				 "deliveryFrom": "%s", "deliveryUntil": "%s", "certificate": %s}
				""".formatted(commodity, price, incoterm, origin, today.plusDays(10), today.plusDays(70), certificate),
				"Authorization", token);
		assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
		long id = ((Number) JsonPath.read(drafted.body(), "$.id")).longValue();
		http.postJson("/api/v1/trade/offers/" + id + "/publish", "{}", "Authorization", token);
		return id;
	}

	private HttpResponse<String> apply(UUID company, String token, String country, String number) {
		return http.putJson("/api/v1/trade/companies/" + company, """
				{"legalNameEn": "Company %s", "legalNameAr": "شركة %s", "legalNameFr": "Société %s",
				 "country": "%s", "registrationNumber": "%s", "registry": "Companies registry",
				 "sectors": ["milling"], "commodities": ["wheat", "rice"], "hsHeadings": ["1001", "1006"]}
				""".formatted(number, number, number, country, number), "Authorization", token);
	}

	private void verified(UUID company, String token, String country, String number) {
		apply(company, token, country, number);
		http.postJson("/api/v1/trade/companies/" + company + "/verify", "{}", "Authorization", bearer("t.analyst"));
	}

	private long draft(String token, String tonnes, String minOrder) {
		HttpResponse<String> drafted = http.postJson("/api/v1/trade/offers", offerBody(tonnes, minOrder, "265.50", "USD",
				"FOB", LocalDate.now().plusDays(10).toString(), LocalDate.now().plusDays(70).toString()),
				"Authorization", token);
		assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
		return ((Number) JsonPath.read(drafted.body(), "$.id")).longValue();
	}

	private static String offerBody(String tonnes, String minOrder, String price, String currency, String incoterm,
			String from, String until) {
		return """
				{"side": "SELL", "commodity": "wheat", "grade": "GRADE_2", "quantityTonnes": %s, "minOrderTonnes": %s,
				 "pricePerTonne": %s, "currency": "%s", "incoterm": "%s", "incotermPlace": "Port Klang",
				 "origin": "MYS", "deliveryFrom": "%s", "deliveryUntil": "%s"}
				""".formatted(tonnes, minOrder, price, currency, incoterm, from, until);
	}

}
