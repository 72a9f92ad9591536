package org.iofs.fse.shared.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV downloads never hand a spreadsheet a formula to run (OWASP CSV injection). */
class SpreadsheetSafeTest {

	@Test
	void textThatAStartsLikeAFormulaIsShownNotRun() {
		assertThat(SpreadsheetSafe.text("=HYPERLINK(\"http://x\",\"click\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"click\")");
		assertThat(SpreadsheetSafe.text("+cmd|' /C calc'!A0")).isEqualTo("'+cmd|' /C calc'!A0");
		assertThat(SpreadsheetSafe.text("-2+3")).isEqualTo("'-2+3");
		assertThat(SpreadsheetSafe.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(SpreadsheetSafe.text("\t=1")).isEqualTo("'\t=1");
		assertThat(SpreadsheetSafe.text("\r=1")).isEqualTo("'\r=1");
	}

	@Test
	void numbersAndOrdinaryTextStayAsTheyAre() {
		assertThat(SpreadsheetSafe.cell(new BigDecimal("-12.50"))).isEqualTo("-12.50");
		assertThat(SpreadsheetSafe.cell(-3)).isEqualTo("-3");
		assertThat(SpreadsheetSafe.text("-0.75")).isEqualTo("-0.75");
		assertThat(SpreadsheetSafe.text("+1.5e3")).isEqualTo("+1.5e3");
		assertThat(SpreadsheetSafe.text("Kabul = capital")).isEqualTo("Kabul = capital");
		assertThat(SpreadsheetSafe.text("قمح")).isEqualTo("قمح");
		assertThat(SpreadsheetSafe.cell(null)).isEmpty();
	}

	@Test
	void everyCsvDownloadIsNeutralised() throws IOException {
		List<List<Object>> rows = List.of(Arrays.asList("=1+1", new BigDecimal("-4.2"), "wheat", null));
		var response = TableDownload.of("t", TableDownload.Format.CSV, List.of("market", "price", "commodity", "note"), rows);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		response.getBody().writeTo(out);
		String csv = out.toString(StandardCharsets.UTF_8).replace("\uFEFF", "");
		assertThat(csv.lines()).containsExactly("market,price,commodity,note", "'=1+1,-4.2,wheat,");
	}

}
