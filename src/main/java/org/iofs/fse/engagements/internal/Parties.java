package org.iofs.fse.engagements.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.iofs.fse.countries.Countries;
import org.iofs.fse.organisations.Organisations;
import org.iofs.fse.shared.InvalidInputException;

import org.springframework.stereotype.Component;

/** The member states and partner organisations an engagement or a memorandum names: known ones, once each. */
@Component
class Parties {

	private final Countries countries;

	private final Organisations organisations;

	Parties(Countries countries, Organisations organisations) {
		this.countries = countries;
		this.organisations = organisations;
	}

	List<String> members(List<String> given, String field) {
		return new ArrayList<>(new LinkedHashSet<>((given == null ? List.<String>of() : given).stream()
			.map(c -> countries.find(Objects.toString(c, "").strip()).orElseThrow(() -> new InvalidInputException(
					field, "'" + c + "' is not the ISO3 code of an OIC member state")).iso3())
			.toList()));
	}

	List<UUID> organisations(List<UUID> given, String field) {
		List<UUID> partners = new ArrayList<>(new LinkedHashSet<>(given == null ? List.of() : given));
		for (int i = 0; i < partners.size(); i++) {
			if (partners.get(i) == null || organisations.typeOf(partners.get(i)).isEmpty()) {
				throw new InvalidInputException(field + "[" + i + "]", "is not an organisation the platform knows");
			}
		}
		return partners;
	}

}
