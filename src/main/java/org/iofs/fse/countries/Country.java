package org.iofs.fse.countries;

import java.math.BigDecimal;
import java.util.Locale;

import org.iofs.fse.shared.LocalizedText;
import org.iofs.fse.shared.Named;

/** An OIC member state as other modules and the API see it. */
public record Country(String iso3, String iso2, String m49, int faoAreaCode, OicGroup oicGroup, int oicMemberSince,
		IofsStatus iofsStatus, LocalizedText names, Capital capital) implements Named {

	@Override
	public String name(Locale locale) {
		return names.in(locale);
	}

	public record Capital(LocalizedText names, BigDecimal latitude, BigDecimal longitude) {
	}

}
