package org.iofs.fse.shared;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/** Something people know by a name in their language: a member, a commodity, a reserve, a hub, an organisation. */
public interface Named {

	String name(Locale locale);

	/**
	 * By name in the reader's alphabet and its rules (Arabic order for Arabic readers, accents after the letter for
	 * French readers), never by code.
	 */
	static <T extends Named> Comparator<T> byName(Locale locale) {
		Collator collator = Collator.getInstance(locale);
		return Comparator.comparing(named -> named.name(locale), collator);
	}

}
