package org.iofs.fse.projects.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.shared.Inputs;
import org.iofs.fse.shared.InvalidInputException;

import org.springframework.stereotype.Component;

/**
 * The rules a project must keep before it is stored: shares of member states and of sectors each sum to 100, dates
 * come in order and no actual date lies ahead, every code is one the platform knows, titles and descriptions are
 * there in the three languages. A project that breaks one is refused naming the field.
 */
@Component
class ProjectRules {

	/** The IATI organisation types a participant may have (codelist OrganisationType). */
	static final Set<String> ORGANISATION_TYPES = Set.of("10", "11", "15", "21", "22", "23", "24", "30", "40", "60",
			"70", "71", "72", "73", "80", "90");

	private static final BigDecimal HUNDRED = new BigDecimal("100");

	private final Countries countries;

	private final Commodities commodities;

	private final DacSectors sectors;

	private final Clock clock;

	ProjectRules(Countries countries, Commodities commodities, DacSectors sectors, Clock clock) {
		this.countries = countries;
		this.commodities = commodities;
		this.sectors = sectors;
		this.clock = clock;
	}

	/** An input that passed every rule, ready to store. */
	record Checked(String code, String titleEn, String titleAr, String titleFr, String descriptionEn,
			String descriptionAr, String descriptionFr, Projects.Kind kind, Projects.Stage stage, Projects.ValueChainStage valueChain,
			List<String> commodities, List<Projects.Share> countries, List<Projects.Share> sectors, List<Projects.Participant> organisations,
			List<Projects.Location> locations, LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart,
			LocalDate actualEnd, BigDecimal seekingUsd, boolean published) {

		Map<String, Object> columns(Clock clock) {
			Map<String, Object> columns = new HashMap<>();
			columns.put("code", code);
			columns.put("titleEn", titleEn);
			columns.put("titleAr", titleAr);
			columns.put("titleFr", titleFr);
			columns.put("descriptionEn", descriptionEn);
			columns.put("descriptionAr", descriptionAr);
			columns.put("descriptionFr", descriptionFr);
			columns.put("kind", kind.name());
			columns.put("stage", stage.name());
			columns.put("valueChain", valueChain.name());
			columns.put("commodities", commodities.toArray(String[]::new));
			columns.put("plannedStart", Date.valueOf(plannedStart));
			columns.put("plannedEnd", plannedEnd == null ? null : Date.valueOf(plannedEnd));
			columns.put("actualStart", actualStart == null ? null : Date.valueOf(actualStart));
			columns.put("actualEnd", actualEnd == null ? null : Date.valueOf(actualEnd));
			columns.put("seekingUsd", seekingUsd);
			columns.put("published", published);
			columns.put("now", Timestamp.from(clock.instant()));
			return columns;
		}

	}

	Checked check(Projects.Input input) {
		if (input == null) {
			throw new InvalidInputException("project", "is required");
		}
		String code = required(input.code(), "code").toUpperCase(Locale.ROOT);
		if (!code.matches("[A-Z0-9][A-Z0-9-]{1,39}")) {
			throw new InvalidInputException("code", "must be 2 to 40 letters, digits and hyphens");
		}
		List<String> traded = (input.commodities() == null ? List.<String>of() : input.commodities()).stream()
			.map(c -> commodities.find(Objects.toString(c, "")).orElseThrow(() -> new InvalidInputException("commodities",
					"'" + c + "' is not a commodity")).code())
			.distinct()
			.toList();
		List<Projects.Share> countryShares = shares(input.countries(), "countries", iso3 -> countries.find(iso3)
			.map(c -> c.iso3()).orElse(null), "the ISO3 code of an OIC member state");
		List<Projects.Share> sectorShares = shares(input.sectors(), "sectors", dac -> sectors.contains(dac) ? dac : null,
				"a DAC 5-digit sector the platform lists");
		List<Projects.Participant> participants = participants(input.organisations());
		List<Projects.Location> locations = locations(input.locations(), countryShares);
		if (input.seekingUsd() != null && (input.seekingUsd().signum() <= 0 || input.seekingUsd().scale() > 2)) {
			throw new InvalidInputException("seekingUsd", "must be above 0, to the cent, or left out");
		}
		LocalDate today = LocalDate.now(clock);
		if (input.plannedStart() == null) {
			throw new InvalidInputException("plannedStart", "is required");
		}
		if (input.plannedEnd() != null && input.plannedEnd().isBefore(input.plannedStart())) {
			throw new InvalidInputException("plannedEnd", "comes before plannedStart");
		}
		if (input.actualStart() != null && input.actualStart().isAfter(today)) {
			throw new InvalidInputException("actualStart", "is in the future");
		}
		if (input.actualEnd() != null) {
			if (input.actualStart() == null) {
				throw new InvalidInputException("actualEnd", "needs an actualStart");
			}
			if (input.actualEnd().isBefore(input.actualStart())) {
				throw new InvalidInputException("actualEnd", "comes before actualStart");
			}
			if (input.actualEnd().isAfter(today)) {
				throw new InvalidInputException("actualEnd", "is in the future");
			}
		}
		return new Checked(code, name(input.titleEn(), "titleEn"), name(input.titleAr(), "titleAr"),
				name(input.titleFr(), "titleFr"), description(input.descriptionEn(), "descriptionEn"),
				description(input.descriptionAr(), "descriptionAr"), description(input.descriptionFr(), "descriptionFr"),
				choice(Projects.Kind.class, input.kind(), "kind"), choice(Projects.Stage.class, input.stage(), "stage"),
				choice(Projects.ValueChainStage.class, input.valueChainStage(), "valueChainStage"), traded, countryShares,
				sectorShares, participants, locations, input.plannedStart(), input.plannedEnd(), input.actualStart(),
				input.actualEnd(), input.seekingUsd(), Boolean.TRUE.equals(input.published()));
	}

	/** Shares that name known codes, once each, and sum to exactly 100. */
	private static List<Projects.Share> shares(List<Projects.Share> given, String field,
			java.util.function.Function<String, String> known, String what) {
		if (given == null || given.isEmpty()) {
			throw new InvalidInputException(field, "must name at least one, with percentages summing to 100");
		}
		List<Projects.Share> shares = new ArrayList<>();
		BigDecimal sum = BigDecimal.ZERO;
		for (int i = 0; i < given.size(); i++) {
			Projects.Share share = given.get(i);
			String at = field + "[" + i + "]";
			String code = share == null ? null : known.apply(Objects.toString(share.code(), "").strip());
			if (code == null) {
				throw new InvalidInputException(at + ".code", "must be " + what);
			}
			if (shares.stream().anyMatch(s -> s.code().equals(code))) {
				throw new InvalidInputException(at + ".code", "'" + code + "' is named twice");
			}
			BigDecimal percentage = share.percentage();
			if (percentage == null || percentage.signum() <= 0 || percentage.compareTo(HUNDRED) > 0
					|| percentage.scale() > 2) {
				throw new InvalidInputException(at + ".percentage", "must be above 0 and at most 100, to 2 decimals");
			}
			sum = sum.add(percentage);
			shares.add(new Projects.Share(code, percentage));
		}
		if (sum.compareTo(HUNDRED) != 0) {
			throw new InvalidInputException(field, "percentages sum to " + sum.toPlainString() + ", not 100");
		}
		return shares;
	}

	private static List<Projects.Participant> participants(List<Projects.Participant> given) {
		if (given == null || given.isEmpty()) {
			throw new InvalidInputException("organisations", "must name at least one participating organisation");
		}
		List<Projects.Participant> participants = new ArrayList<>();
		for (int i = 0; i < given.size(); i++) {
			Projects.Participant p = given.get(i);
			String at = "organisations[" + i + "]";
			if (p == null) {
				throw new InvalidInputException(at, "is empty");
			}
			if (p.role() < 1 || p.role() > 4) {
				throw new InvalidInputException(at + ".role", "must be 1 funding, 2 accountable, 3 extending or 4 implementing");
			}
			String type = Objects.toString(p.type(), "").strip();
			if (!ORGANISATION_TYPES.contains(type)) {
				throw new InvalidInputException(at + ".type", "must be an IATI organisation type code");
			}
			String ref = Objects.toString(p.ref(), "").strip();
			if (ref.length() > 100 || !ref.matches("[A-Za-z0-9-]*")) {
				throw new InvalidInputException(at + ".ref", "must be an IATI organisation identifier");
			}
			participants.add(new Projects.Participant(name(p.name(), at + ".name"), optionalName(p.nameAr(),
					at + ".nameAr"), optionalName(p.nameFr(), at + ".nameFr"), ref, p.role(), type));
		}
		return participants;
	}

	/** Points in the project's own member states, named in the three languages. */
	private static List<Projects.Location> locations(List<Projects.Location> given, List<Projects.Share> countries) {
		List<Projects.Location> locations = new ArrayList<>();
		List<Projects.Location> list = given == null ? List.of() : given;
		for (int i = 0; i < list.size(); i++) {
			Projects.Location l = list.get(i);
			String at = "locations[" + i + "]";
			if (l == null || l.names() == null) {
				throw new InvalidInputException(at + ".names", "are required in the three languages");
			}
			String country = Objects.toString(l.country(), "").strip().toUpperCase(Locale.ROOT);
			if (countries.stream().noneMatch(share -> share.code().equals(country))) {
				throw new InvalidInputException(at + ".country", "must be one of the project's member states");
			}
			if (l.latitude() == null || l.latitude().abs().compareTo(new BigDecimal("90")) > 0) {
				throw new InvalidInputException(at + ".latitude", "must be between -90 and 90");
			}
			if (l.longitude() == null || l.longitude().abs().compareTo(new BigDecimal("180")) > 0) {
				throw new InvalidInputException(at + ".longitude", "must be between -180 and 180");
			}
			int exactness = l.exactness() == null ? 1 : l.exactness();
			if (exactness != 1 && exactness != 2) {
				throw new InvalidInputException(at + ".exactness", "must be 1 exact or 2 approximate");
			}
			locations.add(new Projects.Location(new org.iofs.fse.shared.LocalizedText(
					Inputs.name(l.names().en(), 200, at + ".names.en"), Inputs.name(l.names().ar(), 200, at + ".names.ar"),
					Inputs.name(l.names().fr(), 200, at + ".names.fr")), country,
					l.latitude().setScale(5, java.math.RoundingMode.HALF_EVEN),
					l.longitude().setScale(5, java.math.RoundingMode.HALF_EVEN), exactness));
		}
		return locations;
	}

	static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
		return Inputs.choice(type, value, field);
	}

	private static String required(String value, String field) {
		return Inputs.required(value, field);
	}

	private static String name(String value, String field) {
		return Inputs.name(value, 300, field);
	}

	private static String optionalName(String value, String field) {
		String text = Objects.toString(value, "").strip();
		if (text.length() > 200) {
			throw new InvalidInputException(field, "is longer than 200 characters");
		}
		return text;
	}

	/** IATI requires a description; the platform publishes it in its three languages. */
	private static String description(String value, String field) {
		String text = required(value, field);
		if (text.length() > 5000) {
			throw new InvalidInputException(field, "is longer than 5,000 characters");
		}
		return text;
	}

}
