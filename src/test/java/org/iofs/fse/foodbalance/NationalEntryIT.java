package org.iofs.fse.foodbalance;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.support.PlatformIT;
import org.iofs.fse.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** A focal point drafts and submits Yemen's sheet; the Secretariat returns it, then validates and publishes it. */
class NationalEntryIT extends PlatformIT {

	static final String ENTRY = "/countries/YEM/food-balance/entry?year=2031";

	@Test
	void draftSubmitReturnValidateAndPublish() {
		WebSession focal = signedIn("t.focal.yem");
		WebSession analyst = signedIn("t.analyst");

		HttpResponse<String> grid = focal.get(ENTRY + "&lang=ar");
		HttpResponse<String> saved = focal.post(ENTRY, wheat("100", "50", "10", "0", "140", "140", "save"), ENTRY);

		assertThat(grid.statusCode()).isEqualTo(200);
		assertThat(grid.body()).contains("id=\"entry-grid\"").contains("name=\"v_2511_5511\"").contains("dir=\"rtl\"")
			.doesNotContain("readonly").contains("id=\"entry-submit\"");
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(focal.get(ENTRY).body()).contains("value=\"100\"").contains("data-status=\"DRAFT\"");
		assertThat(publicSheet()).doesNotContain("2511");

		focal.post(ENTRY, wheat("100", "50", "10", "0", "140", "140", "submit"), ENTRY);
		assertThat(focal.get(ENTRY).body()).contains("data-status=\"SUBMITTED\"").doesNotContain("id=\"entry-save\"");
		HttpResponse<String> lateEdit = focal.post(ENTRY, wheat("999", "50", "10", "0", "140", "140", "save"), ENTRY);
		assertThat(lateEdit.statusCode()).isEqualTo(302);
		assertThat(focal.get(ENTRY).body()).contains("alert-danger");

		analyst.post("/countries/YEM/food-balance/entry/return?year=2031", Map.of("comment", "Stock variation missing?"), ENTRY);
		assertThat(focal.get(ENTRY).body()).contains("data-status=\"RETURNED\"").contains("Stock variation missing?");

		focal.post(ENTRY, wheat("100", "50", "10", "5", "135", "135", "submit"), ENTRY);
		assertThat(analyst.get("/food-balance/review").body()).contains("YEM");
		analyst.post("/countries/YEM/food-balance/entry/validate?year=2031", Map.of(), ENTRY);

		String published = publicSheet();
		assertThat(focal.get(ENTRY).body()).contains("data-status=\"VALIDATED\"");
		List<Number> supply = JsonPath.read(published, "$.items[0].elements[?(@.elementCode == 5301)].value");
		assertThat(supply).hasSize(1);
		assertThat(supply.get(0).doubleValue()).isEqualTo(135.0);
		assertThat((String) JsonPath.read(published, "$.items[0].elements[0].status")).isEqualTo("PUBLISHED");
		assertThat(jdbc.sql("""
				SELECT count(DISTINCT action) FROM audit.audit_event WHERE entity_type = 'balance-sheet' AND entity_id = 'YEM/2031'
				""").query(Long.class).single()).isEqualTo(5);
	}

	@Test
	void anAddressWithoutAYearOpensTheYearTheCountryIsWorkingOn() {
		WebSession pakistan = signedIn("t.focal.pak");
		String entry2060 = "/countries/PAK/food-balance/entry?year=2060";
		assertThat(pakistan.post(entry2060, Map.of("v_2511_5511", "7", "step", "save"), entry2060).statusCode())
			.isEqualTo(302);

		HttpResponse<String> withoutYear = pakistan.get("/countries/PAK/food-balance/entry");

		assertThat(withoutYear.statusCode()).isEqualTo(302);
		assertThat(withoutYear.headers().firstValue("Location").orElseThrow()).endsWith("/countries/PAK/food-balance/entry?year=2060");
		// With nothing open, the year after the latest published one, at most last year.
		HttpResponse<String> chad = signedIn("t.analyst").get("/countries/TCD/food-balance/entry");
		assertThat(chad.statusCode()).isEqualTo(302);
		assertThat(chad.headers().firstValue("Location").orElseThrow()).matches(".*/countries/TCD/food-balance/entry\\?year=(19|20)\\d\\d");
	}

	@Test
	void aFocalPointCannotTouchAnotherCountrysDraft() {
		WebSession pakistan = signedIn("t.focal.pak");

		assertThat(pakistan.get("/countries/YEM/food-balance/entry?year=2032").statusCode()).isEqualTo(404);
		assertThat(pakistan.post("/countries/YEM/food-balance/entry?year=2032", wheat("1", "1", "1", "0", "1", "1", "save"),
				"/login").statusCode()).isEqualTo(403);
		assertThat(pakistan.get("/countries/PAK/food-balance/entry?year=2032").statusCode()).isEqualTo(200);
		assertThat(new WebSession(port).get("/countries/YEM/food-balance/entry?year=2032").statusCode()).isEqualTo(302);
	}

	@Test
	void refusesCellsThatAreNotNumbers() {
		WebSession focal = signedIn("t.focal.yem");

		HttpResponse<String> bad = focal.post("/countries/YEM/food-balance/entry?year=2033",
				Map.of("v_2511_5511", "a lot", "step", "save"), "/countries/YEM/food-balance/entry?year=2033");

		assertThat(bad.statusCode()).as("back to the sheet, post-redirect-get").isEqualTo(302);
		assertThat(focal.get("/countries/YEM/food-balance/entry?year=2033&lang=fr").body()).contains("alert-danger");
		assertThat(jdbc.sql("SELECT count(*) FROM foodbalance.draft_value WHERE country_iso3 = 'YEM' AND year = 2033")
			.query(Long.class).single()).isZero();
	}

	private String publicSheet() {
		return http.get("/api/v1/food-balance?country=YEM&year=2031&commodity=wheat").body();
	}

	private WebSession signedIn(String username) {
		WebSession browser = new WebSession(port);
		browser.signIn(username, TestAccounts.PASSWORD);
		return browser;
	}

	private static Map<String, String> wheat(String production, String imports, String exports, String stock,
			String supply, String food, String step) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("v_2511_5511", production);
		form.put("v_2511_5611", imports);
		form.put("v_2511_5911", exports);
		form.put("v_2511_5072", stock);
		form.put("v_2511_5301", supply);
		form.put("v_2511_5142", food);
		form.put("step", step);
		return form;
	}

}
