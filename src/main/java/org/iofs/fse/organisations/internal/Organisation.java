package org.iofs.fse.organisations.internal;

import org.iofs.fse.organisations.OrganisationType;
import java.util.Locale;
import java.util.UUID;

import org.iofs.fse.shared.LocalizedText;
import org.iofs.fse.shared.Named;

/** An organisation; {@code countryIso3} is null for bodies that belong to no one member state. */
public record Organisation(UUID id, OrganisationType type, String countryIso3, LocalizedText names)
		implements Named {

	@Override
	public String name(Locale locale) {
		return names.in(locale);
	}

}
