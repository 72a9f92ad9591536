package org.iofs.fse.shared.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The platform's three languages, the OIC's official ones. Arabic pages are laid out right to left. */
public enum SupportedLanguage {

	EN(Locale.ENGLISH, false), AR(Locale.forLanguageTag("ar"), true), FR(Locale.FRENCH, false);

	private final Locale locale;

	private final boolean rightToLeft;

	SupportedLanguage(Locale locale, boolean rightToLeft) {
		this.locale = locale;
		this.rightToLeft = rightToLeft;
	}

	public Locale locale() {
		return locale;
	}

	public String code() {
		return locale.getLanguage();
	}

	public boolean rightToLeft() {
		return rightToLeft;
	}

	public static Optional<SupportedLanguage> of(Locale locale) {
		return locale == null ? Optional.empty()
				: Arrays.stream(values()).filter(l -> l.code().equals(locale.getLanguage())).findFirst();
	}

	public static SupportedLanguage ofOrDefault(Locale locale) {
		return of(locale).orElse(EN);
	}

}
