package org.iofs.fse.reserves;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.support.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/** A release request through its whole workflow, and the rules of who may move it. */
class ReleasesIT extends PlatformIT {

	String focal;

	String analyst;

	String operator;

	@BeforeEach
	void reserveWithStock() {
		focal = bearer("t.focal.pak");
		analyst = bearer("t.analyst");
		operator = bearer("t.hub");
		jdbc.sql("""
				INSERT INTO reserves.reserve (code, name_en, name_ar, name_fr) VALUES ('TEST-RESERVE', 'Test reserve',
				    'احتياطي الاختبار', 'Réserve test') ON CONFLICT DO NOTHING
				""").update();
		jdbc.sql("INSERT INTO reserves.reserve_member VALUES ('TEST-RESERVE', 'PAK') ON CONFLICT DO NOTHING").update();
		jdbc.sql("""
				INSERT INTO reserves.hub (code, name, kind, country_iso3, reserve_code) VALUES ('TEST-HUB', 'TEST-HUB',
				    'WAREHOUSE', 'SEN', 'TEST-RESERVE') ON CONFLICT DO NOTHING
				""").update();
		jdbc.sql("""
				INSERT INTO reserves.pledge (reserve_code, country_iso3, commodity_code, tonnes, valid_from, valid_until)
				SELECT 'TEST-RESERVE', 'SEN', 'wheat', 100000, current_date - 1, current_date + 365
				WHERE NOT EXISTS (SELECT 1 FROM reserves.pledge WHERE reserve_code = 'TEST-RESERVE' AND country_iso3 = 'SEN')
				""").update();
		HttpResponse<String> receipt = http.postJson("/api/v1/hubs/TEST-HUB/receipts", "{\"commodity\": \"wheat\", "
				+ "\"tonnes\": 150, \"bestBefore\": \"" + LocalDate.now().plusYears(1) + "\"}", "Authorization", operator);
		assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(201);
	}

	@Test
	void aTierTwoLoanGoesFromDraftToClosedAndLeavesAnObligation() {
		long id = create(focal);
		assertThat(http.postJson("/api/v1/releases", body(), "Authorization", bearer("t.focal.yem")).statusCode()).isEqualTo(403);

		assertThat(transition(id, "submit", "{}", focal).statusCode()).isEqualTo(200);
		HttpResponse<String> early = transition(id, "approve", "{}", analyst);
		assertThat(early.statusCode()).isEqualTo(409);
		assertThat((String) JsonPath.read(early.body(), "$.reason")).isEqualTo("WRONG_STATUS");
		assertThat(transition(id, "assess", "{\"note\": \"Local and national stocks used up; 100 t justified\"}", focal)
			.statusCode()).isEqualTo(403);
		assertThat(transition(id, "assess", "{\"note\": \"Local and national stocks used up; 100 t justified\"}", analyst)
			.statusCode()).isEqualTo(200);
		assertThat(status(transition(id, "approve", "{}", analyst))).isEqualTo("APPROVED");
		String dispatch = "{\"hub\": \"TEST-HUB\", \"mode\": \"SEA\", \"estimatedArrival\": \"" + LocalDate.now().plusDays(20) + "\"}";
		assertThat(transition(id, "dispatch", dispatch, focal).statusCode()).isEqualTo(403);
		BigDecimal restoreBefore = toRestore();
		HttpResponse<String> dispatched = transition(id, "dispatch", dispatch, operator);
		assertThat(status(dispatched)).as(dispatched.body()).isEqualTo("DISPATCHED");
		// Tier 2 draws on the shipping country's pledge, which must now restore what left.
		assertThat(toRestore().subtract(restoreBefore)).isEqualByComparingTo("100");
		long pledge = jdbc.sql("SELECT id FROM reserves.pledge WHERE reserve_code = 'TEST-RESERVE' AND country_iso3 = 'SEN' ORDER BY id LIMIT 1")
			.query(Long.class).single();
		assertThat(http.postJson("/api/v1/reserves/TEST-RESERVE/pledges/" + pledge + "/restore", "{\"tonnes\": 100}",
				"Authorization", analyst).statusCode()).isEqualTo(200);
		assertThat(toRestore()).isEqualByComparingTo(restoreBefore);
		assertThat(transition(id, "deliver", "{\"receivedTonnes\": 99.5, \"condition\": \"good, 0.5 t torn bags\"}", focal)
			.statusCode()).isEqualTo(200);
		assertThat(status(transition(id, "close", "{}", analyst))).isEqualTo("CLOSED");
		assertThat(transition(id, "obligation/settle", "{}", focal).statusCode()).isEqualTo(403);
		HttpResponse<String> settled = transition(id, "obligation/settle", "{}", analyst);
		assertThat(settled.statusCode()).as(settled.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(settled.body(), "$.obligation.settled_on")).isNotNull();
		assertThat(transition(id, "obligation/settle", "{}", analyst).statusCode()).isEqualTo(409);

		HttpResponse<String> detail = http.get("/api/v1/releases/" + id, "Authorization", focal);
		assertThat((List<String>) JsonPath.read(detail.body(), "$.events[*].toStatus")).containsExactly("DRAFT", "SUBMITTED",
				"ASSESSED", "APPROVED", "DISPATCHED", "DELIVERED", "CLOSED");
		assertThat((List<String>) JsonPath.read(detail.body(), "$.approvers")).containsExactly("t.analyst");
		assertThat((String) JsonPath.read(detail.body(), "$.obligation.kind")).isEqualTo("GRAIN_FOR_GRAIN");
		assertThat(((Number) JsonPath.read(detail.body(), "$.request.leadTimeDays")).longValue()).isZero();
		assertThat(jdbc.sql("SELECT sum(tonnes) FROM reserves.shipment_line l JOIN reserves.shipment s ON s.id = l.shipment_id WHERE s.request_id = :id")
			.param("id", id).query(BigDecimal.class).single()).isEqualByComparingTo("100");
		assertThat(jdbc.sql("SELECT -sum(tonnes) FROM reserves.ledger_entry WHERE reference = :r").param("r", "RR-" + id)
			.query(BigDecimal.class).single()).isEqualByComparingTo("100");
		// Another country's focal point is told nothing: not found, as if the request did not exist.
		HttpResponse<String> otherCountry = http.get("/api/v1/releases/" + id, "Authorization", bearer("t.focal.yem"));
		assertThat(otherCountry.statusCode()).isEqualTo(404);
		assertThat(otherCountry.body()).doesNotContain("PAK").doesNotContain("t.focal.pak");
		assertThat(http.get("/api/v1/releases/" + id).statusCode()).isEqualTo(401);
	}

	@Test
	void theRequesterNeverApprovesAndBadRequestsNameTheirField() {
		String admin = bearer("t.admin");
		long id = create(admin);
		transition(id, "submit", "{}", admin);
		HttpResponse<String> ownAssessment = transition(id, "assess", "{\"note\": \"mine is fine\"}", admin);
		transition(id, "assess", "{\"note\": \"ok\"}", analyst);

		HttpResponse<String> own = transition(id, "approve", "{}", admin);
		HttpResponse<String> noPayment = http.postJson("/api/v1/releases", body().replace(", \"payment\": \"LOAN\"", ""),
				"Authorization", focal);
		HttpResponse<String> notMember = http.postJson("/api/v1/releases", body().replace("TEST-RESERVE", "NO-RESERVE"),
				"Authorization", focal);

		assertThat(ownAssessment.statusCode()).isEqualTo(409);
		assertThat((String) JsonPath.read(ownAssessment.body(), "$.reason")).isEqualTo("REQUESTER_MAY_NOT_DECIDE");
		assertThat(own.statusCode()).isEqualTo(409);
		assertThat((String) JsonPath.read(own.body(), "$.reason")).isEqualTo("REQUESTER_MAY_NOT_APPROVE");
		assertThat((String) JsonPath.read(noPayment.body(), "$.field")).isEqualTo("payment");
		assertThat((String) JsonPath.read(notMember.body(), "$.field")).isEqualTo("reserve");
		assertThat(status(transition(id, "reject", "{\"note\": \"not needed\"}", analyst))).isEqualTo("REJECTED");
	}

	private long create(String token) {
		HttpResponse<String> created = http.postJson("/api/v1/releases", body(), "Authorization", token);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat((String) JsonPath.read(created.body(), "$.status")).isEqualTo("DRAFT");
		return ((Number) JsonPath.read(created.body(), "$.id")).longValue();
	}

	private BigDecimal toRestore() {
		return jdbc.sql("SELECT to_restore FROM reserves.pledge WHERE reserve_code = 'TEST-RESERVE' AND country_iso3 = 'SEN' ORDER BY id LIMIT 1")
			.query(BigDecimal.class).single();
	}

	private String body() {
		return "{\"country\": \"PAK\", \"reserve\": \"TEST-RESERVE\", \"commodity\": \"wheat\", \"tonnes\": 100, "
				+ "\"deliveryPoint\": \"Karachi port\", \"needBy\": \"" + LocalDate.now().plusDays(40) + "\", \"tier\": 2, "
				+ "\"payment\": \"LOAN\", \"justification\": \"Floods in Sindh\", \"localUsed\": true, \"nationalUsed\": true}";
	}

	private HttpResponse<String> transition(long id, String action, String body, String token) {
		return http.postJson("/api/v1/releases/" + id + "/" + action, body, "Authorization", token);
	}

	private static String status(HttpResponse<String> response) {
		return JsonPath.read(response.body(), "$.status");
	}

}
