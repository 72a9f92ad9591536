package org.iofs.fse.response;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import org.iofs.fse.access.Role;
import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.support.Http;
import org.iofs.fse.trade.TradeFixtures;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The response tests' own world: Comoros in a reserve of its own whose hub in Djibouti holds 300 t of sorghum, a
 * delivery point at Moroni reached by sea in 6 days at 15 US$ a tonne, a focal point for Comoros, and a verified
 * Malaysian seller offering 500 t of sorghum at 200 US$ a tonne delivered (DAP Moroni) with a Halal certificate
 * that Comoros recognises.
 */
public final class ResponseFixtures {

	public static final UUID SELLER = UUID.fromString("00000000-0000-0000-0000-00000000e501");

	static final String ROUTES = """
			origin_hub,to_hub,to_point,mode,cost_per_tonne,transit_days,capacity_tonnes,open
			RESP-HUB,,RESP-MORONI,SEA,15,6,,
			""";

	private final ApplicationContext context;

	private final JdbcClient jdbc;

	private final Http http;

	public ResponseFixtures(ApplicationContext context, JdbcClient jdbc, Http http) {
		this.context = context;
		this.jdbc = jdbc;
		this.http = http;
	}

	/** The reserve, its hub and stock, the route, the focal point; returns the offer's id. */
	public long comorosWithSorghum() {
		TestAccounts accounts = new TestAccounts(context);
		accounts.ensureStandardCallers();
		accounts.ensure("t.focal.com", Role.COUNTRY_FOCAL_POINT, "COM");
		String analyst = "Bearer " + TestAccounts.token(http, "t.analyst");
		String admin = "Bearer " + TestAccounts.token(http, "t.admin");
		jdbc.sql("""
				INSERT INTO reserves.reserve (code, name_en, name_ar, name_fr) VALUES ('RESP-RESERVE', 'Response test reserve',
				    'احتياطي اختبار الاستجابة', 'Réserve test réponse') ON CONFLICT DO NOTHING
				""").update();
		jdbc.sql("INSERT INTO reserves.reserve_member VALUES ('RESP-RESERVE', 'COM') ON CONFLICT DO NOTHING").update();
		jdbc.sql("""
				INSERT INTO reserves.hub (code, name, kind, country_iso3, reserve_code, latitude, longitude)
				VALUES ('RESP-HUB', 'Response hub', 'PORT', 'DJI', 'RESP-RESERVE', 11.6, 43.1) ON CONFLICT DO NOTHING
				""").update();
		HttpResponse<String> point = http.putJson("/api/v1/allocation/delivery-points/RESP-MORONI", """
				{"country": "COM", "name": "Moroni", "kind": "PORT", "latitude": -11.7, "longitude": 43.25, "main": true}
				""", "Authorization", analyst);
		assertThat(point.statusCode()).as(point.body()).isEqualTo(200);
		HttpResponse<String> routes = http.postFile("/api/v1/allocation/routes/import", "routes.csv",
				ROUTES.getBytes(StandardCharsets.UTF_8), "Authorization", analyst);
		assertThat(routes.statusCode()).as(routes.body()).isEqualTo(200);
		jdbc.sql("""
				UPDATE reserves.lot_balance SET on_hand = 0 WHERE hub_code = 'RESP-HUB'
				""").update();
		HttpResponse<String> receipt = http.postJson("/api/v1/hubs/RESP-HUB/receipts", """
				{"commodity": "sorghum", "tonnes": 300, "bestBefore": "%s"}
				""".formatted(LocalDate.now().plusYears(2)), "Authorization", admin);
		assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(201);

		String seller = new TradeFixtures(context, http).verifiedCompany(SELLER, "t.resp.seller", "MYS", "RESP-01");
		http.putJson("/api/v1/trade/certifying-bodies/RESP-HCB", """
				{"nameEn": "Response test body", "nameAr": "جهة اختبار الاستجابة", "nameFr": "Organisme test réponse",
				 "country": "MYS"}
				""", "Authorization", admin);
		http.putJson("/api/v1/trade/recognitions/COM", "{\"bodies\": [\"RESP-HCB\"]}", "Authorization", admin);
		LocalDate today = LocalDate.now();
		HttpResponse<String> certificate = http.postJson("/api/v1/trade/companies/" + SELLER + "/certificates", """
				{"number": "RESP-%s", "holder": "Seller", "body": "RESP-HCB", "accreditationBody": "DSM",
				 "accreditationNumber": "9", "standard": "MS 1500", "scopeHs": ["1007"], "issuedOn": "%s",
				 "expiresOn": "%s"}
				""".formatted(System.nanoTime(), today.minusMonths(1), today.plusYears(1)), "Authorization", seller);
		assertThat(certificate.statusCode()).as(certificate.body()).isEqualTo(201);
		long halal = ((Number) JsonPath.read(certificate.body(), "$.id")).longValue();
		jdbc.sql("""
				UPDATE trade.offer SET status = 'WITHDRAWN'
				WHERE company_id = :seller AND status IN ('PUBLISHED', 'PARTLY_TAKEN')
				""").param("seller", SELLER).update();
		HttpResponse<String> drafted = http.postJson("/api/v1/trade/offers", """
				{"side": "SELL", "commodity": "sorghum", "quantityTonnes": 500, "minOrderTonnes": 50, "pricePerTonne": 200,
				 "currency": "USD", "incoterm": "DAP", "incotermPlace": "Moroni", "origin": "MYS",
				 "deliveryFrom": "%s", "deliveryUntil": "%s", "certificate": %d}
				""".formatted(today.plusDays(2), today.plusDays(60), halal), "Authorization", seller);
		assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
		long offer = ((Number) JsonPath.read(drafted.body(), "$.id")).longValue();
		assertThat(http.postJson("/api/v1/trade/offers/" + offer + "/publish", "{}", "Authorization", seller)
			.statusCode()).isEqualTo(200);
		return offer;
	}

}
