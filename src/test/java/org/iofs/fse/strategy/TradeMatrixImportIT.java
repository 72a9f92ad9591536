package org.iofs.fse.strategy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.iofs.fse.support.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FAOSTAT Detailed Trade Matrix as FAOSTAT publishes it (Latin-1, CRLF, codes with their apostrophe): flows with a
 * member kept, the rest of the world summed per member, other items and flows between non-members skipped; the same
 * file twice changes nothing; bad files refused whole or listed by line, nothing written.
 */
class TradeMatrixImportIT extends PlatformIT {

	static final String HEADER = "Reporter Country Code,Reporter Country Code (M49),Reporter Countries,"
			+ "Partner Country Code,Partner Country Code (M49),Partner Countries,Item Code,Item Code (CPC),Item,"
			+ "Element Code,Element,Year Code,Year,Unit,Value,Flag\r\n";

	static final String PATH = "/api/v1/imports/faostat-trade";

	static String row(int reporter, String reporterName, int partner, String partnerName, int item, int element,
			int year, String unit, String value) {
		return reporter + ",'" + "%03d".formatted(reporter % 1000) + "," + quote(reporterName) + "," + partner + ",'"
				+ "%03d".formatted(partner % 1000) + "," + quote(partnerName) + "," + item + ",'0111,Wheat," + element
				+ ",Element," + year + "," + year + "," + unit + "," + value + ",A\r\n";
	}

	static String quote(String text) {
		return "\"" + text + "\"";
	}

	@Test
	void flowsWithMembersAreKeptTheRestOfTheWorldSummedAndTheSameFileTwiceChangesNothing() {
		String analyst = bearer("t.analyst");
		// Egypt (59) imports wheat from Russia (185) and Ukraine (230): the rest of the world, summed; from Pakistan
		// (165), a member; Pakistan reports its exports to Egypt (the mirror); Russia reports its exports to Egypt;
		// Russia to Ukraine is neither's business here; maize is another item of ours, coffee (656) is not.
		String file = HEADER
				+ row(59, "Egypt", 185, "Russian Federation", 15, 5610, 2001, "t", "1000")
				+ row(59, "Egypt", 230, "Ukraine", 15, 5610, 2001, "t", "500")
				+ row(59, "Egypt", 165, "Pakistan", 15, 5610, 2001, "t", "300")
				+ row(59, "Egypt", 165, "Pakistan", 15, 5622, 2001, "1000 US$", "60")
				+ row(165, "Pakistan", 59, "Egypt", 15, 5910, 2001, "t", "400")
				+ row(185, "Russian Federation", 59, "Egypt", 15, 5910, 2001, "t", "1100")
				+ row(185, "Russian Federation", 230, "Ukraine", 15, 5910, 2001, "t", "9999")
				+ row(107, "Côte d'Ivoire", 59, "Egypt", 656, 5610, 2001, "t", "5")
				+ row(107, "Côte d'Ivoire", 185, "Russian Federation", 15, 5610, 2001, "t", "70");
		byte[] latin1 = file.getBytes(StandardCharsets.ISO_8859_1);

		HttpResponse<String> first = http.postFile(PATH, "Trade_DetailedTradeMatrix_E_All_Data_(Normalized).csv",
				latin1, "Authorization", analyst);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(first.body(), "$.outcome")).isEqualTo("APPLIED");
		assertThat((Integer) JsonPath.read(first.body(), "$.rowsRead")).isEqualTo(9);
		assertThat((Integer) JsonPath.read(first.body(), "$.skippedItems")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(first.body(), "$.skippedNonMembers")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(first.body(), "$.inserted")).as("EGY-ROW, EGY-PAK, PAK-EGY, ROW-EGY, CIV-ROW")
			.isEqualTo(5);

		assertThat(jdbc.sql("SELECT import_t FROM strategy.trade_flow WHERE reporter = 'EGY' AND partner = 'ROW' AND year = 2001 AND item_code = 15")
			.query(java.math.BigDecimal.class).single()).isEqualByComparingTo("1500");
		assertThat(jdbc.sql("SELECT import_kusd FROM strategy.trade_flow WHERE reporter = 'EGY' AND partner = 'PAK' AND year = 2001 AND item_code = 15")
			.query(java.math.BigDecimal.class).single()).isEqualByComparingTo("60");

		String flows = http.get("/api/v1/trade-flows?commodity=wheat&year=2001&reporter=EGY&partner=PAK").body();
		assertThat((List<Integer>) JsonPath.read(flows, "$.items[*].imports")).containsExactly(300);
		assertThat((List<Integer>) JsonPath.read(flows, "$.items[*].mirrorImports")).as("Pakistan's figure for the same flow")
			.containsExactly(400);
		String rest = http.get("/api/v1/trade-flows?commodity=wheat&year=2001&reporter=EGY&partner=ROW").body();
		assertThat((List<Integer>) JsonPath.read(rest, "$.items[*].mirrorImports")).containsExactly(1100);

		HttpResponse<String> again = http.postFile(PATH, "again.csv", latin1, "Authorization", analyst);
		assertThat((String) JsonPath.read(again.body(), "$.outcome")).isEqualTo("UNCHANGED");
		assertThat((Integer) JsonPath.read(again.body(), "$.unchanged")).isEqualTo(5);

		assertThat(http.postFile(PATH, "t.csv", latin1, "Authorization", bearer("t.focal.yem")).statusCode())
			.isEqualTo(403);
		assertThat(jdbc.sql("SELECT count(*) FROM strategy.import_run WHERE file_name = 'again.csv'").query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void badFilesAreRefusedWholeOrListedByLine() {
		String analyst = bearer("t.analyst");
		long before = flowCount();

		HttpResponse<String> balances = http.postFile(PATH, "fbs.csv",
				"Area Code,Area,Item Code,Item,Element Code,Element,Year,Unit,Value\r\n59,Egypt,2511,Wheat,5511,Production,2001,1000 t,5\r\n"
					.getBytes(StandardCharsets.UTF_8), "Authorization", analyst);
		assertThat(balances.statusCode()).isEqualTo(422);
		assertThat((String) JsonPath.read(balances.body(), "$.message")).contains("fbs.csv")
			.contains("Reporter Country Code").contains("not a FAOSTAT Detailed Trade Matrix file");

		String bad = HEADER
				+ row(59, "Egypt", 185, "Russian Federation", 15, 5610, 2002, "t", "1000")
				+ row(59, "Egypt", 230, "Ukraine", 15, 5610, 2002, "bushels", "500")
				+ row(59, "Egypt", 76, "Brazil", 15, 5610, 2002, "1000 t", "2")
				+ row(59, "Egypt", 165, "Pakistan", 15, 5610, 2002, "t", "-300");
		HttpResponse<String> refused = http.postFile(PATH, "bad.csv", bad.getBytes(StandardCharsets.UTF_8),
				"Authorization", analyst);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat((Integer) JsonPath.read(refused.body(), "$.problemCount")).isEqualTo(3);
		assertThat((List<Integer>) JsonPath.read(refused.body(), "$.problems[*].line")).containsExactly(3, 4, 5);
		assertThat((List<String>) JsonPath.read(refused.body(), "$.problems[*].field")).containsExactly("Unit", "Unit",
				"Value");
		assertThat((List<String>) JsonPath.read(refused.body(), "$.problems[*].reason")).satisfiesExactly(
				r -> assertThat(r).contains("bushels").contains("not a unit of quantity"),
				r -> assertThat(r).contains("line 2").contains("one unit"),
				r -> assertThat(r).contains("negative"));
		assertThat(flowCount()).as("a refused file writes nothing").isEqualTo(before);

		HttpResponse<String> skipped = http.postFile(PATH + "?onProblems=skip", "bad.csv",
				bad.getBytes(StandardCharsets.UTF_8), "Authorization", analyst);
		assertThat(skipped.statusCode()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(skipped.body(), "$.inserted")).isEqualTo(1);
		assertThat(flowCount()).isEqualTo(before + 1);
	}

	private long flowCount() {
		return jdbc.sql("SELECT count(*) FROM strategy.trade_flow").query(Long.class).single();
	}

}
