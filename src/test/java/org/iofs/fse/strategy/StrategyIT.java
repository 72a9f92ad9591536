package org.iofs.fse.strategy;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.iofs.fse.support.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The strategy of a commodity on the demo data: the OIC's balance by year, members in deficit and who could supply
 * them, intra-OIC trade with the mirror gap flagged, targets set by the Secretariat with the projected path and the
 * gap, and the page in three languages.
 */
class StrategyIT extends PlatformIT {

	/** Member, FAO area code, production, imports and exports of millet in thousand tonnes in 2019 (growing 3 % a year). */
	static final Object[][] MILLET = { { "NGA", 159, 2000, 0, 300 }, { "NER", 158, 3000, 0, 100 },
			{ "MLI", 133, 1500, 0, 50 }, { "SEN", 195, 800, 200, 0 }, { "SDN", 276, 1200, 100, 0 },
			{ "YEM", 249, 50, 150, 0 }, { "SAU", 194, 1, 60, 0 } };

	static boolean loaded;

	@org.junit.jupiter.api.BeforeEach
	void millet() {
		if (loaded) {
			return;
		}
		StringBuilder balances = new StringBuilder(
				"Area Code,Area Code (M49),Area,Item Code,Item Code (FBS),Item,Element Code,Element,Year Code,Year,Unit,Value,Flag\r\n");
		for (Object[] member : MILLET) {
			for (int year = 2019; year <= 2024; year++) {
				double growth = Math.pow(1.03, year - 2019);
				int[] elements = { 5511, 5611, 5911 };
				for (int i = 0; i < 3; i++) {
					balances.append(member[1]).append(",'000,Member,2517,'S2517,Millet and products,").append(elements[i])
						.append(",Element,").append(year).append(',').append(year).append(",1000 t,")
						.append(Math.round(((Integer) member[2 + i]) * growth * (i == 0 ? harvest(year) : 1))).append(",E\r\n");
				}
			}
		}
		String analyst = bearer("t.analyst");
		HttpResponse<String> fbs = http.postFile("/api/v1/imports/faostat", "millet.csv",
				balances.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "Authorization", analyst);
		assertThat(fbs.statusCode()).as(fbs.body()).isEqualTo(200);
		String trade = TradeMatrixImportIT.HEADER
				+ row(159, 195, 5910, "100000") + row(195, 159, 5610, "60000") + row(195, 185, 5610, "140000")
				+ row(249, 185, 5610, "150000") + row(276, 158, 5610, "50000") + row(158, 276, 5910, "52000");
		HttpResponse<String> matrix = http.postFile("/api/v1/imports/faostat-trade", "millet-trade.csv",
				trade.getBytes(java.nio.charset.StandardCharsets.UTF_8), "Authorization", analyst);
		assertThat(matrix.statusCode()).as(matrix.body()).isEqualTo(200);
		int target = java.time.LocalDate.now(context.getBean(java.time.Clock.class)).getYear() + 6;
		assertThat(http.putJson("/api/v1/strategy/millet/targets", "{\"scope\": \"OIC\", \"measure\": "
				+ "\"SELF_SUFFICIENCY\", \"year\": " + target + ", \"value\": 110}", "Authorization", analyst)
			.statusCode()).isEqualTo(200);
		loaded = true;
	}

	/** Good and bad harvests, so that the years scatter around their trend. */
	private static double harvest(int year) {
		return new double[] { 1.0, 0.94, 1.05, 0.97, 1.08, 0.95 }[year - 2019];
	}

	private static String row(int reporter, int partner, int element, String tonnes) {
		return TradeMatrixImportIT.row(reporter, "Reporter", partner, "Partner", 79, element, 2024, "t", tonnes);
	}

	@Test
	void theSummaryHoldsTheBalanceByGroupTheTargetsWithTheirProjectionAndIntraOicTrade() {
		String summary = http.get("/api/v1/strategy/millet").body();
		assertThat(summary).startsWith("{");
		List<String> scopes = JsonPath.read(summary, "$.history[*].scope");
		assertThat(scopes).as(summary).contains("OIC", "ARAB", "AFRICAN");
		List<Map<String, Object>> oic = JsonPath.read(summary, "$.history[?(@.scope == 'OIC')]");
		Map<String, Object> last = oic.get(oic.size() - 1);
		BigDecimal production = new BigDecimal(last.get("production").toString());
		BigDecimal use = new BigDecimal(last.get("use").toString());
		assertThat(new BigDecimal(last.get("selfSufficiency").toString()))
			.isEqualByComparingTo(production.multiply(BigDecimal.valueOf(100)).divide(use, 1, java.math.RoundingMode.HALF_EVEN));
		assertThat((Integer) last.get("members")).isGreaterThanOrEqualTo(MILLET.length);

		List<Map<String, Object>> targets = JsonPath.read(summary, "$.targets[?(@.scope == 'OIC')]");
		assertThat(targets).singleElement().satisfies(t -> {
			assertThat(t.get("measure")).isEqualTo("SELF_SUFFICIENCY");
			Map<String, Object> projected = (Map<String, Object>) t.get("projected");
			double value = ((Number) projected.get("value")).doubleValue();
			assertThat(((Number) projected.get("low")).doubleValue()).isLessThan(value);
			assertThat(((Number) projected.get("high")).doubleValue()).isGreaterThan(value);
			assertThat(((Number) t.get("gap")).doubleValue()).isCloseTo(110 - value, org.assertj.core.data.Offset.offset(0.1));
		});
		assertThat((Integer) JsonPath.read(summary, "$.trade.year")).isEqualTo(2024);
		assertThat(((Number) JsonPath.read(summary, "$.trade.intraOicTonnes")).doubleValue()).isPositive();

		String trade = http.get("/api/v1/strategy/millet/trade?year=2024").body();
		List<Boolean> gaps = JsonPath.read(trade, "$.betweenMembers[*].gap");
		assertThat(gaps).as("Nigeria and Senegal disagree by 40 %, Niger and Sudan by 4 %").containsExactlyInAnyOrder(true, false);
		List<Map<String, Object>> flagged = JsonPath.read(trade, "$.betweenMembers[?(@.gap == true)]");
		Map<String, Object> pair = flagged.get(0);
		double exporter = ((Number) pair.get("exporterFigure")).doubleValue();
		double importer = ((Number) pair.get("importerFigure")).doubleValue();
		assertThat(Math.abs(exporter - importer)).isGreaterThan(0.2 * Math.max(exporter, importer));
	}

	@Test
	void aMemberInDeficitIsShownWhoCouldSupplyItRankedByWhatCouldMove() {
		String summary = http.get("/api/v1/strategy/millet").body();
		List<String> deficits = JsonPath.read(summary, "$.members[?(@.deficit == true)].iso3");
		List<String> surpluses = JsonPath.read(summary, "$.members[?(@.deficit == false)].iso3");
		assertThat(deficits).isNotEmpty();
		assertThat(deficits).contains("SEN", "SDN", "YEM");
		String member = "SEN";
		String answer = http.get("/api/v1/strategy/millet/suppliers?for=" + member).body();
		assertThat((Boolean) JsonPath.read(answer, "$.deficit")).isTrue();
		double outside = ((Number) JsonPath.read(answer, "$.need.fromOutsideTonnes")).doubleValue();
		assertThat(outside).as("what Senegal reports importing from outside the OIC").isEqualTo(140000);
		List<Map<String, Object>> suppliers = JsonPath.read(answer, "$.need.suppliers");
		assertThat(suppliers).isNotEmpty().noneMatch(s -> member.equals(s.get("supplier")));
		assertThat(suppliers).filteredOn(s -> "NGA".equals(s.get("supplier"))).singleElement()
			.satisfies(s -> assertThat(((Number) s.get("currentFlowTonnes")).intValue()).as("Senegal's own figure")
				.isEqualTo(60000));
		double previous = Double.MAX_VALUE;
		for (Map<String, Object> s : suppliers) {
			double couldMove = ((Number) s.get("couldMoveTonnes")).doubleValue();
			assertThat(couldMove).isLessThanOrEqualTo(previous).isLessThanOrEqualTo(outside)
				.isLessThanOrEqualTo(((Number) s.get("surplusTonnes")).doubleValue());
			assertThat((Integer) s.get("distanceKm")).isPositive();
			previous = couldMove;
		}
		if (!surpluses.isEmpty()) {
			String surplus = http.get("/api/v1/strategy/millet/suppliers?for=" + surpluses.get(0)).body();
			assertThat((Boolean) JsonPath.read(surplus, "$.deficit")).isFalse();
		}
		assertThat(http.get("/api/v1/strategy/millet/suppliers?for=FRA").statusCode()).isEqualTo(404);
		assertThat(http.get("/api/v1/trade-flows?commodity=millet&reporter=XYZW").statusCode()).isEqualTo(400);
	}

	@Test
	void theSecretariatSetsTargetsAndEveryChangeIsAudited() {
		String analyst = bearer("t.analyst");
		int year = java.time.LocalDate.now(context.getBean(java.time.Clock.class)).getYear() + 8;
		String body = "{\"scope\": \"ASIAN\", \"measure\": \"PRODUCTION\", \"year\": " + year + ", \"value\": 25000}";
		HttpResponse<String> set = http.putJson("/api/v1/strategy/maize/targets", body, "Authorization", analyst);
		assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
		long id = ((Number) JsonPath.read(set.body(), "$.id")).longValue();
		assertThat(http.putJson("/api/v1/strategy/maize/targets", body, "Authorization", bearer("t.focal.yem"))
			.statusCode()).isEqualTo(403);
		HttpResponse<String> past = http.putJson("/api/v1/strategy/maize/targets", body.replace(String.valueOf(year), "2001"),
				"Authorization", analyst);
		assertThat(past.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(past.body(), "$.field")).isEqualTo("year");
		String summary = http.get("/api/v1/strategy/maize").body();
		assertThat((List<Integer>) JsonPath.read(summary, "$.targets[?(@.scope == 'ASIAN')].year")).containsExactly(year);
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action = 'strategy.target-set' AND entity_id = :id")
			.param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
		assertThat(http.send("DELETE", "/api/v1/strategy/targets/" + id, "Authorization", analyst).statusCode())
			.isEqualTo(204);
		assertThat((List<Object>) JsonPath.read(http.get("/api/v1/strategy/maize").body(), "$.targets[?(@.scope == 'ASIAN')]"))
			.isEmpty();
	}

	@Test
	void thePageShowsEachPartInThreeLanguages() {
		HttpResponse<String> english = http.get("/strategy/millet");
		assertThat(english.statusCode()).isEqualTo(200);
		assertThat(english.body()).contains("id=\"history-table\"", "id=\"between-table\"", "id=\"suppliers-table\"",
				"id=\"targets-table\"", "id=\"sankey-chart\"", "Who can supply whom");
		String arabic = http.get("/strategy/millet?lang=ar").body();
		assertThat(arabic).contains("dir=\"rtl\"", "من يستطيع إمداد من");
		assertThat(http.get("/strategy/millet?lang=fr").body()).contains("Qui peut approvisionner qui");
		HttpResponse<String> csv = http.get("/strategy/millet/suppliers.csv");
		assertThat(csv.body()).contains("member,self_sufficiency_pct,imports_from_outside_oic_t,supplier")
			.contains("\nSEN,");
		assertThat(http.get("/strategy").body()).contains("/strategy/rice");
	}

}
