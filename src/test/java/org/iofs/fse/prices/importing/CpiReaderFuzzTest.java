package org.iofs.fse.prices.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.iofs.fse.support.ImportFuzzer;
import org.junit.jupiter.api.Test;

/**
 * The consumer price index reader under mutated files: every input ends in indices and row problems, or in a
 * refusal of the whole file, and every index it hands on fits the index table (numeric(14,4), positive, a month from
 * 1990 to now, a member). {@code mvn -Pfuzz verify} runs a million inputs.
 */
class CpiReaderFuzzTest {

	@Test
	void everyFileEndsInIndicesOrARefusal() {
		List<String> seeds = List.of("""
				country,month,value,source
				YEM,2024-01,231.5,Central Statistical Organization
				YEM,2024-02,236.25,
				PAK,2023-12,312.4,Pakistan Bureau of Statistics
				FRA,2024-01,118.2,INSEE
				""", """
				month,value,country
				2022-06,101,SEN
				2022-07,101.35,sen
				""");
		ImportFuzzer.Result result = ImportFuzzer.run("cpi", seeds, WfpReaderFuzzTest::refusal, input -> {
			CpiRows rows = new CpiRows(WfpReaderFuzzTest.MEMBERS, WfpReaderFuzzTest.LATEST, "cpi.csv");
			List<CpiRows.CpiRow> read = new ArrayList<>();
			rows.read(new StringReader(input), read::add);
			read.forEach(CpiReaderFuzzTest::fitsTheTable);
			return (read.isEmpty() ? "no indices" : "indices") + ", problems "
					+ rows.problems().first().stream().map(p -> p.field()).distinct().sorted().toList();
		}, ImportFuzzer.inputs(3_000));
		System.out.println("CPI reader: " + result);
		assertThat(result.reports()).isPositive();
		assertThat(result.rejections()).isPositive();
	}

	static void fitsTheTable(CpiRows.CpiRow row) {
		assertThat(WfpReaderFuzzTest.MEMBERS).contains(row.iso3());
		assertThat(row.month()).isBetween(YearMonth.of(1990, 1), WfpReaderFuzzTest.LATEST);
		assertThat(row.value().setScale(4, RoundingMode.HALF_UP)).isPositive().isLessThanOrEqualTo(CpiRows.MAX_VALUE);
		assertThat(row.source().length()).isBetween(1, 200);
	}

}
