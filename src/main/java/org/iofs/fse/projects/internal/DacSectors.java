package org.iofs.fse.projects.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.iofs.fse.shared.LocalizedText;
import org.iofs.fse.shared.Named;
import org.iofs.fse.shared.ReferenceFile;

import org.springframework.stereotype.Component;

/**
 * The DAC 5-digit sectors a food-security project is classed under (IATI sector vocabulary 1), with their names in
 * the three languages: the project's reference file {@code dac-sectors.csv}, a subset of IATI's Sector codelist.
 */
@Component
public class DacSectors {

	public record Sector(String code, LocalizedText names) implements Named {

		@Override
		public String name(Locale locale) {
			return names.in(locale);
		}

	}

	static final String FILE = "dac-sectors.csv";

	private final Map<String, Sector> byCode = new LinkedHashMap<>();

	DacSectors() {
		List<Sector> sectors = new ReferenceFile(FILE).read(Set.of("code", "name_en", "name_fr", "name_ar"),
				row -> new Sector(row.getField("code"),
						new LocalizedText(row.getField("name_en"), row.getField("name_ar"), row.getField("name_fr"))));
		sectors.forEach(sector -> byCode.put(sector.code(), sector));
	}

	public List<Sector> all() {
		return List.copyOf(byCode.values());
	}

	public boolean contains(String code) {
		return byCode.containsKey(code);
	}

}
