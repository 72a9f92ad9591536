package org.iofs.fse.engagements.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.organisations.OrganisationType;
import org.iofs.fse.organisations.Organisations;
import org.iofs.fse.projects.ProjectDirectory;
import org.iofs.fse.reserves.Hubs;
import org.iofs.fse.reserves.ReservesSituation;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.LocalizedText;

import org.springframework.stereotype.Component;

/**
 * What an engagement's topic points at: a commodity, a hub, a reserve, a project, an IFPA company, a release
 * request, or the ecosystem as a whole (a presentation of the platform itself). Each is checked against the module
 * that holds it, through that module's public API, and named from it in the reader's language.
 */
@Component
class Topics {

	enum Kind {
		COMMODITY, HUB, RESERVE, PROJECT, COMPANY, RELEASE, ECOSYSTEM
	}

	/** A topic as given or stored: its kind and the platform's identifier of the thing. */
	record Topic(String kind, String ref) {
	}

	/** A topic with its name in three languages and the page it opens, for pages and the API. */
	record Named(String kind, String ref, LocalizedText names, String link) {
	}

	private static final String[] ECOSYSTEM_PARTS = { "FOOD_BALANCE", "HUBS", "STRATEGIC_COMMODITIES", "CLUSTER_PROJECTS",
			"INVESTMENTS", "IFPA" };

	private final Commodities commodities;

	private final Hubs hubs;

	private final ReservesSituation reserves;

	private final ProjectDirectory projects;

	private final Organisations organisations;

	Topics(Commodities commodities, Hubs hubs, ReservesSituation reserves, ProjectDirectory projects,
			Organisations organisations) {
		this.commodities = commodities;
		this.hubs = hubs;
		this.reserves = reserves;
		this.projects = projects;
		this.organisations = organisations;
	}

	/** The topic as stored, or a refusal naming the field when it points at nothing the platform holds. */
	Topic check(Topic given, String field) {
		if (given == null) {
			throw new InvalidInputException(field, "is empty");
		}
		Kind kind = java.util.Arrays.stream(Kind.values())
			.filter(k -> k.name().equalsIgnoreCase(String.valueOf(given.kind()).strip()))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException(field + ".kind", "must be one of "
					+ java.util.Arrays.toString(Kind.values())));
		String ref = given.ref() == null ? "" : given.ref().strip();
		String stored = switch (kind) {
			case COMMODITY -> commodities.find(ref).map(c -> c.code()).orElse(null);
			case HUB -> hubs.exists(ref.toUpperCase(Locale.ROOT)) ? ref.toUpperCase(Locale.ROOT) : null;
			case RESERVE -> reserves.reserveNames(ref).isPresent() ? ref.toUpperCase(Locale.ROOT) : null;
			case PROJECT -> number(ref).flatMap(projects::titles).isPresent() ? ref : null;
			case COMPANY -> uuid(ref).filter(id -> organisations.typeOf(id).filter(OrganisationType.COMPANY::equals)
				.isPresent()).map(UUID::toString).orElse(null);
			case RELEASE -> number(ref).flatMap(reserves::releaseRequestCountry).isPresent() ? ref : null;
			case ECOSYSTEM -> java.util.Arrays.asList(ECOSYSTEM_PARTS).contains(ref.toUpperCase(Locale.ROOT))
					? ref.toUpperCase(Locale.ROOT) : null;
		};
		if (stored == null) {
			throw new InvalidInputException(field + ".ref", "'" + ref + "' is not a " + kind.name().toLowerCase(Locale.ROOT)
					+ " the platform holds");
		}
		return new Topic(kind.name(), stored);
	}

	/** The topic named, with the page that shows it; the ecosystem's parts are named by the message bundles. */
	Named name(Topic topic) {
		Kind kind = Kind.valueOf(topic.kind());
		String ref = topic.ref();
		return switch (kind) {
			case COMMODITY -> new Named(topic.kind(), ref, commodities.find(ref).map(c -> c.names()).orElse(same(ref)),
					"/commodities/" + ref);
			case HUB -> new Named(topic.kind(), ref, hubs.byCode().containsKey(ref) ? hubs.byCode().get(ref).names()
					: same(ref), "/hubs/" + ref);
			case RESERVE -> new Named(topic.kind(), ref, reserves.reserveNames(ref).orElse(same(ref)), "/reserves/" + ref);
			case PROJECT -> new Named(topic.kind(), ref, number(ref).flatMap(projects::titles).orElse(same(ref)),
					"/projects/" + ref);
			case COMPANY -> new Named(topic.kind(), ref, uuid(ref).flatMap(organisations::nameOf)
				.map(n -> new LocalizedText(n.name(Locale.ENGLISH), n.name(Locale.forLanguageTag("ar")),
						n.name(Locale.FRENCH)))
				.orElse(same(ref)), "/trade/companies/" + ref);
			case RELEASE -> new Named(topic.kind(), ref, same("#" + ref), "/releases/" + ref);
			case ECOSYSTEM -> new Named(topic.kind(), ref, null, null);
		};
	}

	private static LocalizedText same(String text) {
		return new LocalizedText(text, text, text);
	}

	private static Optional<Long> number(String ref) {
		try {
			return Optional.of(Long.parseLong(ref));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static Optional<UUID> uuid(String ref) {
		try {
			return Optional.of(UUID.fromString(ref));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
