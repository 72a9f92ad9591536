package org.iofs.fse.engagements.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.iofs.fse.countries.Countries;
import org.iofs.fse.shared.Inputs;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.LocalizedText;

import org.springframework.stereotype.Component;

/**
 * The rules an engagement keeps before it is stored: a kind, titles and places in the three languages, an end on or
 * after its start, known member states and partners (shared only when it names a member), participants with a side
 * (a member state's delegate with the member), topics pointing at what the platform holds, commitments in three
 * languages. One that breaks a rule is refused naming the field.
 */
@Component
class EngagementRules {

	private final Countries countries;

	private final Parties parties;

	private final Topics topics;

	EngagementRules(Countries countries, Parties parties, Topics topics) {
		this.countries = countries;
		this.parties = parties;
		this.topics = topics;
	}

	/** An input that passed every rule. */
	record Checked(Engagements.Kind kind, LocalizedText titles, LocalDate startsOn, LocalDate endsOn, LocalizedText places,
			String agenda, String minutes, boolean confidential, String sharedWith, List<String> countries,
			List<UUID> partners, List<Engagements.Participant> participants, List<Topics.Topic> topics,
			List<Engagements.Commitment> commitments) {

		Map<String, Object> columns() {
			Map<String, Object> columns = new HashMap<>();
			columns.put("kind", kind.name());
			columns.put("titleEn", titles.en());
			columns.put("titleAr", titles.ar());
			columns.put("titleFr", titles.fr());
			columns.put("startsOn", Date.valueOf(startsOn));
			columns.put("endsOn", Date.valueOf(endsOn));
			columns.put("placeEn", places.en());
			columns.put("placeAr", places.ar());
			columns.put("placeFr", places.fr());
			columns.put("agenda", agenda);
			columns.put("minutes", minutes);
			columns.put("confidential", confidential);
			columns.put("sharedWith", sharedWith);
			return columns;
		}

	}

	Checked check(Engagements.Input input) {
		if (input == null) {
			throw new InvalidInputException("engagement", "is required");
		}
		Engagements.Kind kind = Inputs.choice(Engagements.Kind.class, input.kind(), "kind");
		LocalizedText titles = new LocalizedText(Inputs.name(input.titleEn(), 300, "titleEn"),
				Inputs.name(input.titleAr(), 300, "titleAr"), Inputs.name(input.titleFr(), 300, "titleFr"));
		if (input.startsOn() == null) {
			throw new InvalidInputException("startsOn", "is required");
		}
		LocalDate endsOn = input.endsOn() == null ? input.startsOn() : input.endsOn();
		if (endsOn.isBefore(input.startsOn())) {
			throw new InvalidInputException("endsOn", "comes before startsOn");
		}
		LocalizedText places = new LocalizedText(Inputs.name(input.placeEn(), 200, "placeEn"),
				Inputs.name(input.placeAr(), 200, "placeAr"), Inputs.name(input.placeFr(), 200, "placeFr"));
		String agenda = text(input.agenda(), 10_000, "agenda");
		String minutes = text(input.minutes(), 50_000, "minutes");
		String sharedWith = Engagements.blank(input.sharedWith()) ? "SECRETARIAT" : input.sharedWith().strip().toUpperCase(Locale.ROOT);
		if (!List.of("SECRETARIAT", "COUNTRIES").contains(sharedWith)) {
			throw new InvalidInputException("sharedWith", "must be SECRETARIAT or COUNTRIES");
		}
		List<String> members = parties.members(input.countries(), "countries");
		if (sharedWith.equals("COUNTRIES") && members.isEmpty()) {
			throw new InvalidInputException("sharedWith", "names no member state to share with");
		}
		List<UUID> partners = parties.organisations(input.partners(), "partners");
		List<Engagements.Participant> people = new ArrayList<>();
		List<Engagements.Participant> given = orEmpty(input.participants());
		for (int i = 0; i < given.size(); i++) {
			people.add(participant(given.get(i), "participants[" + i + "]"));
		}
		List<Topics.Topic> checkedTopics = new ArrayList<>();
		List<Topics.Topic> givenTopics = orEmpty(input.topics());
		for (int i = 0; i < givenTopics.size(); i++) {
			Topics.Topic topic = topics.check(givenTopics.get(i), "topics[" + i + "]");
			if (!checkedTopics.contains(topic)) {
				checkedTopics.add(topic);
			}
		}
		List<Engagements.Commitment> outcomes = new ArrayList<>();
		List<Engagements.Commitment> givenCommitments = orEmpty(input.commitments());
		for (int i = 0; i < givenCommitments.size(); i++) {
			Engagements.Commitment c = givenCommitments.get(i);
			String at = "commitments[" + i + "]";
			if (c == null) {
				throw new InvalidInputException(at, "is empty");
			}
			outcomes.add(new Engagements.Commitment(c.id(), Inputs.name(c.party(), 200, at + ".party"),
					Inputs.name(c.textEn(), 2000, at + ".textEn"), Inputs.name(c.textAr(), 2000, at + ".textAr"),
					Inputs.name(c.textFr(), 2000, at + ".textFr")));
		}
		return new Checked(kind, titles, input.startsOn(), endsOn, places, agenda, minutes,
				input.minutesConfidential() == null || input.minutesConfidential(), sharedWith, members, partners,
				people, checkedTopics, outcomes);
	}

	private Engagements.Participant participant(Engagements.Participant p, String at) {
		if (p == null) {
			throw new InvalidInputException(at, "is empty");
		}
		Engagements.Side side = Inputs.choice(Engagements.Side.class, p.side(), at + ".side");
		String country = Engagements.blank(p.country()) ? null : countries.find(p.country().strip()).orElseThrow(
				() -> new InvalidInputException(at + ".country", "must be the ISO3 code of an OIC member state")).iso3();
		if (side == Engagements.Side.MEMBER_STATE && country == null) {
			throw new InvalidInputException(at + ".country", "is required for a member state's delegate");
		}
		return new Engagements.Participant(Inputs.name(p.person(), 200, at + ".person"), text(p.post(), 200, at + ".post"),
				text(p.organisation(), 200, at + ".organisation"), side.name(), country, Boolean.TRUE.equals(p.head()));
	}

	private static String text(String value, int max, String field) {
		String text = Objects.toString(value, "").strip();
		if (text.length() > max) {
			throw new InvalidInputException(field, "is longer than " + max + " characters");
		}
		return text;
	}

	private static <T> List<T> orEmpty(List<T> list) {
		return list == null ? List.of() : list;
	}

}
