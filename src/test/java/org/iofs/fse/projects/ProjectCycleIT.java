package org.iofs.fse.projects;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import org.iofs.fse.foodbalance.FaostatImportIT;
import org.iofs.fse.projects.internal.ProjectResults;
import org.iofs.fse.support.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project through its cycle: results measured from the platform's own data (the Food Balance Database, a hub's
 * capacity) against their targets; budgets, planned disbursements, locations and documents kept and published;
 * the investment pipeline from an investor's interest to a commitment; every IATI file valid.
 */
class ProjectCycleIT extends PlatformIT {

	@Test
	void linkedIndicatorsAreMeasuredFromThePlatformsDataAndEnteredActualsOnlyWhereNoneIsLinked() throws Exception {
		String analyst = bearer("t.analyst");
		String admin = bearer("t.admin");
		assertThat(http.postFile("/api/v1/imports/faostat", "sample.csv", Files.readAllBytes(FaostatImportIT.SAMPLE),
				"Authorization", analyst).statusCode()).isEqualTo(200);
		assertThat(http.putJson("/api/v1/hubs/RESULT-HUB", """
				{"name": "Alexandria silo", "kind": "SILO", "country": "EGY", "latitude": 31.2, "longitude": 29.9,
				 "capacities": {"wheat": 20000, "rice": 15000}}
				""", "Authorization", admin).statusCode()).isEqualTo(200);
		long id = create("RESULTS-" + (System.nanoTime() % 1_000_000), "[{\"code\": \"EGY\", \"percentage\": 100}]",
				"[]", null, analyst);
		int thisYear = LocalDate.now().getYear();
		String path = "/api/v1/projects/" + id + "/results";

		HttpResponse<String> typed = http.putJson(path, """
				[{"titleEn": "Wheat self-sufficiency", "titleAr": "الاكتفاء الذاتي من القمح", "titleFr": "Autosuffisance en blé",
				  "link": "SELF_SUFFICIENCY", "linkCountry": "EGY", "linkCommodity": "wheat", "baselineYear": 2014,
				  "baselineValue": 44, "periods": [{"year": 2015, "target": 50, "actual": 49}]}]
				""", "Authorization", analyst);
		assertThat(typed.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(typed.body(), "$.field")).isEqualTo("indicators[0].periods[0].actual");
		HttpResponse<String> wrongUnit = http.putJson(path, """
				[{"titleEn": "Capacity", "titleAr": "السعة", "titleFr": "Capacité", "link": "HUB_CAPACITY",
				  "linkHub": "RESULT-HUB", "unit": "PERCENT", "baselineYear": 2024, "baselineValue": 0, "periods": []}]
				""", "Authorization", analyst);
		assertThat((String) JsonPath.read(wrongUnit.body(), "$.field")).isEqualTo("indicators[0].unit");
		assertThat(http.putJson(path, "[]", "Authorization", bearer("t.focal.yem")).statusCode()).isEqualTo(403);

		HttpResponse<String> set = http.putJson(path, """
				[{"resultType": 3, "titleEn": "Wheat self-sufficiency", "titleAr": "الاكتفاء الذاتي من القمح",
				  "titleFr": "Autosuffisance en blé", "link": "SELF_SUFFICIENCY", "linkCountry": "EGY",
				  "linkCommodity": "wheat", "baselineYear": 2014, "baselineValue": 44.55,
				  "periods": [{"year": 2015, "target": 46}, {"year": 2016, "target": 48}]},
				 {"resultType": 2, "titleEn": "Wheat production", "titleAr": "إنتاج القمح", "titleFr": "Production de blé",
				  "link": "PRODUCTION", "linkCountry": "EGY", "linkCommodity": "wheat", "baselineYear": 2015,
				  "baselineValue": 9612, "periods": [{"year": 2016, "target": 9800}]},
				 {"resultType": 1, "titleEn": "Storage capacity built", "titleAr": "سعة التخزين المنشأة",
				  "titleFr": "Capacité de stockage construite", "link": "HUB_CAPACITY", "linkHub": "result-hub",
				  "baselineYear": %d, "baselineValue": 0, "periods": [{"year": %d, "target": 40000}]},
				 {"resultType": 1, "titleEn": "Farmers trained", "titleAr": "المزارعون المدربون", "titleFr": "Agriculteurs formés",
				  "unit": "COUNT", "baselineYear": %d, "baselineValue": 0,
				  "periods": [{"year": %d, "target": 1000, "actual": 800}, {"year": %d, "target": 2000}]}]
				""".formatted(thisYear - 1, thisYear, thisYear - 1, thisYear, thisYear + 1), "Authorization", analyst);
		assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
		String results = http.get(path).body();
		// Egypt's wheat in the FAOSTAT sample: P × 100 / (P + I − E) = 8,804 × 100 / 19,762 in 2014 and
		// 9,612 × 100 / 19,990 in 2015; production 9,344 thousand tonnes in 2016.
		assertThat(actual(results, 0, 2014)).isEqualTo(44.55);
		assertThat(actual(results, 0, 2015)).isEqualTo(48.08);
		assertThat(actual(results, 0, 2016)).isEqualTo(46.29);
		assertThat((List<String>) JsonPath.read(results, "$[0].periods[?(@.year == 2015)].actualSource"))
			.containsExactly("MEASURED");
		assertThat(actual(results, 1, 2016)).isEqualTo(9344.0);
		assertThat((List<Object>) JsonPath.read(results, "$[1].periods[?(@.year == 2014)]"))
			.as("nothing measured before the baseline").isEmpty();
		assertThat((String) JsonPath.read(results, "$[1].unit")).isEqualTo("THOUSAND_TONNES");
		assertThat(actual(results, 2, thisYear)).isEqualTo(35000.0);
		assertThat(actual(results, 3, thisYear)).isEqualTo(800.0);
		assertThat((List<String>) JsonPath.read(results, "$[3].periods[?(@.year == " + thisYear + ")].actualSource"))
			.containsExactly("ENTERED");

		// The hub grows; the next measurement reads it.
		http.putJson("/api/v1/hubs/RESULT-HUB", """
				{"name": "Alexandria silo", "kind": "SILO", "country": "EGY", "latitude": 31.2, "longitude": 29.9,
				 "capacities": {"wheat": 30000, "rice": 15000}}
				""", "Authorization", admin);
		context.getBean(ProjectResults.class).measure(null);
		assertThat(actual(http.get(path).body(), 2, thisYear)).isEqualTo(45000.0);

		String page = http.get("/projects/" + id + "?lang=ar").body();
		assertThat(page).contains("id=\"project-results\"").contains("الاكتفاء الذاتي من القمح")
			.contains("data-indicator-chart");
		String xml = http.get("/api/v1/projects/" + id + "/iati-activity.xml").body();
		IatiChecks.validate(new StreamSource(new StringReader(xml)));
		Document document = parse(xml);
		IatiChecks.assertRules(document, LocalDate.now());
		assertThat(document.getElementsByTagName("result").getLength()).isEqualTo(4);
		assertThat(xml).contains("<baseline year=\"2014\" value=\"44.55\"").contains("<actual value=\"48.08\"");
		// ResultType and IndicatorMeasure are not among the codelists held here: their codes from IATI's reference.
		assertThat(xml).contains("<result type=\"3\"").contains("<indicator measure=\"2\"")
			.contains("<indicator measure=\"1\"");
	}

	@Test
	void budgetsLocationsAndDocumentsAreKeptCheckedAndPublished() throws Exception {
		String analyst = bearer("t.analyst");
		String code = "BUDGET-" + (System.nanoTime() % 1_000_000);
		String elsewhere = """
				[{"names": {"en": "Dakar port", "ar": "ميناء داكار", "fr": "Port de Dakar"}, "country": "SEN",
				  "latitude": 14.68, "longitude": -17.43}]""";
		HttpResponse<String> outside = http.postJson("/api/v1/projects", body(code, "[{\"code\": \"MLI\", \"percentage\": 100}]",
				elsewhere, null), "Authorization", analyst);
		assertThat((String) JsonPath.read(outside.body(), "$.field")).isEqualTo("locations[0].country");
		long id = create(code, "[{\"code\": \"MLI\", \"percentage\": 60}, {\"code\": \"SEN\", \"percentage\": 40}]",
				elsewhere, null, analyst);
		YearMonth month = YearMonth.now();
		http.postText("/api/v1/projects/fx-rates?fileName=rates.csv", "currency,month,usd_per_unit\nMYR," + month
				+ ",0.22\n", "text/csv", "Authorization", analyst);
		String path = "/api/v1/projects/" + id + "/budgets";
		LocalDate start = LocalDate.now().withDayOfYear(1);
		HttpResponse<String> tooLong = http.putJson(path, """
				[{"kind": "BUDGET", "periodStart": "%s", "periodEnd": "%s", "currency": "USD", "value": 1000}]
				""".formatted(start, start.plusYears(1)), "Authorization", analyst);
		assertThat((String) JsonPath.read(tooLong.body(), "$.field")).isEqualTo("budgets[0].periodEnd");
		HttpResponse<String> noRate = http.putJson(path, """
				[{"kind": "BUDGET", "periodStart": "%s", "periodEnd": "%s", "currency": "GHS", "value": 1000}]
				""".formatted(start, start.plusMonths(11)), "Authorization", analyst);
		assertThat((String) JsonPath.read(noRate.body(), "$.field")).isEqualTo("budgets[0].currency");
		HttpResponse<String> set = http.putJson(path, """
				[{"kind": "BUDGET", "status": 2, "periodStart": "%s", "periodEnd": "%s", "currency": "USD", "value": 2500000},
				 {"kind": "BUDGET", "periodStart": "%s", "periodEnd": "%s", "currency": "USD", "value": 3000000},
				 {"kind": "PLANNED_DISBURSEMENT", "periodStart": "%s", "periodEnd": "%s", "currency": "MYR",
				  "value": 4500000, "financierName": "Islamic Development Bank", "financierType": "40"}]
				""".formatted(start, start.plusYears(1).minusDays(1), start.plusYears(1), start.plusYears(2).minusDays(1),
				start.plusYears(1), start.plusYears(1).plusMonths(3).minusDays(1)), "Authorization", analyst);
		assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
		assertThat((List<Double>) JsonPath.read(set.body(), "$[?(@.kind == 'PLANNED_DISBURSEMENT')].valueUsd"))
			.as("a month still to come is valued at the latest rate held").containsExactly(990000.0);

		byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		String documents = "/api/v1/projects/" + id + "/documents?titleEn=Appraisal%20report&titleAr=%D8%AA%D9%82%D8%B1%D9%8A%D8%B1"
				+ "&titleFr=Rapport%20d%27%C3%A9valuation&category=A01&date=" + LocalDate.now().minusDays(3);
		HttpResponse<String> notPdf = http.postBytes(documents, "hello".getBytes(StandardCharsets.US_ASCII),
				"application/octet-stream", "Authorization", analyst);
		assertThat((String) JsonPath.read(notPdf.body(), "$.field")).isEqualTo("document");
		HttpResponse<String> added = http.postBytes(documents, pdf, "application/pdf", "Authorization", analyst);
		assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
		long document = ((Number) JsonPath.read(added.body(), "$.id")).longValue();
		assertThat(((Number) JsonPath.read(http.postBytes(documents, pdf, "application/pdf", "Authorization", analyst)
			.body(), "$.id")).longValue()).as("the same file twice is one document").isEqualTo(document);
		assertThat(http.postBytes(documents, pdf, "application/pdf", "Authorization", bearer("t.company"))
			.statusCode()).isEqualTo(403);
		HttpResponse<String> file = http.get("/api/v1/projects/" + id + "/documents/" + document);
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");

		String xml = http.get("/api/v1/projects/" + id + "/iati-activity.xml").body();
		IatiChecks.validate(new StreamSource(new StringReader(xml)));
		Document parsed = parse(xml);
		IatiChecks.assertRules(parsed, LocalDate.now());
		IatiChecks.assertCodes(parsed, "budget", "type", "BudgetType");
		IatiChecks.assertCodes(parsed, "budget", "status", "BudgetStatus");
		IatiChecks.assertCodes(parsed, "category", "code", "DocumentCategory");
		assertThat(parsed.getElementsByTagName("planned-disbursement").getLength()).isEqualTo(1);
		assertThat(xml).contains("<pos>14.68000 -17.43000</pos>")
			.contains("/api/v1/projects/" + id + "/documents/" + document);
		String page = http.get("/projects/" + id + "?lang=fr").body();
		assertThat(page).contains("id=\"project-budgets\"").contains("id=\"project-documents\"")
			.contains("Rapport d&#39;évaluation").contains("Port de Dakar")
			.contains("Organisation islamique pour la sécurité alimentaire");
		assertThat(http.get("/projects/" + id + "?lang=ar").body()).contains("المنظمة الإسلامية للأمن الغذائي");
		assertThat(xml).contains("<narrative xml:lang=\"fr\">Organisation islamique pour la sécurité alimentaire</narrative>");
	}

	@Test
	void anInvestorsInterestMovesThroughDueDiligenceAndATermSheetToACommitment() {
		String analyst = bearer("t.analyst");
		String financier = bearer("t.financier");
		long id = create("SEEKING-" + (System.nanoTime() % 1_000_000), "[{\"code\": \"YEM\", \"percentage\": 100}]",
				"[]", "10000000", analyst);
		assertThat(http.postJson("/api/v1/projects/" + id + "/transactions", ProjectsIT.transaction(2, "USD", "2000000",
				"GRANT"), "Authorization", analyst).statusCode()).isEqualTo(201);
		assertThat(gap(id)).isEqualTo(8_000_000.0);

		String interest = "/api/v1/projects/" + id + "/interest";
		String offer = "{\"amountUsd\": 3000000, \"mode\": \"MUSHARAKA\", \"note\": \"Equity for the mills\"}";
		assertThat(http.postJson(interest, offer, "Authorization", bearer("t.focal.yem")).statusCode()).isEqualTo(403);
		assertThat(http.postJson(interest, offer).statusCode()).isEqualTo(401);
		HttpResponse<String> opened = http.postJson(interest, offer, "Authorization", financier);
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		long opportunity = ((Number) JsonPath.read(opened.body(), "$.id")).longValue();
		assertThat(http.postJson(interest, offer, "Authorization", financier).statusCode())
			.as("one open opportunity per investor").isEqualTo(409);
		HttpResponse<String> badMode = http.postJson(interest, "{\"amountUsd\": 5, \"mode\": \"RIBA\"}", "Authorization",
				bearer("t.company"));
		assertThat((String) JsonPath.read(badMode.body(), "$.field")).isEqualTo("mode");
		assertThat(http.postJson(interest, "{\"amountUsd\": 1000000, \"mode\": \"MURABAHA\"}", "Authorization",
				bearer("t.company")).statusCode()).isEqualTo(201);

		assertThat((List<Integer>) JsonPath.read(http.get("/api/v1/projects/opportunities", "Authorization", financier)
			.body(), "$[?(@.project == " + id + ")].id")).as("an investor sees its own").containsExactly((int) opportunity);
		assertThat((List<Integer>) JsonPath.read(http.get("/api/v1/projects/opportunities", "Authorization", analyst)
			.body(), "$[?(@.project == " + id + ")].id")).as("the Secretariat sees all").hasSize(2);
		assertThat(http.get("/api/v1/projects/opportunities", "Authorization", bearer("t.focal.yem")).statusCode())
			.isEqualTo(403);

		String steps = "/api/v1/projects/opportunities/" + opportunity + "/steps";
		assertThat(http.postJson(steps, "{\"status\": \"COMMITTED\"}", "Authorization", analyst).statusCode())
			.as("no commitment before due diligence and a term sheet").isEqualTo(409);
		assertThat(http.postJson(steps, "{\"status\": \"DUE_DILIGENCE\"}", "Authorization", financier).statusCode())
			.isEqualTo(403);
		assertThat(http.postJson(steps, "{\"status\": \"DUE_DILIGENCE\"}", "Authorization", analyst).statusCode())
			.isEqualTo(200);
		assertThat(http.postJson(steps, "{\"status\": \"TERM_SHEET\", \"note\": \"Five-year musharaka\"}",
				"Authorization", analyst).statusCode()).isEqualTo(200);
		HttpResponse<String> committed = http.postJson(steps, "{\"status\": \"COMMITTED\"}", "Authorization", analyst);
		assertThat(committed.statusCode()).as(committed.body()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(committed.body(), "$.transaction")).isNotNull();
		List<Map<String, Object>> commitments = JsonPath.read(http.get("/api/v1/projects/" + id + "/transactions").body(),
				"$[?(@.type == 2 && @.mode == 'MUSHARAKA')]");
		assertThat(commitments).singleElement().satisfies(t -> {
			assertThat(((Number) t.get("valueUsd")).doubleValue()).isEqualTo(3_000_000.0);
			assertThat(t.get("financeType")).isEqualTo("510");
		});
		assertThat(gap(id)).isEqualTo(5_000_000.0);
		assertThat(jdbc.sql("SELECT count(*) FROM projects.opportunity_step WHERE opportunity_id = :id")
			.param("id", opportunity).query(Long.class).single()).isEqualTo(4);
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action = 'projects.opportunity-moved' "
				+ "AND entity_id = :id").param("id", Long.toString(opportunity)).query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void aFocalPointProposesAnUpdateToItsMembersProjectAndTheSecretariatDecides() {
		String analyst = bearer("t.analyst");
		String focal = bearer("t.focal.yem");
		long id = create("PROPOSED-" + (System.nanoTime() % 1_000_000), "[{\"code\": \"YEM\", \"percentage\": 100}]",
				"[]", null, analyst);
		String path = "/api/v1/projects/" + id + "/proposals";
		String proposal = "{\"topic\": \"STAGE\", \"text\": \"The silos were handed over in November.\"}";
		assertThat(http.postJson(path, proposal, "Authorization", bearer("t.focal.pak")).statusCode()).isEqualTo(403);
		assertThat(http.postJson(path, proposal, "Authorization", bearer("t.company")).statusCode()).isEqualTo(403);
		HttpResponse<String> noText = http.postJson(path, "{\"topic\": \"STAGE\", \"text\": \" \"}", "Authorization",
				focal);
		assertThat((String) JsonPath.read(noText.body(), "$.field")).isEqualTo("text");
		HttpResponse<String> proposed = http.postJson(path, proposal, "Authorization", focal);
		assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
		assertThat((String) JsonPath.read(proposed.body(), "$.country")).isEqualTo("YEM");
		long proposalId = ((Number) JsonPath.read(proposed.body(), "$.id")).longValue();
		assertThat((List<Object>) JsonPath.read(http.get(path, "Authorization", focal).body(), "$[*]")).hasSize(1);
		assertThat(http.get(path, "Authorization", bearer("t.focal.pak")).statusCode()).isEqualTo(403);
		assertThat(http.get(path).statusCode()).isIn(401, 403);
		String decision = "/api/v1/projects/proposals/" + proposalId + "/decision";
		assertThat(http.postJson(decision, "{\"accept\": true}", "Authorization", focal).statusCode()).isEqualTo(403);
		HttpResponse<String> accepted = http.postJson(decision, "{\"accept\": true, \"reply\": \"Stage moved.\"}",
				"Authorization", analyst);
		assertThat((String) JsonPath.read(accepted.body(), "$.status")).isEqualTo("ACCEPTED");
		assertThat(http.postJson(decision, "{\"accept\": false}", "Authorization", analyst).statusCode())
			.isEqualTo(409);
	}

	private double gap(long id) {
		List<Number> gaps = JsonPath.read(http.get("/api/v1/projects/seeking-finance").body(),
				"$[?(@.project == " + id + ")].gapUsd");
		assertThat(gaps).hasSize(1);
		return gaps.get(0).doubleValue();
	}

	private long create(String code, String countries, String locations, String seekingUsd, String analyst) {
		HttpResponse<String> created = http.postJson("/api/v1/projects", body(code, countries, locations, seekingUsd),
				"Authorization", analyst);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return ((Number) JsonPath.read(created.body(), "$.id")).longValue();
	}

	private static String body(String code, String countries, String locations, String seekingUsd) {
		return """
				{"code": "%s", "titleEn": "Grain value chain", "titleAr": "سلسلة قيمة الحبوب",
				 "titleFr": "Chaîne de valeur des céréales", "descriptionEn": "Storage and milling.",
				 "descriptionAr": "التخزين والطحن.", "descriptionFr": "Stockage et meunerie.",
				 "kind": "NATIONAL_PROJECT", "stage": "APPRAISAL", "valueChainStage": "STORAGE", "commodities": ["wheat"],
				 "countries": %s, "sectors": [{"code": "31161", "percentage": 100}], "locations": %s,
				 "organisations": [{"name": "Islamic Organization for Food Security", "role": 3, "type": "40",
				                    "nameAr": "المنظمة الإسلامية للأمن الغذائي",
				                    "nameFr": "Organisation islamique pour la sécurité alimentaire"}],
				 "plannedStart": "%s", "seekingUsd": %s, "published": true}
				""".formatted(code, countries, locations, LocalDate.now().plusMonths(2), seekingUsd == null ? "null"
						: seekingUsd);
	}

	private static double actual(String results, int indicator, int year) {
		List<Number> actuals = JsonPath.read(results, "$[" + indicator + "].periods[?(@.year == " + year + ")].actual");
		assertThat(actuals).as("indicator " + indicator + " in " + year).hasSize(1);
		return actuals.get(0).doubleValue();
	}

	private static Document parse(String xml) throws Exception {
		return DocumentBuilderFactory.newInstance().newDocumentBuilder()
			.parse(new org.xml.sax.InputSource(new StringReader(xml)));
	}

}
