package org.iofs.fse.response;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.prices.PriceAlertRaised;
import org.iofs.fse.support.PlatformIT;
import org.iofs.fse.support.WebSession;

import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A price alert drafts a response proposal: Comoros' situation, a draft release request from its reserve with a
 * suggested tier, a plan that takes what the reserve holds and buys the rest through IFPA, and the offer that could
 * serve it. Nothing moves until the Secretariat decides; the focal point sees it only once sent; whoever sent it may
 * not approve the request; a revision follows the draft request and solves the plan again; a dismissal withdraws it.
 */
class ResponseProposalsIT extends PlatformIT {

	long offer;

	@BeforeEach
	void comoros() {
		offer = new ResponseFixtures(context, jdbc, http).comorosWithSorghum();
		jdbc.sql("UPDATE response.proposal SET status = 'DISMISSED' WHERE country_iso3 = 'COM' AND status <> 'DISMISSED'")
			.update();
		jdbc.sql("DELETE FROM response.proposal WHERE country_iso3 = 'COM'").update();
	}

	@Test
	void aCrisisDraftsOneProposalThatReleasesWhatTheReserveHoldsAndBuysTheRestThroughIfpa() {
		alert("sorghum", "ALPS", "CRISIS");
		String analyst = bearer("t.analyst");
		String proposal = awaitPlanned("sorghum", analyst);
		long id = ((Number) JsonPath.read(proposal, "$.proposal.id")).longValue();
		alert("sorghum", "IPA", "HIGH");
		Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
			.until(() -> count("COM", "sorghum") == 1);

		assertThat(count("COM", "sorghum")).as("one proposal per member, commodity and month").isEqualTo(1);
		assertThat((String) JsonPath.read(proposal, "$.proposal.status")).isEqualTo("DRAFTED");
		assertThat((String) JsonPath.read(proposal, "$.proposal.alertBand")).isEqualTo("CRISIS");
		assertThat((Integer) JsonPath.read(proposal, "$.proposal.suggestedTier")).as("humanitarian in a crisis").isEqualTo(3);
		assertThat((Double) JsonPath.read(proposal, "$.proposal.suggestedTonnes"))
			.as("no balance: what the reserve (300 t) and the offer (500 t) could deliver").isEqualTo(800.0);
		assertThat((Double) JsonPath.read(proposal, "$.proposal.reserveStockT")).isEqualTo(300.0);
		assertThat((String) JsonPath.read(proposal, "$.release.status")).isEqualTo("DRAFT");
		assertThat((Double) JsonPath.read(proposal, "$.release.tonnes")).as("what the plan ships from the reserve")
			.isEqualTo(300.0);
		assertThat((Double) JsonPath.read(proposal, "$.plan.reserveTonnes")).isEqualTo(300.0);
		assertThat((Double) JsonPath.read(proposal, "$.plan.purchasedTonnes")).isEqualTo(500.0);
		assertThat((Double) JsonPath.read(proposal, "$.plan.unmetTonnes")).isEqualTo(0.0);
		assertThat((List<Integer>) JsonPath.read(proposal, "$.offers[*].offer")).containsExactly((int) offer);

		long request = ((Number) JsonPath.read(proposal, "$.proposal.releaseRequestId")).longValue();
		long plan = ((Number) JsonPath.read(proposal, "$.proposal.planId")).longValue();
		String planned = http.get("/api/v1/allocation/plans/" + plan, "Authorization", analyst).body();
		assertThat((List<String>) JsonPath.read(planned, "$.lines[*].hubCode")).containsOnly("RESP-HUB");
		assertThat((List<Integer>) JsonPath.read(planned, "$.purchases[*].offerId")).containsExactly((int) offer);
		assertThat((List<Double>) JsonPath.read(planned, "$.purchases[*].landedPerTonne"))
			.as("DAP: the price includes the freight").containsExactly(200.0);
		assertThat((List<String>) JsonPath.read(planned, "$.rfqDrafts[0].invited"))
			.containsExactly(ResponseFixtures.SELLER.toString());
		assertThat((Integer) JsonPath.read(planned, "$.demands[0].releaseRequestId")).isEqualTo((int) request);
		WebSession page = new WebSession(port);
		page.signIn("t.analyst", TestAccounts.PASSWORD);
		assertThat(page.get("/allocation/plans/" + plan + "?lang=en").body()).contains("id=\"purchases\"")
			.contains("/trade/rfqs/new?commodity=sorghum").contains("300 t come from the reserves");
		assertThat(page.get("/responses/" + id + "?lang=ar").body()).contains("dir=\"rtl\"")
			.contains("id=\"proposal-send\"").contains("/releases/" + request);

		// Before it is sent the focal point neither sees the proposal nor submits its request.
		String focal = bearer("t.focal.com");
		assertThat(http.get("/api/v1/response-proposals/" + id, "Authorization", focal).statusCode()).isEqualTo(404);
		assertThat(http.postJson("/api/v1/releases/" + request + "/submit", "{}", "Authorization", focal).statusCode())
			.isEqualTo(409);
		assertThat(http.postJson("/api/v1/response-proposals/" + id + "/send", "{}", "Authorization", focal).statusCode())
			.isEqualTo(403);

		HttpResponse<String> sent = http.postJson("/api/v1/response-proposals/" + id + "/send", "{}", "Authorization",
				analyst);
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(sent.body(), "$.proposal.decidedBy")).isEqualTo("t.analyst");
		assertThat(http.postJson("/api/v1/response-proposals/" + id + "/send", "{}", "Authorization", analyst)
			.statusCode()).as("sent once").isEqualTo(409);
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(JsonPath
			.<List<String>>read(http.get("/api/v1/notifications?lang=en", "Authorization", focal).body(), "$.items[*].link"))
			.contains("/releases/" + request));
		assertThat((List<Integer>) JsonPath.read(http.get("/api/v1/response-proposals?country=COM", "Authorization",
				focal).body(), "$.items[*].proposal.id")).containsExactly((int) id);

		assertThat(http.postJson("/api/v1/releases/" + request + "/submit", "{}", "Authorization", focal).statusCode())
			.isEqualTo(200);
		assertThat(http.postJson("/api/v1/releases/" + request + "/assess", "{\"note\": \"Crisis confirmed\"}",
				"Authorization", analyst).statusCode()).isEqualTo(200);
		HttpResponse<String> bySender = http.postJson("/api/v1/releases/" + request + "/approve", "{}", "Authorization",
				analyst);
		assertThat(bySender.statusCode()).as("whoever sent the proposal does not approve its request").isEqualTo(409);
		assertThat(bySender.body()).contains("PREPARER_MAY_NOT_DECIDE");
		assertThat(http.postJson("/api/v1/releases/" + request + "/approve", "{}", "Authorization", bearer("t.admin"))
			.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(http.get("/api/v1/response-proposals/" + id, "Authorization", analyst).body(),
				"$.release.status")).as("the outcome follows the request").isEqualTo("APPROVED");
		assertThat(jdbc.sql("SELECT requested_by FROM reserves.release_request WHERE id = :id").param("id", request)
			.query(String.class).single()).isEqualTo("t.focal.com");
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE entity_type = 'response-proposal' "
				+ "AND entity_id = :id").param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void aRevisionFollowsTheDraftRequestAndADismissalWithdrawsIt() {
		alert("millet", "ALPS", "ALERT");
		String analyst = bearer("t.analyst");
		String proposal = awaitPlanned("millet", analyst);
		long id = ((Number) JsonPath.read(proposal, "$.proposal.id")).longValue();
		assertThat((Integer) JsonPath.read(proposal, "$.proposal.suggestedTier")).as("a spot agreement in an alert")
			.isEqualTo(2);
		assertThat((Double) JsonPath.read(proposal, "$.plan.unmetTonnes")).as("no millet anywhere").isPositive();
		long request = ((Number) JsonPath.read(proposal, "$.proposal.releaseRequestId")).longValue();
		long firstPlan = ((Number) JsonPath.read(proposal, "$.proposal.planId")).longValue();

		LocalDate needBy = LocalDate.now().plusDays(20);
		HttpResponse<String> refused = http.putJson("/api/v1/response-proposals/" + id,
				"{\"tonnes\": 250, \"tier\": 2, \"needBy\": \"" + needBy + "\"}", "Authorization", analyst);
		assertThat((String) JsonPath.read(refused.body(), "$.field")).isEqualTo("payment");
		HttpResponse<String> revised = http.putJson("/api/v1/response-proposals/" + id,
				"{\"tonnes\": 250, \"tier\": 2, \"payment\": \"GRANT\", \"needBy\": \"" + needBy + "\"}",
				"Authorization", analyst);
		assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
		assertThat((Double) JsonPath.read(revised.body(), "$.release.tonnes")).isEqualTo(250.0);
		assertThat((String) JsonPath.read(revised.body(), "$.release.payment")).isEqualTo("GRANT");
		assertThat(((Number) JsonPath.read(revised.body(), "$.proposal.planId")).longValue()).as("solved again")
			.isNotEqualTo(firstPlan);
		assertThat((Double) JsonPath.read(revised.body(), "$.plan.unmetTonnes")).isEqualTo(250.0);

		assertThat((String) JsonPath.read(http.postJson("/api/v1/response-proposals/" + id + "/dismiss", "{}",
				"Authorization", analyst).body(), "$.field")).isEqualTo("note");
		HttpResponse<String> dismissed = http.postJson("/api/v1/response-proposals/" + id + "/dismiss",
				"{\"note\": \"National stocks suffice\"}", "Authorization", analyst);
		assertThat((String) JsonPath.read(dismissed.body(), "$.proposal.status")).isEqualTo("DISMISSED");
		assertThat((String) JsonPath.read(dismissed.body(), "$.release.status")).isEqualTo("WITHDRAWN");
		assertThat(http.postJson("/api/v1/response-proposals/" + id + "/send", "{}", "Authorization", analyst)
			.statusCode()).isEqualTo(409);
		assertThat(http.postJson("/api/v1/releases/" + request + "/submit", "{}", "Authorization",
				bearer("t.focal.com")).statusCode()).isEqualTo(409);
		alert("millet", "IPA", "HIGH");
		assertThat(count("COM", "millet")).as("kept with its outcome; no second proposal this month").isEqualTo(1);
		assertThat((List<Integer>) JsonPath.read(http.get("/api/v1/response-proposals?status=DISMISSED&country=COM",
				"Authorization", analyst).body(), "$.items[*].proposal.id")).containsExactly((int) id);
		assertThat(JsonPath.<List<Object>>read(http.get("/api/v1/response-proposals?country=COM", "Authorization",
				bearer("t.company")).body(), "$.items")).isEmpty();
	}

	private void alert(String commodity, String indicator, String band) {
		context.getBean(TransactionTemplate.class).executeWithoutResult(status -> context.publishEvent(
				new PriceAlertRaised("COM", commodity, YearMonth.now(), indicator, band, 1)));
	}

	private long count(String country, String commodity) {
		return jdbc.sql("SELECT count(*) FROM response.proposal WHERE country_iso3 = :c AND commodity_code = :k")
			.param("c", country).param("k", commodity).query(Long.class).single();
	}

	private String awaitPlanned(String commodity, String analyst) {
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
				SELECT count(*) FROM response.proposal WHERE country_iso3 = 'COM' AND commodity_code = :k
				  AND plan_id IS NOT NULL
				""").param("k", commodity).query(Long.class).single() == 1);
		long id = jdbc.sql("SELECT id FROM response.proposal WHERE country_iso3 = 'COM' AND commodity_code = :k")
			.param("k", commodity).query(Long.class).single();
		return http.get("/api/v1/response-proposals/" + id, "Authorization", analyst).body();
	}

}
