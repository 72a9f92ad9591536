package org.iofs.fse.commodities.internal;

import org.iofs.fse.commodities.Commodity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import org.junit.jupiter.api.Test;

import org.iofs.fse.shared.ReferenceFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The project's commodity file carries the codes the shared reference facts give for each commodity. */
class CommodityReferenceFileTest {

	static final Path FACTS = Path.of("../shared/data/reference/strategic_commodities.csv");

	// The facts file names commodities in English; the project keys them by code.
	static final Map<String, String> FACT_NAME = Map.ofEntries(Map.entry("wheat", "Wheat"), Map.entry("rice", "Rice"),
			Map.entry("maize", "Maize"), Map.entry("sorghum", "Sorghum"), Map.entry("millet", "Millet"),
			Map.entry("barley", "Barley"), Map.entry("cassava", "Cassava"), Map.entry("palm_oil", "Palm oil"),
			Map.entry("sugar", "Sugar"), Map.entry("soybeans", "Soybeans"), Map.entry("soybean_oil", "Soybean oil"),
			Map.entry("sunflower_oil", "Sunflower oil"), Map.entry("pulses", "Pulses (group)"),
			Map.entry("dates", "Dates"), Map.entry("cereals", "Cereals (group)"),
			Map.entry("vegetable_oils", "Vegetable oils (group)"));

	final List<Commodity> commodities = new ReferenceFile(CommodityReferenceData.FILE).read(Set.of(),
			CommodityReferenceData::parse);

	@Test
	void agreesWithTheReferenceFacts() throws IOException {
		Map<String, NamedCsvRecord> facts = readFacts();
		assertThat(commodities).extracting(Commodity::code).containsExactlyInAnyOrderElementsOf(FACT_NAME.keySet());
		for (Commodity commodity : commodities) {
			NamedCsvRecord fact = facts.get(FACT_NAME.get(commodity.code()));
			assertThat(fact).as(commodity.code()).isNotNull();
			assertThat(fact.getField("hs2022_heading")).as(commodity.code() + " HS heading")
				.startsWith(commodity.hs2022Heading());
			assertThat(fact.getField("hs2022_heading").contains("(part)")).as(commodity.code() + " HS part")
				.isEqualTo(commodity.hs2022Part());
			assertThat(leadingCodes(fact.getField("fbs_item_code"))).as(commodity.code() + " FBS codes")
				.containsAll(commodity.fbsItemCodes());
			for (Integer qcl : commodity.qclItemCodes()) {
				assertThat(fact.getField("faostat_qcl_item_code")).as(commodity.code() + " QCL codes")
					.contains(String.valueOf(qcl));
			}
		}
	}

	@Test
	void itemCodesBelongToOneCommodityEach() {
		assertThat(commodities.stream().flatMap(c -> c.fbsItemCodes().stream())).doesNotHaveDuplicates();
		assertThat(commodities.stream().flatMap(c -> c.qclItemCodes().stream())).doesNotHaveDuplicates();
	}

	@Test
	void namesEveryCommodityInTheThreeLanguages() {
		assertThat(commodities).allSatisfy(c -> {
			assertThat(c.names().ar()).as(c.code()).matches(".*\\p{IsArabic}.*");
			assertThat(c.names().fr()).as(c.code()).isNotBlank();
		});
	}

	private static List<Integer> leadingCodes(String field) {
		return java.util.regex.Pattern.compile("\\d{4}")
			.matcher(field)
			.results()
			.map(m -> Integer.valueOf(m.group()))
			.toList();
	}

	private static Map<String, NamedCsvRecord> readFacts() throws IOException {
		try (CsvReader<NamedCsvRecord> csv = CsvReader.builder()
			.ofNamedCsvRecord(Files.newBufferedReader(FACTS, StandardCharsets.UTF_8))) {
			return csv.stream()
				.collect(java.util.stream.Collectors.toMap(r -> r.getField("commodity"), r -> r));
		}
	}

}
