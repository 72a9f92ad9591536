package org.iofs.fse.shared;

import java.util.Locale;
import java.util.Objects;

/** A name or label in the platform's three languages. English is the fallback for any other locale. */
public record LocalizedText(String en, String ar, String fr) {

	public LocalizedText {
		Objects.requireNonNull(en, "en");
		Objects.requireNonNull(ar, "ar");
		Objects.requireNonNull(fr, "fr");
	}

	public String in(Locale locale) {
		return switch (locale.getLanguage()) {
			case "ar" -> ar;
			case "fr" -> fr;
			default -> en;
		};
	}

}
