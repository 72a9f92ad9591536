package org.iofs.fse.strategy.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** The trade items file names commodities of the catalogue, each FAO and CPC code once, factors that make sense. */
class TradeItemsTest {

	@Test
	void everyItemBelongsToACommodityOfTheCatalogueOnceWithAPositiveFactor() throws IOException {
		Set<String> commodities = new HashSet<>(read("commodities.csv").stream()
			.filter(r -> r.getField("kind").equals("COMMODITY")).map(r -> r.getField("code")).toList());
		List<NamedCsvRecord> items = read(TradeItems.FILE);
		assertThat(items).hasSizeGreaterThanOrEqualTo(20);
		Set<String> codes = new HashSet<>();
		Set<String> cpc = new HashSet<>();
		for (NamedCsvRecord item : items) {
			assertThat(commodities).as("line %d", item.getStartingLineNumber()).contains(item.getField("commodity"));
			assertThat(codes.add(item.getField("item_code"))).as("item " + item.getField("item_code")).isTrue();
			assertThat(cpc.add(item.getField("cpc_code"))).as("CPC " + item.getField("cpc_code")).isTrue();
			BigDecimal factor = new BigDecimal(item.getField("primary_factor"));
			assertThat(factor).isGreaterThan(BigDecimal.ZERO).isLessThan(BigDecimal.TEN);
			assertThat(item.getField("name_ar")).isNotBlank().isNotEqualTo(item.getField("name_en"));
			assertThat(item.getField("name_fr")).isNotBlank();
		}
		assertThat(items.stream().map(i -> i.getField("commodity")).distinct().toList())
			.as("every strategic commodity has its trade items").contains("wheat", "rice", "maize", "cassava",
					"palm_oil", "sugar", "pulses");
	}

	private static List<NamedCsvRecord> read(String file) throws IOException {
		try (var reader = new InputStreamReader(new ClassPathResource("reference/" + file).getInputStream(),
				StandardCharsets.UTF_8); CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(reader)) {
			return csv.stream().toList();
		}
	}

}
