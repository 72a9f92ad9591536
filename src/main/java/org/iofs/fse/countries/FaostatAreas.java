package org.iofs.fse.countries;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;


/**
 * Turns an area code of a FAOSTAT file into a member state, or says why it is not one: a regional aggregate (FAO
 * codes from 5000, China 351, "North Africa (exc Sudan)" 429, the UN M49 region codes) or a country outside the
 * OIC. Every FAOSTAT importer (food balances, the trade matrix) resolves its areas here.
 */
public final class FaostatAreas {

	/** The code system of a file's area columns. */
	public enum CodeSystem {

		FAO, M49, ISO3

	}

	public enum Kind {

		MEMBER, AGGREGATE, NON_MEMBER

	}

	public record Area(Kind kind, String iso3) {
	}

	private static final Set<Integer> FAO_AGGREGATES_BELOW_5000 = Set.of(351, 429);

	private static final Set<String> M49_REGIONS = Set.of("001", "002", "005", "009", "010", "011", "013", "014",
			"015", "017", "018", "019", "021", "029", "030", "034", "035", "039", "053", "054", "057", "061", "142",
			"143", "145", "150", "151", "154", "155", "202", "419");

	private final CodeSystem codes;

	private final Map<String, String> iso3ByCode = new HashMap<>();

	private final Map<String, Area> resolved = new HashMap<>();

	public FaostatAreas(CodeSystem codes, Iterable<Country> members) {
		this.codes = codes;
		for (Country country : members) {
			String code = switch (codes) {
				case FAO -> String.valueOf(country.faoAreaCode());
				case M49 -> country.m49();
				case ISO3 -> country.iso3();
			};
			iso3ByCode.put(code, country.iso3());
		}
	}

	/** Builds the resolver for the code system a file turns out to use. */
	public interface Factory {

		FaostatAreas forCodes(CodeSystem codes);

	}

	/** Resolves a raw area code; throws IllegalArgumentException when it is not a code at all. */
	public Area resolve(String raw) {
		// A file names a few hundred areas over millions of rows: resolve each once (failures are not kept).
		return resolved.computeIfAbsent(raw, this::resolveOnce);
	}

	private Area resolveOnce(String raw) {
		String code = raw.strip().replace("'", "");
		switch (codes) {
			case FAO -> {
				if (!code.matches("\\d{1,5}")) {
					throw new IllegalArgumentException("'" + raw + "' is not an FAO area code");
				}
				int fao = Integer.parseInt(code);
				if (fao >= 5000 || FAO_AGGREGATES_BELOW_5000.contains(fao)) {
					return new Area(Kind.AGGREGATE, null);
				}
				code = String.valueOf(fao);
			}
			case M49 -> {
				if (!code.matches("\\d{1,3}")) {
					throw new IllegalArgumentException("'" + raw + "' is not an M49 code");
				}
				code = "%03d".formatted(Integer.parseInt(code));
				if (M49_REGIONS.contains(code)) {
					return new Area(Kind.AGGREGATE, null);
				}
			}
			case ISO3 -> {
				if (code.isEmpty()) {
					return new Area(Kind.AGGREGATE, null);
				}
			}
		}
		String iso3 = iso3ByCode.get(code);
		return iso3 == null ? new Area(Kind.NON_MEMBER, null) : new Area(Kind.MEMBER, iso3);
	}

}
