package org.iofs.fse.countries;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The OIC's three geographic groups. */
public enum OicGroup {

	ARAB, AFRICAN, ASIAN;

	/** Accepts the group in any letter case ("Arab", "arab", "ARAB"). */
	public static Optional<OicGroup> parse(String text) {
		return Arrays.stream(values()).filter(g -> g.name().equals(text.trim().toUpperCase(Locale.ROOT))).findFirst();
	}

	public String messageKey() {
		return "group." + name();
	}

}
