package org.iofs.fse.support;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import org.iofs.fse.countries.Country;
import org.iofs.fse.countries.IofsStatus;
import org.iofs.fse.countries.OicGroup;
import org.iofs.fse.shared.LocalizedText;

/** The 57 member states as the platform's reference file gives them, for tests that need no database. */
public final class ReferenceCountries {

	private static final List<Country> ALL = read();

	private ReferenceCountries() {
	}

	public static List<Country> all() {
		return ALL;
	}

	private static List<Country> read() {
		List<Country> countries = new ArrayList<>();
		try (var in = ReferenceCountries.class.getResourceAsStream("/reference/countries.csv");
				CsvReader<NamedCsvRecord> csv = CsvReader.builder()
					.ofNamedCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			for (NamedCsvRecord row : csv) {
				countries.add(new Country(row.getField("iso3"), row.getField("iso2"), row.getField("m49"),
						Integer.parseInt(row.getField("fao_area_code")), OicGroup.valueOf(row.getField("oic_group")),
						Integer.parseInt(row.getField("oic_member_since")), IofsStatus.valueOf(row.getField("iofs_status")),
						new LocalizedText(row.getField("name_en"), row.getField("name_ar"), row.getField("name_fr")),
						new Country.Capital(new LocalizedText(row.getField("capital_en"), row.getField("capital_ar"),
								row.getField("capital_fr")), new BigDecimal(row.getField("capital_lat")),
								new BigDecimal(row.getField("capital_lon")))));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return countries;
	}

}
