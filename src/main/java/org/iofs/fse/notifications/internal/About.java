package org.iofs.fse.notifications.internal;

import java.util.List;
import java.util.function.Predicate;

import org.iofs.fse.access.Caller;

/**
 * What a notice is about, for those who subscribed to such news: its kind, the member states and commodity it
 * concerns (none: it matches any), and who may read it, since a subscription never reaches someone whose role would
 * not show them the news.
 */
record About(SubscriptionKind kind, List<String> countries, String commodity, Predicate<Caller> mayRead) {

	About {
		countries = countries == null ? List.of() : List.copyOf(countries);
	}

	static About of(SubscriptionKind kind, String country, String commodity, Predicate<Caller> mayRead) {
		return new About(kind, country == null ? List.of() : List.of(country), commodity, mayRead);
	}

}
