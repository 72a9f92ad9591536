package org.iofs.fse.foodbalance.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.iofs.fse.countries.FaostatAreas;
import org.iofs.fse.support.ImportFuzzer;
import org.iofs.fse.support.ReferenceCountries;
import org.junit.jupiter.api.Test;

/**
 * The FAOSTAT Food Balances reader under mutated files (wide and normalized layouts, old and new flags): every input
 * ends in rows and row problems, or in a refusal of the whole file, and every row it hands on fits the table it is
 * merged into. {@code mvn -Pfuzz verify} runs a million inputs.
 */
class FaostatReaderFuzzTest {

	static final Path SAMPLE = Path.of("../shared/data/samples/FoodBalanceSheets_E_Africa_NOFLAG_truncated.csv");

	static final Set<Integer> ELEMENTS = Set.of(511, 5511, 5611, 5072, 5911, 5301, 5521, 5527, 5123, 5131, 5154, 5171,
			5170, 5142, 645, 664, 674, 684);

	@Test
	void everyFileEndsInRowsOrARefusal() throws IOException {
		List<String> seeds = List.of(ImportFuzzer.head(SAMPLE, 12), """
				Area Code,Area Code (M49),Area,Item Code,Item Code (FBS),Item,Element Code,Element,Year Code,Year,Unit,Value,Flag
				4,'012,Algeria,2511,'S2511,Wheat and products,5511,Production,2020,2020,1000 t,3107.00,E
				4,'012,Algeria,2511,'S2511,Wheat and products,5611,Import quantity,2020,2020,1000 t,7080.00,A
				887,'887,Yemen,2807,'S2807,Rice and products,645,Food supply quantity (kg/capita/yr),2021,2021,kg,10.5,I
				5000,'001,World,2511,'S2511,Wheat and products,5511,Production,2020,2020,1000 t,760000,A
				""", """
				Area Code,Area,Item Code,Item,Element Code,Element,Unit,Y2014,Y2014F,Y2015,Y2015F
				59,Egypt,2511,Wheat and products,5511,Production,1000 tonnes,9280,Im,8300,F
				59,Egypt,2501,Population,511,Total Population - Both sexes,1000 persons,89580,X,91508,
				""");
		ImportFuzzer.Result result = ImportFuzzer.run("faostat", seeds, FaostatReaderFuzzTest::refusal, input -> {
			FbsRows rows = new FbsRows(ELEMENTS, codes -> new FaostatAreas(codes, ReferenceCountries.all()));
			List<FbsRow> read = new ArrayList<>();
			rows.read(new StringReader(input), read::add);
			read.forEach(FaostatReaderFuzzTest::fitsTheTable);
			return (read.isEmpty() ? "no rows" : "rows") + ", problems " + rows.problems().stream().map(p -> p.field()).distinct().sorted().toList();
		}, ImportFuzzer.inputs(3_000));
		System.out.println("FAOSTAT reader: " + result);
		assertThat(result.reports()).isPositive();
		assertThat(result.rejections()).isPositive();
	}

	/** What the import frame turns into a refused file (GuardedImport). */
	static boolean refusal(Throwable ex) {
		return ex instanceof IOException || ex instanceof UncheckedIOException || ex instanceof IllegalArgumentException
				|| ex instanceof IllegalStateException || ex.getClass().getName().startsWith("de.siegmar.fastcsv");
	}

	static void fitsTheTable(FbsRow row) {
		assertThat(row.iso3()).matches("[A-Z]{3}");
		assertThat(row.year()).isBetween(1900, 2100);
		assertThat(row.itemCode()).isPositive();
		assertThat(ELEMENTS).contains(row.elementCode());
		assertThat(row.value().abs()).isLessThanOrEqualTo(new BigDecimal("99999999999999.9999"));
		assertThat(row.line()).isPositive();
	}

}
