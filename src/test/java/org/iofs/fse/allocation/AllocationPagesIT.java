package org.iofs.fse.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.support.WebSession;
import org.junit.jupiter.api.Test;

/**
 * The allocation pages for the Secretariat: a plan solved from the form, its page (summary, map data, lines,
 * downloads), a what-if from that page compared with it, the network page with a route file refused line by line;
 * and nobody else gets in.
 */
class AllocationPagesIT extends AllocationNetworkIT {

	WebSession signedIn(String user) {
		WebSession session = new WebSession(port);
		session.signIn(user, TestAccounts.PASSWORD);
		return session;
	}

	@Test
	void aPlanFromTheFormItsWhatIfAndTheirComparison() {
		WebSession analyst = signedIn("t.analyst");
		assertThat(analyst.get("/allocation?lang=en").body()).contains("id=\"plan-form\"");

		HttpResponse<String> solved = analyst.post("/allocation/plans", Map.of("country", "YEM", "commodity", "pulses",
				"tonnes", "150", "needBy", LocalDate.now().plusDays(30).toString(), "priority", "3", "maxTransitDays", "45",
				"transshipment", "true", "label", "from the form"), "/allocation");
		assertThat(solved.statusCode()).as(solved.body()).isEqualTo(302);
		String page = URI.create(solved.headers().firstValue("Location").orElseThrow()).getPath();

		String plan = analyst.get(page + "?lang=en").body();
		assertThat(plan).contains("id=\"plan-summary\"").contains("Optimal (proven)").contains("id=\"lines-table\"")
			.contains("ALLOC-A").contains("ALLOC-B").contains("id=\"plan-map\"");
		assertThat(analyst.get(page + "/flows").body()).contains("\"hub\":\"ALLOC-A\"").contains("\"point\":\"ALLOC-ADEN\"");
		assertThat(analyst.get(page + "/model.mps").body()).contains("ROWS").contains("COLUMNS");
		assertThat(analyst.get(page + "/solution.txt").body()).startsWith("status OPTIMAL");
		// The what-if picks routes and hubs from lists: the plan's own routes, named by where they go.
		assertThat(plan).containsPattern("id=\"whatif-routes\"[^>]*multiple")
			.containsPattern("<option value=\"\\d+\">[^<]+ → [^<]+\\(Road, route \\d+\\)</option>")
			.containsPattern("id=\"whatif-hubs\"[^>]*multiple[^>]*>\\s*<option value=\"ALLOC-[AB]\"");
		HttpResponse<String> csv = analyst.get(page + "/lines.csv");
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(csv.body()).contains("plan,line,demand,release_request,iso3,country,commodity_code")
			.contains(",YEM,Yemen,").contains("ALLOC-A");
		assertThat(csv.body().lines().count()).as("a header and one row per plan line")
			.isEqualTo(1 + jdbc.sql("SELECT count(*) FROM allocation.plan_line WHERE plan_id = :id")
				.param("id", Long.parseLong(page.substring(page.lastIndexOf('/') + 1))).query(Long.class).single());
		assertThat(analyst.get(page + "/lines.xlsx").body()).startsWith("PK");

		HttpResponse<String> whatIf = analyst.post(page + "/what-if", Map.of("emptyHubs", "ALLOC-A", "label", "A empty"),
				page);
		assertThat(whatIf.statusCode()).as(whatIf.body()).isEqualTo(302);
		String compared = analyst.get(URI.create(whatIf.headers().firstValue("Location").orElseThrow()).getPath()
				+ "?lang=ar").body();
		assertThat(compared).contains("dir=\"rtl\"").contains("id=\"comparison\"").contains("text-danger")
			.contains("لا يمكن أن يصل في الموعد مخزون كافٍ");
	}

	@Test
	void theNetworkPageRefusesABrokenRouteFileLineByLine() {
		WebSession analyst = signedIn("t.analyst");
		assertThat(analyst.get("/allocation/network?hub=ALLOC-A&lang=en").body()).contains("id=\"routes-table\"")
			.contains("ALLOC-ADEN");

		HttpResponse<String> refused = analyst.postFile("/allocation/network/routes/import", "broken.csv", """
				origin_hub,to_hub,to_point,mode,cost_per_tonne,transit_days,capacity_tonnes,open
				ALLOC-A,,ALLOC-ADEN,ROAD,ten,5,,
				""".getBytes(StandardCharsets.UTF_8), "/allocation/network");

		// Post, redirect, get: the report is on the page the upload leads to, and a reload does not load again.
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(analyst.get(URI.create(refused.headers().firstValue("Location").orElseThrow()).getPath()).body())
			.contains("id=\"route-import-report\"").contains("alert-danger").contains("Line 2, column cost_per_tonne");

		HttpResponse<String> point = analyst.post("/allocation/network/points", Map.of("code", "ALLOC-HODEIDAH",
				"country", "YEM", "name", "Hodeidah", "kind", "PORT", "latitude", "14.8", "longitude", "42.95"),
				"/allocation/network");
		assertThat(point.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT main FROM allocation.delivery_point WHERE code = 'ALLOC-HODEIDAH'").query(Boolean.class)
			.single()).as("Aden stays the main point of Yemen").isFalse();
	}

	@Test
	void onlyTheSecretariatSeesThePlans() {
		assertThat(signedIn("t.focal.yem").get("/allocation").statusCode()).isEqualTo(403);
		assertThat(signedIn("t.hub").get("/allocation/network").statusCode()).isEqualTo(403);
	}

}
