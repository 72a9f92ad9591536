package org.iofs.fse.projects;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import org.iofs.fse.support.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Secretariat records projects; visitors read the published ones; a project that breaks a rule is refused
 * naming the field with nothing stored; and the IATI export is valid against the official 2.03 schema, uses only
 * codes of IATI's codelists and keeps the rules the schema leaves out.
 */
class ProjectsIT extends PlatformIT {

	@Test
	void theExportIsValidIati203WithKnownCodesAndIatisOwnRules() throws Exception {
		String analyst = bearer("t.analyst");
		String code = "WHEAT-" + (System.nanoTime() % 1_000_000);
		HttpResponse<String> created = http.postJson("/api/v1/projects", project(code, """
				[{"code": "SEN", "percentage": 40}, {"code": "MLI", "percentage": 35.5}, {"code": "NER", "percentage": 24.5}]""",
				"""
				[{"code": "31161", "percentage": 70}, {"code": "43071", "percentage": 30}]""",
				LocalDate.now().minusMonths(6), LocalDate.now().plusYears(3), true), "Authorization", analyst);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = ((Number) JsonPath.read(created.body(), "$.id")).longValue();
		assertThat((Integer) JsonPath.read(created.body(), "$.iatiStatus")).isEqualTo(2);
		http.postJson("/api/v1/projects", project(code + "-DRAFT", "[{\"code\": \"YEM\", \"percentage\": 100}]",
				"[{\"code\": \"52010\", \"percentage\": 100}]", null, LocalDate.now().plusYears(1), false),
				"Authorization", analyst);

		YearMonth month = YearMonth.now();
		HttpResponse<String> rates = http.postText("/api/v1/projects/fx-rates?fileName=rates.csv",
				"currency,month,usd_per_unit\nEUR," + month + ",1.08\nSAR," + month + ",0.26666667\n", "text/csv",
				"Authorization", analyst);
		assertThat(rates.statusCode()).as(rates.body()).isEqualTo(200);
		HttpResponse<String> again = http.postText("/api/v1/projects/fx-rates?fileName=rates.csv",
				"currency,month,usd_per_unit\nEUR," + month + ",1.08\n", "text/csv", "Authorization", analyst);
		assertThat((Integer) JsonPath.read(again.body(), "$.changed")).as("the same rates again change nothing")
			.isZero();
		HttpResponse<String> bad = http.postText("/api/v1/projects/fx-rates?fileName=bad.csv",
				"currency,month,usd_per_unit\nGBP," + month + ",1.27\nJPY," + month + ",-1\n", "text/csv",
				"Authorization", analyst);
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("bad.csv line 3").contains("usd_per_unit");
		assertThat(jdbc.sql("SELECT count(*) FROM projects.fx_rate WHERE currency = 'GBP'").query(Long.class).single())
			.as("nothing of a refused file is stored").isZero();
		String path = "/api/v1/projects/" + id + "/transactions";
		HttpResponse<String> committed = http.postJson(path, transaction(2, "EUR", "1000000.00", "MURABAHA"),
				"Authorization", analyst);
		assertThat(committed.statusCode()).as(committed.body()).isEqualTo(201);
		assertThat((Double) JsonPath.read(committed.body(), "$.valueUsd")).isEqualTo(1_080_000.0);
		assertThat((String) JsonPath.read(committed.body(), "$.financeType")).isEqualTo("421");
		http.postJson(path, transaction(3, "USD", "250000", "GRANT"), "Authorization", analyst);
		HttpResponse<String> negative = http.postJson(path, transaction(3, "USD", "-5", "GRANT"), "Authorization",
				analyst);
		assertThat(negative.statusCode()).isEqualTo(400);
		assertThat(negative.body()).contains("value");
		HttpResponse<String> noRate = http.postJson(path, transaction(3, "XOF", "5000", "GRANT"), "Authorization",
				analyst);
		assertThat(noRate.statusCode()).isEqualTo(400);
		assertThat(noRate.body()).contains("currency");
		List<Map<String, Object>> byProject = JsonPath.read(http.get("/api/v1/projects/financing?by=project").body(),
				"$[?(@.group == '" + code + "')]");
		assertThat(byProject).singleElement().satisfies(row -> {
			assertThat(((Number) row.get("committedUsd")).doubleValue()).isEqualTo(1_080_000.0);
			assertThat(((Number) row.get("disbursedUsd")).doubleValue()).isEqualTo(250_000.0);
		});

		HttpResponse<String> file = http.get("/api/v1/projects/iati-activities.xml");
		assertThat(file.statusCode()).isEqualTo(200);
		String xml = file.body();
		IatiChecks.validate(new StreamSource(new StringReader(xml)));
		Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
			.parse(new org.xml.sax.InputSource(new StringReader(xml)));
		assertThat(xml).contains(code).doesNotContain(code + "-DRAFT");
		// A fresh database holds the demo portfolio (a reused one may have had projects before it): exported and
		// checked with the rest.
		for (String demo : jdbc.sql("SELECT code FROM projects.project WHERE demo").query(String.class).list()) {
			assertThat(xml).contains("XI-IOFS-" + demo);
		}

		IatiChecks.assertCodes(document, "activity-status", "code", "ActivityStatus");
		IatiChecks.assertCodes(document, "activity-date", "type", "ActivityDateType");
		IatiChecks.assertCodes(document, "recipient-country", "code", "Country");
		IatiChecks.assertCodes(document, "sector", "code", "Sector");
		IatiChecks.assertCodes(document, "sector", "vocabulary", "SectorVocabulary");
		IatiChecks.assertCodes(document, "participating-org", "role", "OrganisationRole");
		IatiChecks.assertCodes(document, "participating-org", "type", "OrganisationType");
		IatiChecks.assertCodes(document, "reporting-org", "type", "OrganisationType");
		IatiChecks.assertCodes(document, "transaction-type", "code", "TransactionType");
		IatiChecks.assertCodes(document, "finance-type", "code", "FinanceType");
		IatiChecks.assertCodes(document, "tag", "vocabulary", "TagVocabulary");
		IatiChecks.assertCodes(document, "value", "currency", "Currency");

		IatiChecks.assertRules(document, LocalDate.now());
		assertThat(http.get("/api/v1/projects/" + id + "/iati-activity.xml").body()).contains(code);
		assertThat(http.get("/projects?lang=ar&sector=31161").body()).contains("data-project=\"" + code + "\"")
			.contains("عنقود القمح في الساحل");
		assertThat(http.get("/projects?stage=EVALUATION").body()).doesNotContain("data-project=\"" + code + "\"");
		assertThat(http.get("/countries/MLI/projects?lang=fr").body()).contains("id=\"tab-projects\"")
			.contains("data-project=\"" + code + "\"").contains("Grappe du blé au Sahel");
		assertThat(http.get("/countries/OMN/projects").body()).doesNotContain("data-project=\"" + code + "\"");
		assertThat(http.get("/projects/" + id + "?lang=fr").body()).contains("id=\"project-transactions\"")
			.contains("Mourabaha").containsPattern("1.080.000");
		List<String> listed = JsonPath.read(http.get("/api/v1/projects/sectors").body(), "$[*].code");
		assertThat(listed).as("the platform's sectors are IATI's").isNotEmpty().allMatch(IatiChecks.codes("Sector")::contains);
	}

	@Test
	void aProjectThatBreaksARuleIsRefusedNamingTheFieldAndNothingIsStored() {
		String analyst = bearer("t.analyst");
		long before = jdbc.sql("SELECT count(*) FROM projects.project").query(Long.class).single();
		String code = "BAD-" + (System.nanoTime() % 1_000_000);
		Map<String, String> refusals = Map.of(
				project(code, "[{\"code\": \"SEN\", \"percentage\": 60}, {\"code\": \"MLI\", \"percentage\": 30}]",
						"[{\"code\": \"31161\", \"percentage\": 100}]", null, null, true), "countries",
				project(code, "[{\"code\": \"SEN\", \"percentage\": 100}]", "[{\"code\": \"99999\", \"percentage\": 100}]",
						null, null, true), "sectors[0].code",
				project(code, "[{\"code\": \"SEN\", \"percentage\": 100}]", "[{\"code\": \"31161\", \"percentage\": 100}]",
						LocalDate.now().plusDays(3), null, true), "actualStart",
				project(code, "[{\"code\": \"XXX\", \"percentage\": 100}]", "[{\"code\": \"31161\", \"percentage\": 100}]",
						null, null, true), "countries[0].code");
		refusals.forEach((body, field) -> {
			HttpResponse<String> refused = http.postJson("/api/v1/projects", body, "Authorization", analyst);
			assertThat(refused.statusCode()).as(field).isEqualTo(400);
			assertThat(refused.body()).as(field).contains(field);
		});
		HttpResponse<String> late = http.postJson("/api/v1/projects", project(code, "[{\"code\": \"SEN\", \"percentage\": 100}]",
				"[{\"code\": \"31161\", \"percentage\": 100}]", null, LocalDate.now().minusYears(30), true),
				"Authorization", analyst);
		assertThat(late.statusCode()).isEqualTo(400);
		assertThat(late.body()).contains("plannedEnd");
		assertThat(jdbc.sql("SELECT count(*) FROM projects.project").query(Long.class).single()).isEqualTo(before);
		assertThat(http.postJson("/api/v1/projects", project(code, "[{\"code\": \"SEN\", \"percentage\": 100}]",
				"[{\"code\": \"31161\", \"percentage\": 100}]", null, null, true), "Authorization", bearer("t.focal.yem"))
			.statusCode()).as("a focal point proposes, the Secretariat records").isEqualTo(403);
	}

	@Test
	void anUnpublishedProjectIsSeenByTheSecretariatAndItsMembersFocalPointsOnly() {
		String code = "DRAFT-" + (System.nanoTime() % 1_000_000);
		HttpResponse<String> created = http.postJson("/api/v1/projects", project(code,
				"[{\"code\": \"YEM\", \"percentage\": 100}]", "[{\"code\": \"72040\", \"percentage\": 100}]", null, null,
				false), "Authorization", bearer("t.analyst"));
		long id = ((Number) JsonPath.read(created.body(), "$.id")).longValue();
		String path = "/api/v1/projects/" + id;
		assertThat(http.get(path).statusCode()).isEqualTo(404);
		assertThat(http.get(path, "Authorization", bearer("t.focal.pak")).statusCode()).isEqualTo(404);
		assertThat(http.get(path, "Authorization", bearer("t.focal.yem")).statusCode()).isEqualTo(200);
		assertThat(http.get(path, "Authorization", bearer("t.analyst")).statusCode()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action = 'projects.project-created' "
				+ "AND entity_id = :id").param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(1);
	}

	static String transaction(int type, String currency, String value, String mode) {
		return """
				{"type": %d, "date": "%s", "currency": "%s", "value": %s, "financierName": "Islamic Development Bank",
				 "financierRef": "XM-DAC-46025", "financierType": "40", "mode": "%s"}
				""".formatted(type, LocalDate.now().withDayOfMonth(1), currency, value, mode);
	}

	static String project(String code, String countries, String sectors, LocalDate actualStart,
			LocalDate plannedEnd, boolean published) {
		return """
				{"code": "%s", "titleEn": "Sahel wheat cluster", "titleAr": "عنقود القمح في الساحل",
				 "titleFr": "Grappe du blé au Sahel", "descriptionEn": "Seed, storage and milling for wheat.",
				 "descriptionAr": "البذور والتخزين والطحن للقمح.", "descriptionFr": "Semences, stockage et meunerie du blé.",
				 "kind": "REGIONAL_CLUSTER", "stage": "%s", "valueChainStage": "PRODUCTION", "commodities": ["wheat"],
				 "countries": %s, "sectors": %s,
				 "organisations": [{"name": "Islamic Development Bank", "ref": "XM-DAC-46025", "role": 1, "type": "40"},
				                   {"name": "Islamic Organization for Food Security", "role": 3, "type": "40"}],
				 "plannedStart": "%s", "plannedEnd": %s, "actualStart": %s, "published": %s}
				""".formatted(code, actualStart == null ? "APPRAISAL" : "IMPLEMENTATION", countries, sectors,
				LocalDate.now().minusYears(1), plannedEnd == null ? "null" : "\"" + plannedEnd + "\"",
				actualStart == null ? "null" : "\"" + actualStart + "\"", published);
	}

}
