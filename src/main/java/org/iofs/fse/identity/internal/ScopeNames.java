package org.iofs.fse.identity.internal;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.organisations.Organisations;
import org.iofs.fse.reserves.Hubs;
import org.iofs.fse.shared.Named;

import org.springframework.stereotype.Component;

/**
 * What an administrator reads for a grant's scope: the member's, hub's or organisation's name in their language,
 * not its code (the code stays beside it on the account page). Read through each module's public API.
 */
@Component("scopeNames")
public class ScopeNames {

	private final Countries countries;

	private final Hubs hubs;

	private final Organisations organisations;

	ScopeNames(Countries countries, Hubs hubs, Organisations organisations) {
		this.countries = countries;
		this.hubs = hubs;
		this.organisations = organisations;
	}

	/** One page's lookup: every member, hub and organisation once, then a name per grant from memory. */
	Lookup lookup() {
		return new Lookup(countries.all().stream().collect(Collectors.toMap(Country::iso3, Function.identity())),
				hubs.byCode(), organisations.namesById());
	}

	public record Lookup(Map<String, Country> countries, Map<String, Hubs.Hub> hubs, Map<String, Named> organisations) {

		/** The scope's name in the reader's language, or its id when it names nothing known. */
		public String name(AccountGrant grant, Locale locale) {
			String id = grant.scopeId();
			return switch (grant.scopeType()) {
				case COUNTRY -> countries.containsKey(id) ? countries.get(id).name(locale) : id;
				case HUB -> hubs.containsKey(id) ? hubs.get(id).name(locale) : id;
				case ORGANISATION -> organisations.containsKey(id) ? organisations.get(id).name(locale) : id;
				case GLOBAL -> "";
			};
		}

	}
}
