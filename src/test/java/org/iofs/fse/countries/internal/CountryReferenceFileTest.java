package org.iofs.fse.countries.internal;

import org.iofs.fse.countries.Country;
import org.iofs.fse.countries.IofsStatus;
import org.iofs.fse.countries.OicGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import org.junit.jupiter.api.Test;

import org.iofs.fse.shared.ReferenceFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The project's countries file says what the shared reference facts say, and adds the other languages. */
class CountryReferenceFileTest {

	static final Path FACTS = Path.of("../shared/data/reference/oic_members.csv");

	final List<Country> countries = new ReferenceFile(CountryReferenceData.FILE).read(Set.of(), CountryReferenceData::parse);

	@Test
	void holdsTheFiftySevenMembersOnce() {
		assertThat(countries).hasSize(57);
		assertThat(countries).extracting(Country::iso3).doesNotHaveDuplicates();
		assertThat(countries).extracting(Country::iso2).doesNotHaveDuplicates();
		assertThat(countries).extracting(Country::m49).doesNotHaveDuplicates();
		assertThat(countries).extracting(Country::faoAreaCode).doesNotHaveDuplicates();
	}

	@Test
	void agreesWithTheReferenceFacts() throws IOException {
		Map<String, NamedCsvRecord> facts = readFacts();
		assertThat(facts.keySet()).containsExactlyInAnyOrderElementsOf(countries.stream().map(Country::iso3).toList());
		for (Country country : countries) {
			NamedCsvRecord fact = facts.get(country.iso3());
			assertThat(country.iso2()).as(country.iso3() + " iso2").isEqualTo(fact.getField("iso2"));
			assertThat(country.m49()).as(country.iso3() + " m49").isEqualTo(fact.getField("m49"));
			assertThat(country.faoAreaCode()).as(country.iso3() + " FAO area")
				.isEqualTo(Integer.parseInt(fact.getField("fao_area_code")));
			assertThat(country.oicGroup()).as(country.iso3() + " group")
				.isEqualTo(OicGroup.parse(fact.getField("oic_group")).orElseThrow());
			assertThat(country.oicMemberSince()).as(country.iso3() + " member since")
				.isEqualTo(Integer.parseInt(fact.getField("oic_member_since")));
			assertThat(country.iofsStatus()).as(country.iso3() + " IOFS status")
				.isEqualTo(iofsStatus(fact.getField("iofs_status")));
		}
	}

	@Test
	void namesEveryCountryAndCapitalInTheThreeLanguages() {
		assertThat(countries).allSatisfy(c -> {
			assertThat(c.names().ar()).as(c.iso3()).matches(".*\\p{IsArabic}.*");
			assertThat(c.capital().names().ar()).as(c.iso3()).matches(".*\\p{IsArabic}.*");
			assertThat(c.names().fr()).as(c.iso3()).isNotBlank();
			assertThat(c.capital().names().fr()).as(c.iso3()).isNotBlank();
			assertThat(c.capital().latitude().abs().doubleValue()).as(c.iso3()).isLessThanOrEqualTo(90);
			assertThat(c.capital().longitude().abs().doubleValue()).as(c.iso3()).isLessThanOrEqualTo(180);
		});
	}

	private static IofsStatus iofsStatus(String fact) {
		return switch (fact) {
			case "member_ratified" -> IofsStatus.RATIFIED;
			case "member_signed" -> IofsStatus.SIGNED;
			case "unknown" -> IofsStatus.UNKNOWN;
			default -> throw new IllegalArgumentException("Unexpected IOFS status " + fact);
		};
	}

	private static Map<String, NamedCsvRecord> readFacts() throws IOException {
		try (CsvReader<NamedCsvRecord> csv = CsvReader.builder()
			.ofNamedCsvRecord(Files.newBufferedReader(FACTS, StandardCharsets.UTF_8))) {
			return csv.stream().collect(Collectors.toMap(r -> r.getField("iso3"), Function.identity()));
		}
	}

}
