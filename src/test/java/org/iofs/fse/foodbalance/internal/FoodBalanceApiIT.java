package org.iofs.fse.foodbalance.internal;

import org.iofs.fse.foodbalance.FaostatImportIT;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.support.PlatformIT;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Balance sheets, checks and indicators computed from the real FAOSTAT sample (Africa, 2014-2018). */
class FoodBalanceApiIT extends PlatformIT {

	@Autowired
	FoodBalance foodBalance;

	@BeforeEach
	void sampleImported() throws IOException {
		var report = http.postFile("/api/v1/imports/faostat", "sample.csv", Files.readAllBytes(FaostatImportIT.SAMPLE),
				"Authorization", bearer("t.analyst"));
		assertThat(report.statusCode()).isEqualTo(200);
	}

	@Test
	void egyptsWheatSheetFor2014BalancesAndCarriesItsIndicators() {
		String body = http.get("/api/v1/food-balance?country=egy&year=2014&commodity=wheat").body();

		assertThat((List<Integer>) JsonPath.read(body, "$.items[*].itemCode")).containsExactly(2511);
		assertThat(number(body, "$.population")).isEqualByComparingTo("90425");
		assertThat(number(body, "$.items[0].elements[?(@.elementCode == 5511)].value")).isEqualByComparingTo("8804");
		assertThat((List<String>) JsonPath.read(body, "$.items[0].elements[?(@.elementCode == 5511)].unit")).containsExactly("1000 t");
		assertThat((List<Boolean>) JsonPath.read(body, "$.items[0].checks[*].passes")).containsExactly(true, true);
		assertThat(number(body, "$.items[0].checks[?(@.identity == 'supply')].gap")).isEqualByComparingTo("0");
		// SSR = 8804 × 100 / (8804 + 11207 − 249); IDR = 11207 × 100 / 19762; food = 13294 × 1000 / 90425 kg.
		assertThat(indicator(body, "self-sufficiency-ratio")).isEqualByComparingTo("44.55");
		assertThat(indicator(body, "import-dependency-ratio")).isEqualByComparingTo("56.71");
		assertThat(indicator(body, "food-supply-kg-per-capita")).isEqualByComparingTo("147.02");
		// FAOSTAT's own figure (element 664), not food × an energy value of the raw grain.
		assertThat(indicator(body, "food-supply-kcal-per-capita-day")).isEqualByComparingTo("1176");
		assertThat((String) JsonPath.read(body, "$.items[0].indicators[0].indicator.formula")).contains("SSR");
		assertThat((String) JsonPath.read(body, "$.items[0].indicators[0].indicator.definition.ar")).isNotBlank();
	}

	@Test
	void foodEnergyIsFaostatsOwnFigureWhereTheSheetHasIt() {
		String body = http.get("/api/v1/food-balance?country=egy&year=2016&commodity=wheat").body();

		// FAOSTAT publishes 1,166 kcal for Egypt's wheat in 2016 (element 664), not food × a raw-grain energy value.
		assertThat(indicator(body, "food-supply-kcal-per-capita-day")).isEqualByComparingTo("1166");
		assertThat((List<String>) JsonPath.read(body,
				"$.items[0].indicators[?(@.indicator.code == 'food-supply-kcal-per-capita-day')].source"))
			.containsExactly("FAOSTAT");
		String table = http.get("/api/v1/indicators/food-supply-kcal-per-capita-day?commodity=wheat&year=2016").body();
		assertThat((List<Double>) JsonPath.read(table, "$.countries[?(@.country == 'EGY')].value")).containsExactly(1166.0);
		assertThat((List<String>) JsonPath.read(table, "$.countries[?(@.country == 'EGY')].source")).containsExactly("FAOSTAT");
	}

	@Test
	void whereTheSheetHasNoFoodEnergyItIsComputedFromTheEnergyFaostatsPairsImply() {
		// A sheet with food and population but no element 664, as a national entry may be.
		jdbc.sql("""
				INSERT INTO foodbalance.balance_line (country_iso3, year, item_code, element_codes, vals, units, flags,
				    old_flag_schemes, source_imports, source_users)
				VALUES ('BRN', 2031, 2511, ARRAY[5142], ARRAY[15000], ARRAY['1000 t'], ARRAY[''], ARRAY[false],
				        ARRAY[NULL]::bigint[], ARRAY['test']),
				       ('BRN', 2031, 2501, ARRAY[511], ARRAY[100000], ARRAY['1000 persons'], ARRAY[''], ARRAY[false],
				        ARRAY[NULL]::bigint[], ARRAY['test'])
				ON CONFLICT DO NOTHING
				""").update();
		List<Double> implied = jdbc.sql("""
				SELECT vals[array_position(element_codes, 664)] * 365 / vals[array_position(element_codes, 645)]
				FROM foodbalance.balance_line WHERE item_code = 2511 AND element_codes @> ARRAY[664, 645]
				  AND vals[array_position(element_codes, 645)] > 0 AND vals[array_position(element_codes, 664)] > 0
				""").query(Double.class).list().stream().sorted().toList();
		double median = implied.size() % 2 == 1 ? implied.get(implied.size() / 2)
				: (implied.get(implied.size() / 2 - 1) + implied.get(implied.size() / 2)) / 2;
		double perKg = BigDecimal.valueOf(median).setScale(1, RoundingMode.HALF_EVEN).doubleValue();

		String body = http.get("/api/v1/food-balance?country=brn&year=2031&commodity=wheat").body();
		jdbc.sql("DELETE FROM foodbalance.balance_line WHERE country_iso3 = 'BRN' AND year = 2031").update();

		assertThat(implied).hasSizeGreaterThan(10);
		// 150 kg per person and year of wheat products, at FAOSTAT's implied energy per kg.
		assertThat(indicator(body, "food-supply-kcal-per-capita-day").doubleValue())
			.isCloseTo(150 * perKg / 365, org.assertj.core.data.Offset.offset(0.01));
		assertThat((List<String>) JsonPath.read(body,
				"$.items[0].indicators[?(@.indicator.code == 'food-supply-kcal-per-capita-day')].source"))
			.containsExactly("DERIVED");
		assertThat(perKg).as("wheat products as FAOSTAT counts them, below raw grain's 3,270 kcal/kg").isBetween(2500.0, 3200.0);
	}

	@Test
	void theIdentitiesHoldOnAlmostEverySheetOfTheSample() {
		long checks = 0;
		long passes = 0;
		for (String iso3 : List.of("DZA", "BEN", "BFA", "CMR", "TCD", "CIV", "DJI", "EGY", "GAB")) {
			for (int year = 2014; year <= 2018; year++) {
				for (FoodBalance.SheetItem item : foodBalance.sheet(iso3, year, null).items()) {
					for (BalanceCheck check : item.checks()) {
						if (check.passes() != null) {
							checks++;
							passes += check.passes() ? 1 : 0;
						}
					}
				}
			}
		}
		assertThat(checks).isGreaterThan(5000);
		assertThat((double) passes / checks).isGreaterThan(0.98);
	}

	@Test
	void groupsAndTheOicAreComputedFromSummedQuantities() {
		String body = http.get("/api/v1/indicators/self-sufficiency-ratio?commodity=wheat&year=2014").body();
		Map<String, Object> arab = jdbc.sql("""
				SELECT sum(value) FILTER (WHERE element_code = 5511) AS p, sum(value) FILTER (WHERE element_code = 5611) AS i,
				       sum(value) FILTER (WHERE element_code = 5911) AS e
				FROM foodbalance.balance_value b JOIN countries.country c ON c.iso3 = b.country_iso3
				WHERE item_code = 2511 AND year = 2014 AND c.oic_group = 'ARAB'
				""").query().singleRow();
		BigDecimal p = (BigDecimal) arab.get("p");
		BigDecimal expected = p.multiply(BigDecimal.valueOf(100))
			.divide(p.add((BigDecimal) arab.get("i")).subtract((BigDecimal) arab.get("e")), 2, RoundingMode.HALF_EVEN);

		assertThat((List<String>) JsonPath.read(body, "$.countries[*].country")).hasSize(57);
		assertThat(number(body, "$.countries[?(@.country == 'EGY')].value")).isEqualByComparingTo("44.55");
		assertThat(number(body, "$.groups.ARAB")).isEqualByComparingTo(expected);
		assertThat((Object) JsonPath.read(body, "$.oic")).isNotNull();
		assertThat((Object) JsonPath.read(body, "$.countries[?(@.country == 'PAK')].value")).asString().contains("null");
	}

	@Test
	void theCerealImportDependencyRatioUsesThreeYearAveragesOfNetImports() {
		String body = http.get("/api/v1/indicators/cereal-import-dependency-ratio?year=2016").body();
		Map<String, Object> egypt = jdbc.sql("""
				SELECT avg(value) FILTER (WHERE element_code = 5511) AS p, avg(value) FILTER (WHERE element_code = 5611) AS i,
				       avg(value) FILTER (WHERE element_code = 5911) AS e
				FROM foodbalance.balance_value WHERE item_code = 2905 AND year BETWEEN 2014 AND 2016 AND country_iso3 = 'EGY'
				""").query().singleRow();
		BigDecimal i = (BigDecimal) egypt.get("i");
		BigDecimal e = (BigDecimal) egypt.get("e");
		BigDecimal expected = i.subtract(e).multiply(BigDecimal.valueOf(100))
			.divide(((BigDecimal) egypt.get("p")).add(i).subtract(e), 2, RoundingMode.HALF_EVEN);

		assertThat((String) JsonPath.read(body, "$.commodity")).isEqualTo("cereals");
		assertThat(number(body, "$.countries[?(@.country == 'EGY')].value")).isEqualByComparingTo(expected);
		assertThat((Object) JsonPath.read(http.get("/api/v1/indicators/cereal-import-dependency-ratio?year=2014").body(),
				"$.countries[?(@.country == 'EGY')].value")).asString().contains("null");
	}

	@Test
	void badQueriesAreProblems() {
		assertThat(http.get("/api/v1/indicators/happiness?commodity=wheat&year=2014").statusCode()).isEqualTo(404);
		assertThat(http.get("/api/v1/indicators/self-sufficiency-ratio?commodity=wheat&year=3000").statusCode()).isEqualTo(400);
		assertThat(http.get("/api/v1/food-balance?country=XXX&year=2014").statusCode()).isEqualTo(404);
		assertThat(http.get("/api/v1/food-balance?country=EGY&year=twenty").statusCode()).isEqualTo(400);
		assertThat(http.get("/api/v1/food-balance?year=2014").statusCode()).isEqualTo(400);
		HttpResponse<String> noCommodity = http.get("/api/v1/indicators/self-sufficiency-ratio?year=2014");
		assertThat(noCommodity.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(noCommodity.body(), "$.field")).isEqualTo("commodity");
	}

	private static BigDecimal indicator(String body, String code) {
		return number(body, "$.items[0].indicators[?(@.indicator.code == '" + code + "')].value");
	}

	private static BigDecimal number(String body, String path) {
		Object value = JsonPath.read(body, path);
		if (value instanceof List<?> list) {
			value = list.get(0);
		}
		return new BigDecimal(value.toString());
	}

}
