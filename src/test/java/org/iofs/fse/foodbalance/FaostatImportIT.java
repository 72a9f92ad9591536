package org.iofs.fse.foodbalance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.support.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FAOSTAT importer on the real wide sample (Latin-1, no flags) and on fixtures written from DATA-FORMATS.md
 * for the other layouts. Tests use years no other test imports, so they do not depend on each other's order.
 */
public class FaostatImportIT extends PlatformIT {

	public static final Path SAMPLE = Path.of("../shared/data/samples/FoodBalanceSheets_E_Africa_NOFLAG_truncated.csv");

	static final String NORMALIZED_HEADER = "Area Code,Area Code (M49),Area,Item Code,Item Code (FBS),Item,Element Code,Element,Year Code,Year,Unit,Value,Flag,Note\r\n";

	String analyst;

	@BeforeEach
	void setUp() {
		analyst = bearer("t.analyst");
	}

	@Test
	void importsTheRealWideSampleAndReImportingChangesNothing() throws IOException {
		byte[] sample = Files.readAllBytes(SAMPLE);

		HttpResponse<String> first = upload("FoodBalanceSheets_E_Africa_NOFLAG_truncated.csv", sample);
		HttpResponse<String> again = upload("FoodBalanceSheets_E_Africa_NOFLAG_truncated.csv", sample);

		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(first.body(), "$.layout")).isEqualTo("FAOSTAT bulk wide without flags");
		assertThat(number(first, "$.rowsRead")).isEqualTo(22378);
		assertThat(number(first, "$.skippedNonMembers")).isEqualTo(9589);
		assertThat(number(first, "$.problemCount")).isZero();
		assertThat(number(first, "$.inserted") + number(first, "$.unchanged")).isEqualTo(62315);
		assertThat((String) JsonPath.read(again.body(), "$.outcome")).isEqualTo("UNCHANGED");
		assertThat(number(again, "$.inserted") + number(again, "$.updated")).isZero();
		assertThat(number(again, "$.unchanged")).isEqualTo(62315);
		// Egypt, wheat, 2014 (DATA-FORMATS.md a1): the sheet's supply and use add up.
		assertThat(value("EGY", 2511, 5511, 2014)).isEqualByComparingTo("8804");
		assertThat(value("EGY", 2511, 5611, 2014)).isEqualByComparingTo("11207");
		assertThat(value("EGY", 2511, 5911, 2014)).isEqualByComparingTo("249");
		assertThat(value("EGY", 2511, 5072, 2014)).isEqualByComparingTo("230");
		assertThat(value("EGY", 2511, 5301, 2014)).isEqualByComparingTo("19532");
		assertThat(value("EGY", 2511, 5142, 2014)).isEqualByComparingTo("13294");
		assertThat(value("EGY", 2501, 511, 2014)).isEqualByComparingTo("90425");
		assertThat(jdbc.sql("SELECT unit FROM foodbalance.balance_value WHERE country_iso3 = 'EGY' AND item_code = 2511 AND element_code = 5511 AND year = 2014")
			.query(String.class).single()).isEqualTo("1000 t");
		assertThat(jdbc.sql("SELECT name_en FROM foodbalance.fbs_item WHERE code = 2905").query(String.class).single())
			.isEqualTo("Cereals - Excluding Beer");
	}

	@Test
	void importsTheNormalizedLayoutWithApostrophesFlagsAggregatesAndBothRiceCodes() {
		String file = NORMALIZED_HEADER
				+ "59,'818,Egypt,2511,'S2511,Wheat and products,5511,Production,1991,1991,1000 t,4483.00,A,\r\n"
				+ "59,'818,Egypt,2807,'S2807,Rice and products,5511,Production,1991,1991,1000 t,2100.50,E,\r\n"
				+ "165,'586,Pakistan,2805,'S2805,Rice (Milled Equivalent),5611,Import Quantity,1991,1991,1000 tonnes,1.25,I,\r\n"
				+ "5000,'001,World,2511,'S2511,Wheat and products,5511,Production,1991,1991,1000 t,550000,A,\r\n"
				+ "231,'840,United States of America,2511,'S2511,Wheat and products,5511,Production,1991,1991,1000 t,53000,A,\r\n"
				+ "59,'818,Egypt,2501,'S2501,Population,511,Total Population - Both sexes,1991,1991,1000 No,57000,X,\r\n";

		HttpResponse<String> report = upload("FoodBalanceSheets_E_All_Data_(Normalized).csv", file.getBytes(StandardCharsets.ISO_8859_1));

		assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(report.body(), "$.layout")).isEqualTo("FAOSTAT bulk normalized");
		assertThat(number(report, "$.skippedAggregates")).isEqualTo(1);
		assertThat(number(report, "$.skippedNonMembers")).isEqualTo(1);
		assertThat(value("EGY", 2807, 5511, 1991)).isEqualByComparingTo("2100.5");
		assertThat(value("PAK", 2805, 5611, 1991)).isEqualByComparingTo("1.25");
		assertThat(flagClass("EGY", 2511, 5511, 1991)).isEqualTo("OFFICIAL");
		assertThat(flagClass("EGY", 2807, 5511, 1991)).isEqualTo("ESTIMATED");
		assertThat(flagClass("PAK", 2805, 5611, 1991)).isEqualTo("IMPUTED");
		assertThat(jdbc.sql("SELECT unit FROM foodbalance.balance_value WHERE country_iso3 = 'EGY' AND element_code = 511 AND year = 1991")
			.query(String.class).single()).isEqualTo("1000 persons");
		assertThat(http.get("/api/v1/commodities?fbsItem=2807").body()).contains("\"code\":\"rice\"");
	}

	@Test
	void readsTheOldFlagSchemeAsOldFlags() {
		String file = NORMALIZED_HEADER
				+ "59,'818,Egypt,2514,'S2514,Maize and products,5511,Production,1992,1992,1000 tonnes,5000,,\r\n"
				+ "59,'818,Egypt,2513,'S2513,Barley and products,5511,Production,1992,1992,1000 tonnes,100,Fc,\r\n"
				+ "59,'818,Egypt,2518,'S2518,Sorghum and products,5511,Production,1992,1992,1000 tonnes,700,A,\r\n"
				+ "59,'818,Egypt,2517,'S2517,Millet and products,5511,Production,1992,1992,1000 tonnes,1,*,\r\n";

		assertThat(upload("old-flags.csv", file.getBytes(StandardCharsets.ISO_8859_1)).statusCode()).isEqualTo(200);

		assertThat(flagClass("EGY", 2514, 5511, 1992)).isEqualTo("OFFICIAL");
		assertThat(flagClass("EGY", 2513, 5511, 1992)).isEqualTo("ESTIMATED");
		assertThat(flagClass("EGY", 2518, 5511, 1992)).isEqualTo("AGGREGATE");
		assertThat(flagClass("EGY", 2517, 5511, 1992)).isEqualTo("UNOFFICIAL");
	}

	@Test
	void importsAWebExportInUtf8WithByteOrderMarkAndM49Codes() {
		String file = "\uFEFFDomain Code,Domain,Area Code (M49),Area,Element Code,Element,Item Code (FBS),Item,Year Code,Year,Unit,Value,Flag,Flag Description\r\n"
				+ "FBS,Food Balances (2010-),'384,Côte d'Ivoire,5511,Production,'S2532,Cassava and products,1993,1993,1000 t,6000.5,E,Estimated value\r\n"
				+ "FBS,Food Balances (2010-),'002,Africa,5511,Production,'S2532,Cassava and products,1993,1993,1000 t,99999,A,Official figure\r\n";

		HttpResponse<String> report = upload("FAOSTAT_data_en_11-28-2026.csv", file.getBytes(StandardCharsets.UTF_8));

		assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(report.body(), "$.layout")).contains("web export");
		assertThat(number(report, "$.skippedAggregates")).isEqualTo(1);
		assertThat(value("CIV", 2532, 5511, 1993)).isEqualByComparingTo("6000.5");
	}

	@Test
	void importsTheWideLayoutWithFlagAndNoteColumns() {
		String file = "\"Area Code\",\"Area Code (M49)\",\"Area\",\"Item Code\",\"Item Code (FBS)\",\"Item\",\"Element Code\",\"Element\",\"Unit\",\"Y2000\",\"Y2000F\",\"Y2000N\",\"Y2001\",\"Y2001F\",\"Y2001N\"\r\n"
				+ "\"143\",\"'504\",\"Morocco\",\"2511\",\"'S2511\",\"Wheat and products\",\"5511\",\"Production\",\"1000 t\",\"1380.00\",\"E\",\"\",\"3317.00\",\"A\",\"\"\r\n";

		HttpResponse<String> report = upload("FoodBalanceSheets_E_All_Data.csv", file.getBytes(StandardCharsets.ISO_8859_1));

		assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(report.body(), "$.layout")).isEqualTo("FAOSTAT bulk wide with flags");
		assertThat(value("MAR", 2511, 5511, 2000)).isEqualByComparingTo("1380");
		assertThat(flagClass("MAR", 2511, 5511, 2000)).isEqualTo("ESTIMATED");
		assertThat(flagClass("MAR", 2511, 5511, 2001)).isEqualTo("OFFICIAL");
	}

	@Test
	void importsAnOlderWebExportWithCountryColumns() {
		String file = "Domain Code,Domain,Country Code,Country,Element Code,Element,Item Code,Item,Year Code,Year,Unit,Value,Flag,Flag Description\r\n"
				+ "FBS,Food Balance Sheets,222,Tunisia,5611,Import Quantity,2511,Wheat and products,2002,2002,1000 tonnes,1500,,Official data\r\n";

		HttpResponse<String> report = upload("FAOSTAT_data_2017.csv", file.getBytes(StandardCharsets.UTF_8));

		assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
		assertThat(value("TUN", 2511, 5611, 2002)).isEqualByComparingTo("1500");
	}

	@Test
	void acceptsABulkZipAsDownloaded() throws IOException {
		String data = NORMALIZED_HEADER + "59,'818,Egypt,2619,'S2619,Dates,5511,Production,1994,1994,1000 t,1234,A,\r\n";
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			out.putNextEntry(new ZipEntry("FoodBalanceSheets_E_All_Data_(Normalized)_Flags.csv"));
			out.write("Flag,Flags\r\nA,Official figure\r\n".getBytes(StandardCharsets.ISO_8859_1));
			out.putNextEntry(new ZipEntry("FoodBalanceSheets_E_All_Data_(Normalized).csv"));
			out.write(data.getBytes(StandardCharsets.ISO_8859_1));
		}

		HttpResponse<String> report = upload("FoodBalanceSheets_E_All_Data_(Normalized).zip", zip.toByteArray());

		assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
		assertThat(value("EGY", 2619, 5511, 1994)).isEqualByComparingTo("1234");
	}

	@Test
	void aLaterFileChangesOnlyTheValuesThatDifferAndKeepsTheOthersWithTheirSource() {
		String first = NORMALIZED_HEADER
				+ "112,'400,Jordan,2511,'S2511,Wheat and products,5511,Production,1989,1989,1000 t,100,E,\r\n"
				+ "112,'400,Jordan,2511,'S2511,Wheat and products,5611,Import Quantity,1989,1989,1000 t,50,E,\r\n"
				+ "112,'400,Jordan,2511,'S2511,Wheat and products,5072,Stock Variation,1989,1989,1000 t,3,E,\r\n";
		String second = NORMALIZED_HEADER
				+ "112,'400,Jordan,2511,'S2511,Wheat and products,5511,Production,1989,1989,1000 t,100.0000,E,\r\n"
				+ "112,'400,Jordan,2511,'S2511,Wheat and products,5611,Import Quantity,1989,1989,1000 t,60,E,\r\n"
				+ "112,'400,Jordan,2511,'S2511,Wheat and products,5911,Export Quantity,1989,1989,1000 t,5,E,\r\n";

		HttpResponse<String> firstReport = upload("jordan-1.csv", first.getBytes(StandardCharsets.ISO_8859_1));
		HttpResponse<String> secondReport = upload("jordan-2.csv", second.getBytes(StandardCharsets.ISO_8859_1));

		assertThat(number(firstReport, "$.inserted")).isEqualTo(3);
		assertThat(number(secondReport, "$.inserted")).isEqualTo(1);
		assertThat(number(secondReport, "$.updated")).isEqualTo(1);
		assertThat(number(secondReport, "$.unchanged")).isEqualTo(1);
		assertThat(value("JOR", 2511, 5611, 1989)).isEqualByComparingTo("60");
		assertThat(value("JOR", 2511, 5072, 1989)).isEqualByComparingTo("3");
		assertThat(value("JOR", 2511, 5911, 1989)).isEqualByComparingTo("5");
		long firstId = number(firstReport, "$.id");
		long secondId = number(secondReport, "$.id");
		assertThat(sourceImport("JOR", 2511, 5511, 1989)).isEqualTo(firstId);
		assertThat(sourceImport("JOR", 2511, 5072, 1989)).isEqualTo(firstId);
		assertThat(sourceImport("JOR", 2511, 5611, 1989)).isEqualTo(secondId);
		assertThat(sourceImport("JOR", 2511, 5911, 1989)).isEqualTo(secondId);
	}

	@Test
	void rowProblemsRejectTheFileWithTheirLinesOrAreSkippedOnRequest() {
		String file = NORMALIZED_HEADER
				+ "59,'818,Egypt,2511,'S2511,Wheat and products,5511,Production,1995,1995,1000 t,5722,A,\r\n"
				+ "59,'818,Egypt,2511,'S2511,Wheat and products,5611,Import Quantity,1995,1995,1000 t,lots,A,\r\n"
				+ "59,'818,Egypt,2511,'S2511,Wheat and products,9999,Mystery,1995,1995,1000 t,1,A,\r\n";
		long before = values(1995);

		HttpResponse<String> rejected = upload("problems.csv", file.getBytes(StandardCharsets.UTF_8));

		assertThat(rejected.statusCode()).isEqualTo(422);
		assertThat((String) JsonPath.read(rejected.body(), "$.outcome")).isEqualTo("REJECTED");
		List<Integer> lines = JsonPath.read(rejected.body(), "$.problems[*].line");
		List<String> fields = JsonPath.read(rejected.body(), "$.problems[*].field");
		assertThat(lines).containsExactly(3, 4);
		assertThat(fields).containsExactly("Value", "Element Code");
		assertThat(values(1995)).isEqualTo(before);

		HttpResponse<String> skipped = http.postFile("/api/v1/imports/faostat?onProblems=skip", "problems.csv",
				file.getBytes(StandardCharsets.UTF_8), "Authorization", analyst);
		assertThat(skipped.statusCode()).isEqualTo(200);
		assertThat(number(skipped, "$.problemCount")).isEqualTo(2);
		assertThat(value("EGY", 2511, 5511, 1995)).isEqualByComparingTo("5722");
	}

	@Test
	void aStructurallyBrokenFileChangesNothing() {
		long before = jdbc.sql("SELECT count(*) FROM foodbalance.balance_value").query(Long.class).single();

		HttpResponse<String> noColumns = upload("prices.csv", "date,market,price\r\n2020-01-15,Kabul,10\r\n".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> cutOff = upload("cut.csv", (NORMALIZED_HEADER
				+ "59,'818,Egypt,2511,'S2511,Wheat and products,5511,Production,1996,1996,1000 t,5722,A,\r\n"
				+ "59,'818,\"Egypt,2511").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> empty = upload("empty.csv", new byte[] { ' ' });

		assertThat(noColumns.statusCode()).isEqualTo(422);
		assertThat((String) JsonPath.read(noColumns.body(), "$.message")).contains("prices.csv").contains("Element Code".toLowerCase());
		assertThat(cutOff.statusCode()).isEqualTo(422);
		assertThat(empty.statusCode()).isIn(400, 422);
		assertThat(jdbc.sql("SELECT count(*) FROM foodbalance.balance_value").query(Long.class).single()).isEqualTo(before);
		assertThat(jdbc.sql("SELECT count(*) FROM foodbalance.import_run WHERE file_name = 'prices.csv' AND outcome = 'REJECTED'")
			.query(Long.class).single()).isPositive();
	}

	@Test
	void recordsEveryImportWithItsHashAndUser() {
		upload("recorded.csv", (NORMALIZED_HEADER + "59,'818,Egypt,2511,'S2511,Wheat and products,5511,Production,1997,1997,1000 t,5849,A,\r\n")
			.getBytes(StandardCharsets.UTF_8));

		var run = jdbc.sql("SELECT imported_by, sha256, rows_inserted, duration_ms FROM foodbalance.import_run WHERE file_name = 'recorded.csv' ORDER BY id DESC LIMIT 1")
			.query().singleRow();
		assertThat(run.get("imported_by")).isEqualTo("t.analyst");
		assertThat((String) run.get("sha256")).hasSize(64);
		assertThat(((Number) run.get("rows_inserted")).longValue()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action = 'foodbalance.imported' AND actor_username = 't.analyst'")
			.query(Long.class).single()).isPositive();
	}

	@Test
	void onlyThoseWhoPublishMayImport() {
		byte[] file = (NORMALIZED_HEADER + "59,'818,Egypt,2511,'S2511,Wheat and products,5511,Production,1998,1998,1000 t,1,A,\r\n")
			.getBytes(StandardCharsets.UTF_8);

		assertThat(http.postFile("/api/v1/imports/faostat", "x.csv", file).statusCode()).isEqualTo(401);
		assertThat(http.postFile("/api/v1/imports/faostat", "x.csv", file, "Authorization",
				bearer("t.focal.yem")).statusCode()).isEqualTo(403);
	}

	private HttpResponse<String> upload(String name, byte[] content) {
		return http.postFile("/api/v1/imports/faostat", name, content, "Authorization", analyst);
	}

	private BigDecimal value(String iso3, int item, int element, int year) {
		return jdbc.sql("SELECT value FROM foodbalance.balance_value WHERE country_iso3 = :c AND item_code = :i AND element_code = :e AND year = :y")
			.param("c", iso3).param("i", item).param("e", element).param("y", year).query(BigDecimal.class).single();
	}

	private String flagClass(String iso3, int item, int element, int year) {
		return jdbc.sql("SELECT flag_class FROM foodbalance.balance_value WHERE country_iso3 = :c AND item_code = :i AND element_code = :e AND year = :y")
			.param("c", iso3).param("i", item).param("e", element).param("y", year).query(String.class).single();
	}

	private long sourceImport(String iso3, int item, int element, int year) {
		return jdbc.sql("SELECT source_import FROM foodbalance.balance_value WHERE country_iso3 = :c AND item_code = :i AND element_code = :e AND year = :y")
			.param("c", iso3).param("i", item).param("e", element).param("y", year).query(Long.class).single();
	}

	private long values(int year) {
		return jdbc.sql("SELECT count(*) FROM foodbalance.balance_value WHERE year = :y").param("y", year).query(Long.class).single();
	}

	private static long number(HttpResponse<String> response, String path) {
		return ((Number) JsonPath.read(response.body(), path)).longValue();
	}

}
