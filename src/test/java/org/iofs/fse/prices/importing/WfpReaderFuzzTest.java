package org.iofs.fse.prices.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.iofs.fse.countries.Country;
import org.iofs.fse.support.ImportFuzzer;
import org.iofs.fse.support.ReferenceCountries;
import org.junit.jupiter.api.Test;

/**
 * The WFP food prices reader under mutated files (one member's file, the global file with its HXL row): every input
 * ends in prices and row problems, or in a refusal of the whole file, and every price it hands on fits the tables it
 * is merged into. {@code mvn -Pfuzz verify} runs a million inputs.
 */
class WfpReaderFuzzTest {

	static final Path SAMPLES = Path.of("../shared/data/samples");

	static final Set<String> MEMBERS = ReferenceCountries.all().stream().map(Country::iso3).collect(Collectors.toSet());

	static final YearMonth LATEST = YearMonth.of(2026, 12);

	@Test
	void everyFileEndsInPricesOrARefusal() throws IOException {
		List<String> seeds = List.of(ImportFuzzer.head(SAMPLES.resolve("wfp_food_prices_pak.csv"), 12),
				ImportFuzzer.head(SAMPLES.resolve("wfp_food_prices_afg.csv"), 12), """
						date,countryiso3,admin1,admin2,market,market_id,latitude,longitude,category,commodity,commodity_id,unit,priceflag,pricetype,currency,price,usdprice
						#date,#country+code,#adm1+name,#adm2+name,#loc+market+name,#loc+market+code,#geo+lat,#geo+lon,#item+type,#item+name,#item+code,#item+unit,#item+price+flag,#item+price+type,#currency+code,#value,#value+usd
						2024-03-15,YEM,Sana'a,Sana'a City,Sana'a,100,15.35,44.2,cereals and tubers,Wheat flour,58,50 KG,actual,Retail,YER,21000,39.5
						2024-04-15,YEM,Aden,Aden,Aden,101,12.78,45.03,cereals and tubers,Rice (imported),71,KG,"actual,aggregate",Wholesale,YER,900,1.7
						2024-04-15,FRA,Paris,Paris,Rungis,9,48.75,2.35,cereals and tubers,Wheat,1,KG,actual,Wholesale,EUR,0.3,0.33
						""");
		ImportFuzzer.Result result = ImportFuzzer.run("wfp", seeds, WfpReaderFuzzTest::refusal, input -> {
			WfpRows rows = new WfpRows(MEMBERS, input.startsWith("date,admin1") ? "PAK" : null, LATEST);
			List<PriceRow> read = new ArrayList<>();
			rows.read(new StringReader(input), read::add);
			read.forEach(WfpReaderFuzzTest::fitsTheTables);
			return (read.isEmpty() ? "no prices" : "prices") + ", problems "
					+ rows.problems().stream().map(p -> p.field()).distinct().sorted().toList();
		}, ImportFuzzer.inputs(3_000));
		System.out.println("WFP reader: " + result);
		assertThat(result.reports()).isPositive();
		assertThat(result.rejections()).isPositive();
	}

	static boolean refusal(Throwable ex) {
		return ex instanceof IOException || ex instanceof java.io.UncheckedIOException
				|| ex instanceof IllegalArgumentException || ex instanceof IllegalStateException
				|| ex.getClass().getName().startsWith("de.siegmar.fastcsv");
	}

	static void fitsTheTables(PriceRow row) {
		assertThat(MEMBERS).contains(row.iso3());
		assertThat(row.month()).isBetween(YearMonth.of(1990, 1), LATEST);
		assertThat(row.price()).isPositive().isLessThanOrEqualTo(WfpRows.MAX_PRICE);
		if (row.usdPrice() != null) {
			assertThat(row.usdPrice().signum()).isNotNegative();
			assertThat(row.usdPrice()).isLessThanOrEqualTo(WfpRows.MAX_PRICE);
		}
		assertThat(row.currency()).matches("[A-Z]{3}");
		assertThat(row.priceFlag()).isIn("actual", "aggregate", "actual,aggregate");
		assertThat(row.priceType().length()).isBetween(1, 50);
		assertThat(row.unit().text().length()).isBetween(1, 50);
		assertThat(row.market().length()).isBetween(1, 200);
		assertThat(row.commodity().length()).isBetween(1, 200);
		if (row.latitude() != null) {
			assertThat(row.latitude()).isBetween(new BigDecimal("-90"), new BigDecimal("90"));
		}
		if (row.longitude() != null) {
			assertThat(row.longitude()).isBetween(new BigDecimal("-180"), new BigDecimal("180"));
		}
	}

}
