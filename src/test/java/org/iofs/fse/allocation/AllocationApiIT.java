package org.iofs.fse.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.jayway.jsonpath.JsonPath;
import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.support.WebSession;
import org.junit.jupiter.api.Test;
import org.ojalgo.optimisation.ExpressionsBasedModel;

/**
 * The optimiser through the API, on a small network of its own (two hubs, one delivery point in Yemen, two
 * routes loaded from CSV): a plan with a known optimum, its MPS model solved again by ojAlgo, a what-if with a
 * route closed, a plan of an approved release request turned into a draft dispatch, a refused route file, and who
 * may plan.
 */
class AllocationApiIT extends AllocationNetworkIT {

	@Test
	void aPlanShipsTheCheapestStockAndItsModelSolvesToTheSameObjectiveElsewhere() throws Exception {
		HttpResponse<String> solved = http.postJson("/api/v1/allocation/plans", plan(pulses(150), ""), "Authorization",
				analyst);

		assertThat(solved.statusCode()).as(solved.body()).isEqualTo(201);
		long id = ((Number) JsonPath.read(solved.body(), "$.id")).longValue();
		assertThat((String) JsonPath.read(solved.body(), "$.status")).isEqualTo("OPTIMAL");
		assertThat((Double) JsonPath.read(solved.body(), "$.objective")).isCloseTo(2000, within(1e-6));

		String plan = http.get("/api/v1/allocation/plans/" + id, "Authorization", analyst).body();
		assertThat((List<String>) JsonPath.read(plan, "$.lines[*].hubCode")).containsExactly("ALLOC-A", "ALLOC-B");
		assertThat((List<Double>) JsonPath.read(plan, "$.lines[*].tonnes")).containsExactly(100.0, 50.0);
		assertThat((List<String>) JsonPath.read(plan, "$.lines[*].arrival"))
			.containsOnly(LocalDate.now().plusDays(5).toString());
		assertThat((List<Double>) JsonPath.read(plan, "$.demands[*].unmetTonnes")).containsExactly(0.0);

		HttpResponse<String> mps = http.get("/api/v1/allocation/plans/" + id + "/model.mps", "Authorization", analyst);
		assertThat(mps.statusCode()).isEqualTo(200);
		double elsewhere = ExpressionsBasedModel.parse(new ByteArrayInputStream(mps.body().getBytes(StandardCharsets.US_ASCII)),
				ExpressionsBasedModel.FileFormat.MPS).minimise().getValue();
		assertThat(elsewhere).isCloseTo(2000, within(1e-6));
		// A reader that accepts gzip gets the gzipped copy the plan keeps: the same model.
		HttpResponse<byte[]> gzipped = http.getBytes("/api/v1/allocation/plans/" + id + "/model.mps", "Authorization",
				analyst, "Accept-Encoding", "gzip");
		assertThat(gzipped.statusCode()).isEqualTo(200);
		assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		// Sent as kept, with its length, not compressed again on the fly (which answers without one).
		assertThat(gzipped.headers().firstValueAsLong("Content-Length")).hasValue(gzipped.body().length);
		assertThat(new String(new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes(),
				StandardCharsets.US_ASCII)).isEqualTo(mps.body());
		String solution = http.get("/api/v1/allocation/plans/" + id + "/solution.txt", "Authorization", analyst).body();
		assertThat(solution).startsWith("status OPTIMAL\nobjective 2000");
	}

	@Test
	void aWhatIfWithARouteClosedLeavesDemandUnmetAndSaysWhy() {
		long baseline = ((Number) JsonPath.read(http.postJson("/api/v1/allocation/plans", plan(pulses(150), ""),
				"Authorization", analyst).body(), "$.id")).longValue();
		long road = jdbc.sql("SELECT id FROM allocation.route WHERE origin_hub = 'ALLOC-A' AND to_point = 'ALLOC-ADEN'")
			.query(Long.class).single();

		HttpResponse<String> whatIf = http.postJson("/api/v1/allocation/plans/" + baseline + "/what-if",
				"{\"label\": \"road closed\", \"change\": {\"closedRoutes\": [" + road + "]}}", "Authorization", analyst);

		assertThat(whatIf.statusCode()).as(whatIf.body()).isEqualTo(201);
		// 100 t by sea at 20 USD, 50 t unmet at 10,000 USD x priority 3.
		assertThat((Double) JsonPath.read(whatIf.body(), "$.objective")).isCloseTo(2000 + 50 * 30_000, within(1e-6));
		String plan = http.get("/api/v1/allocation/plans/" + JsonPath.read(whatIf.body(), "$.id"), "Authorization",
				analyst).body();
		assertThat(((Number) JsonPath.read(plan, "$.summary.baselineId")).longValue()).isEqualTo(baseline);
		assertThat((List<String>) JsonPath.read(plan, "$.demands[*].unmetReason")).containsExactly("NOT_ENOUGH_STOCK");
	}

	@Test
	void aPlanOfAnApprovedRequestBecomesADraftDispatchOnceAndTheDispatchShipsThePlannedLots() {
		// A lot at A that FEFO would pick first, but that expires before the 5 days to Aden are over.
		HttpResponse<String> soon = http.postJson("/api/v1/hubs/ALLOC-A/receipts",
				"{\"commodity\": \"pulses\", \"tonnes\": 100, \"bestBefore\": \"" + LocalDate.now().plusDays(3) + "\"}",
				"Authorization", admin);
		assertThat(soon.statusCode()).as(soon.body()).isEqualTo(201);
		long expiring = ((Number) JsonPath.read(soon.body(), "$.lotId")).longValue();
		long request = jdbc.sql("""
				INSERT INTO reserves.release_request (country_iso3, reserve_code, commodity_code, tonnes, delivery_point,
				    need_by, tier, justification, status, requested_by)
				VALUES ('YEM', 'ALLOC-RESERVE', 'pulses', 80, 'Aden', current_date + 30, 3, 'drought', 'APPROVED', 't.focal.yem')
				RETURNING id
				""").query(Long.class).single();
		HttpResponse<String> solved = http.postJson("/api/v1/allocation/plans",
				"{\"fromApprovedRequests\": true, \"settings\": {\"shelfLifeCostPerTonneDay\": 0}}", "Authorization", analyst);
		assertThat(solved.statusCode()).as(solved.body()).isEqualTo(201);
		long id = ((Number) JsonPath.read(solved.body(), "$.id")).longValue();

		HttpResponse<String> drafted = http.postJson("/api/v1/allocation/plans/" + id + "/dispatches", "{}",
				"Authorization", analyst);

		assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(200);
		List<Map<String, Object>> drafts = jdbc.sql("""
				SELECT d.origin_hub, d.mode, l.tonnes FROM reserves.draft_dispatch d
				JOIN reserves.draft_dispatch_line l ON l.draft_id = d.id WHERE d.request_id = :r
				""").param("r", request).query().listOfRows();
		assertThat(drafts).singleElement().satisfies(d -> {
			assertThat(d.get("origin_hub")).isEqualTo("ALLOC-A");
			assertThat(d.get("mode")).isEqualTo("ROAD");
			assertThat(((java.math.BigDecimal) d.get("tonnes"))).isEqualByComparingTo("80");
		});
		assertThat(http.postJson("/api/v1/allocation/plans/" + id + "/dispatches", "{}", "Authorization", analyst)
			.statusCode()).isEqualTo(409);
		WebSession page = new WebSession(port);
		page.signIn("t.analyst", TestAccounts.PASSWORD);
		assertThat(page.get("/releases/" + request + "?lang=en").body()).contains("id=\"release-drafts\"")
			.contains("/allocation/plans/" + id).contains("Allocation plan " + id);

		HttpResponse<String> dispatched = http.postJson("/api/v1/releases/" + request + "/dispatch",
				"{\"hub\": \"ALLOC-A\", \"mode\": \"ROAD\", \"estimatedArrival\": \"" + LocalDate.now().plusDays(5) + "\"}",
				"Authorization", admin);
		assertThat(dispatched.statusCode()).as(dispatched.body()).isEqualTo(200);
		List<Long> shipped = jdbc.sql("SELECT l.lot_id FROM reserves.shipment s JOIN reserves.shipment_line l"
				+ " ON l.shipment_id = s.id WHERE s.request_id = :r").param("r", request).query(Long.class).list();
		assertThat(shipped).as("the planned lot, not the one FEFO would take").hasSize(1).doesNotContain(expiring);
		jdbc.sql("UPDATE reserves.release_request SET status = 'CLOSED' WHERE id = :r").param("r", request).update();
	}

	@Test
	void aRouteFileWithProblemsIsRefusedWholeAndAGoodOneLoadsOnce() {
		long before = jdbc.sql("SELECT count(*) FROM allocation.route").query(Long.class).single();
		String broken = """
				origin_hub,to_hub,to_point,mode,cost_per_tonne,transit_days,capacity_tonnes,open
				ALLOC-B,,ALLOC-ADEN,RAIL,12,4,,
				NO-SUCH-HUB,,ALLOC-ADEN,ROAD,10,5,,
				ALLOC-A,,ALLOC-ADEN,PLANE,10,5,,
				""";

		HttpResponse<String> refused = http.postFile("/api/v1/allocation/routes/import", "broken.csv",
				broken.getBytes(StandardCharsets.UTF_8), "Authorization", analyst);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat((List<Integer>) JsonPath.read(refused.body(), "$.problems[*].line")).containsExactly(3, 4);
		assertThat((List<String>) JsonPath.read(refused.body(), "$.problems[*].field")).containsExactly("origin_hub", "mode");
		assertThat(jdbc.sql("SELECT count(*) FROM allocation.route").query(Long.class).single()).isEqualTo(before);

		HttpResponse<String> again = http.postFile("/api/v1/allocation/routes/import", "routes.csv",
				ROUTES.getBytes(StandardCharsets.UTF_8), "Authorization", analyst);
		assertThat((Integer) JsonPath.read(again.body(), "$.unchanged")).isEqualTo(2);
		assertThat((Integer) JsonPath.read(again.body(), "$.inserted")).isZero();
	}

	@Test
	void onlyTheSecretariatPlans() {
		assertThat(http.postJson("/api/v1/allocation/plans", plan(pulses(10), ""), "Authorization", bearer("t.focal.yem"))
			.statusCode()).isEqualTo(403);
		assertThat(http.postJson("/api/v1/allocation/plans", plan(pulses(10), "")).statusCode()).isEqualTo(401);
		HttpResponse<String> bad = http.postJson("/api/v1/allocation/plans",
				plan("{\"country\": \"YEM\", \"commodity\": \"pulses\", \"tonnes\": -5, \"needBy\": \"2027-01-31\"}", ""),
				"Authorization", analyst);
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("demands[0].tonnes");
	}

}
