package org.iofs.fse.rotation;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.access.Role;
import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.reserves.internal.ExpiryJob;
import org.iofs.fse.support.PlatformIT;
import org.iofs.fse.support.WebSession;
import org.iofs.fse.trade.TradeFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lot near expiry rotates through IFPA: the hub's operator puts it on the board through the reserve's trading
 * desk, each sale drafts a salam purchase of the same tonnes delivered a week before the reserve's next need, and
 * the hub page follows it from offer to replenishment; nobody else offers the hub's lots or reads its rotations.
 */
class RotationIT extends PlatformIT {

	static final UUID DESK = UUID.fromString("00000000-0000-0000-0000-00000000d0e5");

	static final UUID BUYER = UUID.fromString("00000000-0000-0000-0000-00000000b0e5");

	long lot;

	String operator;

	@BeforeEach
	void aLotNearExpiry() {
		TestAccounts accounts = new TestAccounts(context);
		accounts.ensureStandardCallers();
		accounts.ensure("t.rot.hub", Role.HUB_OPERATOR, "ROT-HUB");
		jdbc.sql("""
				INSERT INTO reserves.reserve (code, name_en, name_ar, name_fr) VALUES ('ROT-RESERVE', 'Rotation reserve',
				    'احتياطي التدوير', 'Réserve rotation') ON CONFLICT DO NOTHING
				""").update();
		jdbc.sql("""
				INSERT INTO reserves.hub (code, name, kind, country_iso3, reserve_code, latitude, longitude)
				VALUES ('ROT-HUB', 'Rotation hub', 'PORT', 'DJI', 'ROT-RESERVE', 11.6, 43.1) ON CONFLICT DO NOTHING
				""").update();
		jdbc.sql("DELETE FROM rotation.desk WHERE reserve_code = 'ROT-RESERVE'").update();
		HttpResponse<String> receipt = http.postJson("/api/v1/hubs/ROT-HUB/receipts", """
				{"commodity": "wheat", "tonnes": 200, "bestBefore": "%s"}
				""".formatted(LocalDate.now().plusDays(30)), "Authorization", bearer("t.admin"));
		assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(201);
		lot = ((Number) JsonPath.read(receipt.body(), "$.lotId")).longValue();
		context.getBean(ExpiryJob.class).run();
		operator = bearer("t.rot.hub");
	}

	@Test
	void aLotSoldThroughIfpaIsReplenishedBySalamBeforeTheReservesNextNeed() {
		String path = "/api/v1/hubs/ROT-HUB/lots/" + lot + "/rotation";
		HttpResponse<String> noDesk = http.postJson(path, "{\"pricePerTonne\": 180}", "Authorization", operator);
		assertThat(noDesk.statusCode()).isEqualTo(409);
		assertThat(noDesk.body()).contains("NO_TRADING_DESK");

		TradeFixtures trade = new TradeFixtures(context, http);
		trade.verifiedCompany(DESK, "t.rot.desk", "DJI", "ROT-DESK");
		String buyer = trade.verifiedCompany(BUYER, "t.rot.buyer", "YEM", "ROT-BUY");
		String desk = "{\"company\": \"" + DESK + "\"}";
		assertThat(http.putJson("/api/v1/reserves/ROT-RESERVE/desk", desk, "Authorization", bearer("t.analyst"))
			.statusCode()).isEqualTo(403);
		assertThat(http.putJson("/api/v1/reserves/ROT-RESERVE/desk", desk, "Authorization", bearer("t.admin"))
			.statusCode()).isEqualTo(200);
		assertThat(http.postJson(path, "{\"pricePerTonne\": 180}", "Authorization", bearer("t.hub")).statusCode())
			.as("another hub's operator").isEqualTo(403);

		HttpResponse<String> offered = http.postJson(path, "{\"pricePerTonne\": 180}", "Authorization", operator);
		assertThat(offered.statusCode()).as(offered.body()).isEqualTo(200);
		long offer = ((Number) JsonPath.read(offered.body(), "$.offerId")).longValue();
		assertThat(http.postJson(path, "{\"pricePerTonne\": 170}", "Authorization", operator).statusCode())
			.as("once").isEqualTo(409);
		String onBoard = http.get("/api/v1/trade/offers/" + offer).body();
		assertThat((String) JsonPath.read(onBoard, "$.status")).isEqualTo("PUBLISHED");
		assertThat((String) JsonPath.read(onBoard, "$.company")).isEqualTo(DESK.toString());
		assertThat((Double) JsonPath.read(onBoard, "$.openTonnes")).isEqualTo(200.0);
		assertThat((String) JsonPath.read(onBoard, "$.deliveryUntil")).isEqualTo(LocalDate.now().plusDays(23).toString());

		LocalDate need = LocalDate.now().plusDays(60);
		jdbc.sql("""
				INSERT INTO reserves.release_request (country_iso3, reserve_code, commodity_code, tonnes, delivery_point,
				    need_by, tier, justification, status, requested_by)
				VALUES ('DJI', 'ROT-RESERVE', 'wheat', 100, 'Djibouti', :need, 3, 'Rotation test', 'SUBMITTED', 't.focal.yem')
				""").param("need", java.sql.Date.valueOf(need)).update();
		assertThat(http.postJson("/api/v1/trade/offers/" + offer + "/takes", "{\"tonnes\": 120}", "Authorization", buyer)
			.statusCode()).isEqualTo(201);
		assertThat(http.postJson("/api/v1/trade/offers/" + offer + "/takes", "{\"tonnes\": 80}", "Authorization", buyer)
			.statusCode()).isEqualTo(201);

		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(JsonPath.<List<Object>>read(
				http.get("/api/v1/hubs/ROT-HUB/rotations", "Authorization", operator).body(), "$[0].salams")).hasSize(2));
		String rotations = http.get("/api/v1/hubs/ROT-HUB/rotations", "Authorization", operator).body();
		assertThat((String) JsonPath.read(rotations, "$[0].status")).isEqualTo("SOLD");
		assertThat((List<Double>) JsonPath.read(rotations, "$[0].salams[*].tonnes")).containsExactly(120.0, 80.0);
		assertThat((List<String>) JsonPath.read(rotations, "$[0].salams[*].deliverBy"))
			.as("a week before the reserve's next need").containsOnly(need.minusDays(7).toString());
		assertThat((List<Double>) JsonPath.read(rotations, "$[0].salams[*].pricePerTonne")).containsOnly(180.0);
		assertThat(JsonPath.<List<Object>>read(http.get("/api/v1/hubs/ROT-HUB/rotations", "Authorization",
				bearer("t.company")).body(), "$")).as("not the company's hub").isEmpty();

		assertThat((Boolean) JsonPath.read(rotations, "$[0].replenished")).isFalse();
		// The salam goods arrive: the hub's receipts of wheat since the sale restore the level.
		assertThat(http.postJson("/api/v1/hubs/ROT-HUB/receipts", """
				{"commodity": "wheat", "tonnes": 200, "bestBefore": "%s", "reference": "Salam delivery"}
				""".formatted(LocalDate.now().plusYears(2)), "Authorization", bearer("t.admin")).statusCode()).isEqualTo(201);
		String restored = http.get("/api/v1/hubs/ROT-HUB/rotations", "Authorization", operator).body();
		assertThat((Boolean) JsonPath.read(restored, "$[0].replenished")).isTrue();
		assertThat((Double) JsonPath.read(restored, "$[0].receivedTonnes")).isEqualTo(200.0);

		WebSession page = new WebSession(port);
		page.signIn("t.rot.hub", TestAccounts.PASSWORD);
		String section = page.get("/hubs/ROT-HUB/rotation?lang=en").body();
		assertThat(section).contains("data-status=\"SOLD\"").contains("Replenishment by salam: 120 t")
			.contains("data-replenished=\"true\"").contains("Level restored")
			.contains("/trade/rfqs/new?commodity=wheat&amp;tonnes=120");
		assertThat(page.get("/hubs/ROT-HUB/rotation?lang=ar").body()).contains("التجديد بعقد سَلَم");
		assertThat(page.get("/hubs/ROT-HUB?lang=en").body()).contains("/hubs/ROT-HUB/rotation");
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action LIKE 'rotation.%' AND entity_id = "
				+ "(SELECT id::text FROM rotation.rotation WHERE lot_id = :lot)").param("lot", lot).query(Long.class)
			.single()).isEqualTo(3);
	}

}
