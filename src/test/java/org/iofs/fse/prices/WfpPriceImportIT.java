package org.iofs.fse.prices;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.support.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WFP price importer on the real samples (Afghanistan: 14 columns with the HXL row; Pakistan: 16 columns
 * without it) and on fixtures for the other cases. Fixtures use markets no other test uses.
 */
class WfpPriceImportIT extends PlatformIT {

	static final Path SAMPLES = Path.of("../shared/data/samples");

	static final String V1_HEADER = "date,admin1,admin2,market,latitude,longitude,category,commodity,unit,priceflag,pricetype,currency,price,usdprice\n";

	String analyst;

	@BeforeEach
	void setUp() {
		analyst = bearer("t.analyst");
	}

	@Test
	void importsTheAfghanSampleWithItsHxlRowAndReImportingChangesNothing() throws IOException {
		byte[] sample = Files.readAllBytes(SAMPLES.resolve("wfp_food_prices_afg.csv"));

		HttpResponse<String> first = upload("wfp_food_prices_afg.csv", sample, "");
		HttpResponse<String> again = upload("wfp_food_prices_afg.csv", sample, "");

		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(first.body(), "$.layout")).isEqualTo("WFP 14 columns");
		assertThat((String) JsonPath.read(first.body(), "$.country")).isEqualTo("AFG");
		assertThat(number(first, "$.rowsRead")).isEqualTo(33511);
		assertThat(number(first, "$.inserted") + number(first, "$.unchanged")).isEqualTo(33511);
		assertThat(number(first, "$.problemCount")).isZero();
		assertThat((String) JsonPath.read(again.body(), "$.outcome")).isEqualTo("UNCHANGED");
		assertThat(number(again, "$.unchanged")).isEqualTo(33511);
		assertThat(count("SELECT count(*) FROM prices.series s JOIN prices.market m ON m.id = s.market_id WHERE m.country_iso3 = 'AFG'"))
			.isEqualTo(523);
		assertThat(count("SELECT count(*) FROM prices.market WHERE country_iso3 = 'AFG'")).isEqualTo(40);
		// Kabul, wheat, January 2010: 15 AFN a kilogram, 0.3307 USD.
		assertThat(jdbc.sql("""
				SELECT o.price FROM prices.observation o JOIN prices.series s ON s.id = o.series_id
				JOIN prices.market m ON m.id = s.market_id JOIN prices.source_commodity c ON c.id = s.source_commodity_id
				WHERE m.country_iso3 = 'AFG' AND m.name = 'Kabul' AND c.name = 'Wheat' AND o.month = '2010-01-01'
				  AND o.price_flag = 'actual' AND s.unit = 'KG'
				""").query(BigDecimal.class).single()).isEqualByComparingTo("15");
		assertThat(jdbc.sql("SELECT latitude FROM prices.market WHERE country_iso3 = 'AFG' AND name = 'Kabul'")
			.query(BigDecimal.class).single()).isEqualByComparingTo("34.516667");
		assertThat(count("SELECT count(*) FROM prices.observation o JOIN prices.series s ON s.id = o.series_id JOIN prices.market m ON m.id = s.market_id WHERE m.country_iso3 = 'AFG' AND o.price_flag = 'aggregate'"))
			.isEqualTo(25168);
		assertThat(jdbc.sql("SELECT commodity_code FROM prices.source_commodity WHERE name = 'Wheat'").query(String.class).single())
			.isEqualTo("wheat");
		// Unmapped commodities are kept.
		assertThat(jdbc.sql("SELECT commodity_code FROM prices.source_commodity WHERE name = 'Bread'").query(String.class).optional())
			.isEmpty();
		assertThat(count("SELECT count(*) FROM prices.source_commodity WHERE name = 'Bread'")).isEqualTo(1);
		assertThat(jdbc.sql("SELECT DISTINCT base_unit FROM prices.series WHERE unit = 'Day'").query(String.class).single())
			.isEqualTo("day");
	}

	@Test
	void importsThePakistaniSampleInTheSecondLayoutWithIndicatorsAndAlerts() throws IOException {
		byte[] sample = Files.readAllBytes(SAMPLES.resolve("wfp_food_prices_pak.csv"));

		HttpResponse<String> report = upload("wfp_food_prices_pak.csv", sample, "");

		assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(report.body(), "$.layout")).isEqualTo("WFP 16 columns (with market and commodity ids)");
		assertThat(number(report, "$.rowsRead")).isEqualTo(13900);
		assertThat(number(report, "$.inserted") + number(report, "$.unchanged")).isEqualTo(13900);
		assertThat(jdbc.sql("SELECT wfp_market_id FROM prices.market WHERE country_iso3 = 'PAK' AND name = 'Karachi'")
			.query(Integer.class).single()).isEqualTo(293);
		assertThat(jdbc.sql("SELECT wfp_commodity_id FROM prices.source_commodity WHERE name = 'Wheat flour'")
			.query(Integer.class).single()).isEqualTo(58);
		assertThat(jdbc.sql("""
				SELECT DISTINCT s.unit_quantity FROM prices.series s JOIN prices.market m ON m.id = s.market_id
				WHERE m.country_iso3 = 'PAK' AND s.unit = 'Dozen'
				""").query(BigDecimal.class).single()).isEqualByComparingTo("12");
		// Karachi wheat flour has monthly prices since 2004: both indicators exist for recent months.
		long karachiFlour = jdbc.sql("""
				SELECT s.id FROM prices.series s JOIN prices.market m ON m.id = s.market_id
				JOIN prices.source_commodity c ON c.id = s.source_commodity_id
				WHERE m.country_iso3 = 'PAK' AND m.name = 'Karachi' AND c.name = 'Wheat flour' AND s.price_type = 'Retail'
				""").query(Long.class).single();
		assertThat(count("SELECT count(*) FROM prices.series_month WHERE series_id = " + karachiFlour + " AND ipa IS NOT NULL"))
			.isGreaterThan(100);
		assertThat(count("SELECT count(*) FROM prices.series_month WHERE series_id = " + karachiFlour + " AND alps IS NOT NULL"))
			.isGreaterThan(100);
		// A history file: its bands are stored and charted, but months long past are not news.
		assertThat(number(report, "$.alertsRaised")).isZero();
		// The sample's markets, which WFP numbers (other tests add Pakistani markets of their own, alerts included).
		assertThat(count("SELECT count(*) FROM prices.alert a JOIN prices.market m ON m.id = a.market_id "
				+ "WHERE m.country_iso3 = 'PAK' AND m.wfp_market_id IS NOT NULL")).isZero();
		assertThat(count("SELECT count(*) FROM prices.series_month WHERE series_id = " + karachiFlour
				+ " AND alps_band IN ('ALERT', 'CRISIS')")).isPositive();
	}

	@Test
	void implausibleDatesAndPricesAreReportedByLineAndSkipped() {
		String file = V1_HEADER
				+ "2019-01-15,Sool,Laas Caanood,Testmarket A,8.47,47.36,cereals and tubers,Sorghum,KG,actual,Retail,SOS,12000,0.5\n"
				+ "1900-08-15,Sool,Laas Caanood,Testmarket A,8.47,47.36,cereals and tubers,Sorghum,KG,actual,Retail,SOS,12000,0.5\n"
				+ "2099-01-15,Sool,Laas Caanood,Testmarket A,8.47,47.36,cereals and tubers,Sorghum,KG,actual,Retail,SOS,12000,0.5\n"
				+ "2019-02-15,Sool,Laas Caanood,Testmarket A,8.47,47.36,cereals and tubers,Sorghum,KG,actual,Retail,SOS,0,0\n"
				+ "2019-03-15,Sool,Laas Caanood,Testmarket A,8.47,47.36,cereals and tubers,Sorghum,90 KG,\"actual,aggregate\",Wholesale,SOS,900000,40\n";

		HttpResponse<String> report = upload("prices.csv", file.getBytes(StandardCharsets.UTF_8), "?country=SOM");

		assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
		assertThat(number(report, "$.inserted")).isEqualTo(2);
		assertThat(number(report, "$.skippedImplausible")).isEqualTo(3);
		assertThat((java.util.List<Integer>) JsonPath.read(report.body(), "$.implausibleRows[*].line")).containsExactly(3, 4, 5);
		assertThat(jdbc.sql("""
				SELECT s.unit_quantity FROM prices.series s JOIN prices.market m ON m.id = s.market_id
				WHERE m.name = 'Testmarket A' AND s.unit = '90 KG'
				""").query(BigDecimal.class).single()).isEqualByComparingTo("90");
		assertThat(count("SELECT count(*) FROM prices.observation WHERE price_flag = 'actual,aggregate' AND price = 900000"))
			.isEqualTo(1);
	}

	@Test
	void aFileItCannotReadIsRefusedAndChangesNothing() {
		long before = count("SELECT count(*) FROM prices.observation");
		String spreadsheet = V1_HEADER
				+ "2019-01-15,Sool,Laas Caanood,Testmarket B,8.47,47.36,cereals and tubers,Sorghum,KG,actual,Retail,SOS,12000,0.5\n"
				+ "1/15/2019,Sool,Laas Caanood,Testmarket B,8.47,47.36,cereals and tubers,Sorghum,KG,actual,Retail,SOS,12000,0.5\n";
		String renamed = V1_HEADER.replace("pricetype", "type_of_price")
				+ "2019-01-15,Sool,Laas Caanood,Testmarket B,8.47,47.36,cereals and tubers,Sorghum,KG,actual,Retail,SOS,12000,0.5\n";

		HttpResponse<String> dates = upload("wfp_food_prices_som.csv", spreadsheet.getBytes(StandardCharsets.UTF_8), "");
		HttpResponse<String> columns = upload("wfp_food_prices_som.csv", renamed.getBytes(StandardCharsets.UTF_8), "");
		HttpResponse<String> noCountry = upload("prices.csv", renamed.getBytes(StandardCharsets.UTF_8), "");

		assertThat(dates.statusCode()).isEqualTo(422);
		assertThat((String) JsonPath.read(dates.body(), "$.message")).contains("line 3").contains("1/15/2019")
			.contains("spreadsheet");
		assertThat(columns.statusCode()).isEqualTo(422);
		assertThat((String) JsonPath.read(columns.body(), "$.message")).contains("pricetype");
		assertThat(noCountry.statusCode()).isEqualTo(422);
		assertThat(count("SELECT count(*) FROM prices.observation")).isEqualTo(before);
		assertThat(count("SELECT count(*) FROM prices.market WHERE name = 'Testmarket B'")).isZero();
	}

	@Test
	void rowProblemsRejectTheFileOrAreSkippedOnRequest() {
		String file = V1_HEADER
				+ "2019-01-15,Sool,Laas Caanood,Testmarket C,8.47,47.36,cereals and tubers,Sorghum,KG,actual,Retail,SOS,12000,0.5\n"
				+ "2019-02-15,Sool,Laas Caanood,Testmarket C,8.47,47.36,cereals and tubers,Sorghum,KG,actual,Retail,SOS,twelve,0.5\n"
				+ "2019-03-15,Sool,Laas Caanood,Testmarket C,8.47,47.36,cereals and tubers,Sorghum,KG,forecast,Retail,SOS,12500,0.5\n";

		HttpResponse<String> rejected = upload("wfp_food_prices_som.csv", file.getBytes(StandardCharsets.UTF_8), "");
		HttpResponse<String> skipped = upload("wfp_food_prices_som.csv", file.getBytes(StandardCharsets.UTF_8),
				"?onProblems=skip");

		assertThat(rejected.statusCode()).isEqualTo(422);
		assertThat((java.util.List<Integer>) JsonPath.read(rejected.body(), "$.problems[*].line")).containsExactly(3, 4);
		assertThat((java.util.List<String>) JsonPath.read(rejected.body(), "$.problems[*].field"))
			.containsExactly("price", "priceflag");
		assertThat(skipped.statusCode()).isEqualTo(200);
		assertThat(number(skipped, "$.inserted")).isEqualTo(1);
	}

	@Test
	void aPriceBeyondAnyPriceIsARowProblemNotAFailedImport() {
		String file = V1_HEADER
				+ "2019-01-15,Sool,Laas Caanood,Testmarket F,8.47,47.36,cereals and tubers,Sorghum,KG,actual,Retail,SOS,12000,0.5\n"
				+ "2019-02-15,Sool,Laas Caanood,Testmarket F,8.47,47.36,cereals and tubers,Sorghum,KG,actual,Retail,SOS,1e20,0.5\n";

		HttpResponse<String> rejected = upload("wfp_food_prices_som.csv", file.getBytes(StandardCharsets.UTF_8), "");

		assertThat(rejected.statusCode()).isEqualTo(422);
		assertThat((java.util.List<Integer>) JsonPath.read(rejected.body(), "$.problems[*].line")).containsExactly(3);
		assertThat((java.util.List<String>) JsonPath.read(rejected.body(), "$.problems[*].field")).containsExactly("price");
	}

	@Test
	void theGlobalFileSkipsNonMembers() {
		String file = "countryiso3," + V1_HEADER
				+ "SOM,2018-01-15,Sool,Laas Caanood,Testmarket D,8.47,47.36,cereals and tubers,Sorghum,KG,actual,Retail,SOS,12000,0.5\n"
				+ "ETH,2018-01-15,Tigray,Mekele,Mekele,13.5,39.47,cereals and tubers,Sorghum,KG,actual,Retail,ETB,10,0.5\n";

		HttpResponse<String> report = upload("wfp_food_prices_global.csv", file.getBytes(StandardCharsets.UTF_8), "");

		assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
		assertThat(number(report, "$.inserted")).isEqualTo(1);
		assertThat(number(report, "$.skippedNonMembers")).isEqualTo(1);
	}

	@Test
	void aMarketIdStaysOneMarketWhateverItsNamesBytes() {
		String header = "date,admin1,admin2,market,market_id,latitude,longitude,category,commodity,commodity_id,unit,priceflag,pricetype,currency,price,usdprice\n";
		String composed = "Bosaso Suuq \u00c9";
		String decomposed = "Bosaso Suuq E\u0301";
		String first = header
				+ "2019-01-15,Bari,Bossaso," + composed + ",90001,11.28,49.18,cereals and tubers,Sorghum,65,KG,actual,Retail,SOS,12000,0.5\n"
				+ "2019-02-15,Bari,Bossaso," + decomposed + ",90001,11.28,49.18,cereals and tubers,Sorghum,65,KG,actual,Retail,SOS,12100,0.5\n"
				+ "2019-03-15,Bari,Bossaso,Bosaso  Suuq \u00c9,90001,11.28,49.18,cereals and tubers,Sorghum,65,KG,actual,Retail,SOS,12200,0.5\n";
		String later = header
				+ "2019-04-15,Bari,Bossaso,Bosaso market (renamed),90001,11.28,49.18,cereals and tubers,Sorghum,65,KG,actual,Retail,SOS,12300,0.5\n";

		assertThat(upload("wfp_food_prices_som.csv", first.getBytes(StandardCharsets.UTF_8), "").statusCode()).isEqualTo(200);
		assertThat(upload("wfp_food_prices_som.csv", later.getBytes(StandardCharsets.UTF_8), "").statusCode()).isEqualTo(200);

		assertThat(count("SELECT count(*) FROM prices.market WHERE wfp_market_id = 90001")).isEqualTo(1);
		assertThat(jdbc.sql("SELECT name FROM prices.market WHERE wfp_market_id = 90001").query(String.class).single())
			.isEqualTo(composed);
		assertThat(count("""
				SELECT count(*) FROM prices.observation o JOIN prices.series s ON s.id = o.series_id
				JOIN prices.market m ON m.id = s.market_id WHERE m.wfp_market_id = 90001
				""")).isEqualTo(4);
	}

	@Test
	void aFileMixingEncodingsIsRefusedNamingTheLine() throws IOException {
		java.io.ByteArrayOutputStream mixed = new java.io.ByteArrayOutputStream();
		mixed.write(V1_HEADER.getBytes(StandardCharsets.US_ASCII));
		mixed.write("2019-01-15,Bari,Bossaso,Qardho Suuq é,11.28,49.18,cereals and tubers,Sorghum,KG,actual,Retail,SOS,12000,0.5\n"
			.getBytes(StandardCharsets.UTF_8));
		mixed.write("2019-02-15,Bari,Bossaso,Qardho Suuq é,11.28,49.18,cereals and tubers,Sorghum,KG,actual,Retail,SOS,12000,0.5\n"
			.getBytes(StandardCharsets.ISO_8859_1));

		HttpResponse<String> refused = upload("wfp_food_prices_som.csv", mixed.toByteArray(), "");

		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat((String) JsonPath.read(refused.body(), "$.message")).contains("line 3 is not UTF-8 while line 2 is");
		assertThat(count("SELECT count(*) FROM prices.market WHERE name LIKE 'Qardho Suuq%'")).isZero();
	}

	@Test
	void onlyThoseWhoPublishMayImport() {
		byte[] file = (V1_HEADER + "2019-01-15,a,b,c,1,1,x,Sorghum,KG,actual,Retail,SOS,1,1\n").getBytes(StandardCharsets.UTF_8);
		assertThat(http.postFile("/api/v1/imports/wfp-prices?country=SOM", "x.csv", file).statusCode()).isEqualTo(401);
		assertThat(http.postFile("/api/v1/imports/wfp-prices?country=SOM", "x.csv", file, "Authorization",
				bearer("t.focal.yem")).statusCode()).isEqualTo(403);
	}

	private HttpResponse<String> upload(String name, byte[] content, String query) {
		return http.postFile("/api/v1/imports/wfp-prices" + query, name, content, "Authorization", analyst);
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static long number(HttpResponse<String> response, String path) {
		return ((Number) JsonPath.read(response.body(), path)).longValue();
	}

}
