package org.iofs.fse.countries.internal;

import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/** The columns the countries list sorts by; name sorts in the reader's alphabet, ties fall back to ISO3. */
enum CountrySort {

	NAME, ISO3, GROUP, SINCE, IOFS;

	static CountrySort parse(String text) {
		return Arrays.stream(values()).filter(s -> s.param().equalsIgnoreCase(text)).findFirst().orElse(NAME);
	}

	String param() {
		return name().toLowerCase(Locale.ROOT);
	}

	Comparator<Country> comparator(Locale locale) {
		Comparator<Country> primary = switch (this) {
			case NAME -> Countries.byName(locale);
			case ISO3 -> Comparator.comparing(Country::iso3);
			case GROUP -> Comparator.comparing(Country::oicGroup);
			case SINCE -> Comparator.comparingInt(Country::oicMemberSince);
			case IOFS -> Comparator.comparing(Country::iofsStatus);
		};
		return primary.thenComparing(Country::iso3);
	}

}
