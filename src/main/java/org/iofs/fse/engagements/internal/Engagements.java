package org.iofs.fse.engagements.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.shared.Inputs;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.LocalizedText;
import org.iofs.fse.shared.NotFoundException;
import org.iofs.fse.shared.PageOf;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engagements themselves: recorded and changed by the Secretariat, whole each time (checked first, then
 * written in one transaction); read by whoever {@link EngagementAccess} lets read them, with the minutes left out
 * for a reader who may not read them, in the list, the search and the page alike.
 */
@Service
public class Engagements {

	public enum Kind {
		VISIT_TO_IOFS, MISSION, BILATERAL_MEETING, FORUM, SIGNING_CEREMONY, VIDEO_CALL
	}

	public enum Side {
		IOFS, MEMBER_STATE, PARTNER
	}

	public record Participant(String person, String post, String organisation, String side, String country,
			Boolean head) {
	}

	public record Commitment(Long id, String party, String textEn, String textAr, String textFr) {
	}

	/** What the Secretariat sends, in full each time. */
	public record Input(String kind, String titleEn, String titleAr, String titleFr, LocalDate startsOn,
			LocalDate endsOn, String placeEn, String placeAr, String placeFr, String agenda, String minutes,
			Boolean minutesConfidential, String sharedWith, List<String> countries, List<UUID> partners,
			List<Participant> participants, List<Topics.Topic> topics, List<Commitment> commitments) {
	}

	/** {@code minutes} is null for a reader who may not read them. */
	public record Engagement(long id, String kind, LocalizedText titles, LocalDate startsOn, LocalDate endsOn,
			LocalizedText places, String agenda, String minutes, boolean minutesConfidential, String sharedWith,
			List<String> countries, List<UUID> partners, List<Participant> participants, List<Topics.Named> topics,
			List<Commitment> commitments, Instant updatedAt, boolean demo) {
	}

	/** The filters of the timeline, any of them null. */
	public record Filters(String country, UUID partner, String kind, String topicKind, String topicRef, LocalDate from,
			LocalDate to, String q) {
	}

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final EngagementAccess readers;

	private final AuditTrail audit;

	private final Countries countries;

	private final EngagementRules rules;

	private final Topics topics;

	private final Clock clock;

	Engagements(JdbcClient jdbc, AccessPolicy access, EngagementAccess readers, AuditTrail audit, Countries countries,
			EngagementRules rules, Topics topics, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.readers = readers;
		this.audit = audit;
		this.countries = countries;
		this.rules = rules;
		this.topics = topics;
		this.clock = clock;
	}

	@Transactional
	public Engagement create(Input input) {
		Caller caller = access.require(Action.PUBLISH);
		EngagementRules.Checked checked = rules.check(input);
		long id = jdbc.sql("""
				INSERT INTO engagements.engagement (kind, title_en, title_ar, title_fr, starts_on, ends_on, place_en,
				    place_ar, place_fr, agenda, minutes, minutes_confidential, shared_with, created_by, updated_at)
				VALUES (:kind, :titleEn, :titleAr, :titleFr, :startsOn, :endsOn, :placeEn, :placeAr, :placeFr, :agenda,
				    :minutes, :confidential, :sharedWith, :by, :now)
				RETURNING id
				""").params(checked.columns()).param("by", caller.username())
			.param("now", Timestamp.from(clock.instant())).query(Long.class).single();
		writeLists(id, checked);
		Engagement created = load(id, caller);
		audit.record("engagements.engagement-recorded", "engagement", id, null, created);
		return created;
	}

	@Transactional
	public Engagement update(long id, Input input) {
		Caller caller = access.require(Action.PUBLISH);
		Engagement before = load(id, caller);
		EngagementRules.Checked checked = rules.check(input);
		jdbc.sql("""
				UPDATE engagements.engagement SET kind = :kind, title_en = :titleEn, title_ar = :titleAr,
				    title_fr = :titleFr, starts_on = :startsOn, ends_on = :endsOn, place_en = :placeEn, place_ar = :placeAr,
				    place_fr = :placeFr, agenda = :agenda, minutes = :minutes, minutes_confidential = :confidential,
				    shared_with = :sharedWith, updated_at = :now
				WHERE id = :id
				""").params(checked.columns()).param("now", Timestamp.from(clock.instant())).param("id", id).update();
		for (String table : List.of("engagement_country", "engagement_partner", "participant", "topic")) {
			jdbc.sql("DELETE FROM engagements." + table + " WHERE engagement_id = :id").param("id", id).update();
		}
		// Commitments keep their ids (actions point at them): those sent with an id are updated, the others added,
		// and those no longer sent removed (their actions keep existing, unlinked).
		List<Long> kept = checked.commitments().stream().map(Commitment::id).filter(Objects::nonNull).toList();
		jdbc.sql("DELETE FROM engagements.commitment WHERE engagement_id = :id AND NOT (id = ANY (:kept))")
			.param("id", id).param("kept", kept.toArray(Long[]::new)).update();
		writeLists(id, checked);
		Engagement after = load(id, caller);
		audit.record("engagements.engagement-updated", "engagement", id, before, after);
		return after;
	}

	/** One engagement, for a reader who may read it; to anyone else it does not exist. */
	@Transactional(readOnly = true)
	public Engagement get(long id) {
		Caller caller = readers.caller().orElse(null);
		Engagement engagement = load(id, caller);
		if (!readers.mayRead(caller, engagement.sharedWith(), engagement.countries())) {
			throw new NotFoundException("engagement", Long.toString(id));
		}
		return engagement;
	}

	/** The timeline: the engagements the caller may read, newest first, filtered, a page at a time. */
	@Transactional(readOnly = true)
	public PageOf<Engagement> list(Filters filters, int page, int size) {
		PageOf.checkRequest(page, size);
		Caller caller = readers.caller().orElse(null);
		boolean all = readers.secretariat(caller);
		List<String> mine = readers.countries(caller);
		if (!all && mine.isEmpty()) {
			return new PageOf<>(List.of(), page, size, 0);
		}
		Filters f = filters == null ? new Filters(null, null, null, null, null, null, null, null) : filters;
		String country = blank(f.country()) ? null : countries.find(f.country().strip()).orElseThrow(
				() -> new InvalidInputException("country", "must be the ISO3 code of an OIC member state")).iso3();
		String kind = blank(f.kind()) ? null : Inputs.choice(Kind.class, f.kind(), "kind").name();
		String topicKind = blank(f.topicKind()) ? null : f.topicKind().strip().toUpperCase(Locale.ROOT);
		String pattern = blank(f.q()) ? null : "%" + f.q().strip().replace("\\", "\\\\").replace("%", "\\%")
			.replace("_", "\\_") + "%";
		String where = """
				FROM engagements.engagement e
				WHERE (:all OR (e.shared_with = 'COUNTRIES' AND EXISTS (SELECT 1 FROM engagements.engagement_country c
				          WHERE c.engagement_id = e.id AND c.country_iso3 = ANY (:mine))))
				  AND (CAST(:country AS text) IS NULL OR EXISTS (SELECT 1 FROM engagements.engagement_country c
				          WHERE c.engagement_id = e.id AND c.country_iso3 = :country))
				  AND (CAST(:partner AS uuid) IS NULL OR EXISTS (SELECT 1 FROM engagements.engagement_partner p
				          WHERE p.engagement_id = e.id AND p.organisation_id = :partner))
				  AND (CAST(:kind AS text) IS NULL OR e.kind = :kind)
				  AND (CAST(:topicKind AS text) IS NULL OR EXISTS (SELECT 1 FROM engagements.topic t
				          WHERE t.engagement_id = e.id AND t.kind = :topicKind
				            AND (CAST(:topicRef AS text) IS NULL OR t.ref = :topicRef)))
				  AND (CAST(:from AS date) IS NULL OR e.ends_on >= :from)
				  AND (CAST(:to AS date) IS NULL OR e.starts_on <= :to)
				  AND (CAST(:q AS text) IS NULL OR e.title_en ILIKE :q OR e.title_ar ILIKE :q OR e.title_fr ILIKE :q
				       OR e.place_en ILIKE :q OR e.place_ar ILIKE :q OR e.place_fr ILIKE :q OR e.agenda ILIKE :q
				       OR ((:all OR NOT e.minutes_confidential) AND e.minutes ILIKE :q))
				""";
		Map<String, Object> params = new HashMap<>();
		params.put("all", all);
		params.put("mine", mine.toArray(String[]::new));
		params.put("country", country);
		params.put("partner", f.partner());
		params.put("kind", kind);
		params.put("topicKind", topicKind);
		params.put("topicRef", blank(f.topicRef()) ? null : f.topicRef().strip());
		params.put("from", f.from() == null ? null : Date.valueOf(f.from()));
		params.put("to", f.to() == null ? null : Date.valueOf(f.to()));
		params.put("q", pattern);
		long total = jdbc.sql("SELECT count(*) " + where).params(params).query(Long.class).single();
		List<Long> ids = jdbc.sql("SELECT e.id " + where + " ORDER BY e.starts_on DESC, e.id DESC LIMIT :size OFFSET :offset")
			.params(params).param("size", size).param("offset", (long) page * size).query(Long.class).list();
		return new PageOf<>(loadAll(ids, caller), page, size, total);
	}

	Engagement load(long id, Caller caller) {
		List<Engagement> found = loadAll(List.of(id), caller);
		if (found.isEmpty()) {
			throw new NotFoundException("engagement", Long.toString(id));
		}
		return found.get(0);
	}

	/** Engagements with their lists, six queries for any number; minutes only where the caller may read them. */
	List<Engagement> loadAll(List<Long> ids, Caller caller) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Long[] keys = ids.toArray(Long[]::new);
		Map<Long, List<String>> countryLists = new HashMap<>();
		jdbc.sql("SELECT engagement_id, country_iso3 FROM engagements.engagement_country WHERE engagement_id = ANY (:ids) "
				+ "ORDER BY engagement_id, country_iso3").param("ids", keys)
			.query((rs, row) -> countryLists.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
			.list();
		Map<Long, List<UUID>> partners = new HashMap<>();
		jdbc.sql("SELECT engagement_id, organisation_id FROM engagements.engagement_partner WHERE engagement_id = ANY (:ids)")
			.param("ids", keys)
			.query((rs, row) -> partners.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(rs.getObject(2, UUID.class)))
			.list();
		Map<Long, List<Participant>> participants = new HashMap<>();
		jdbc.sql("SELECT * FROM engagements.participant WHERE engagement_id = ANY (:ids) ORDER BY engagement_id, position")
			.param("ids", keys)
			.query((rs, row) -> participants.computeIfAbsent(rs.getLong("engagement_id"), k -> new ArrayList<>())
				.add(new Participant(rs.getString("person"), rs.getString("post"), rs.getString("organisation"),
						rs.getString("side"), rs.getString("country_iso3"), rs.getBoolean("head"))))
			.list();
		Map<Long, List<Topics.Named>> topicLists = new HashMap<>();
		jdbc.sql("SELECT engagement_id, kind, ref FROM engagements.topic WHERE engagement_id = ANY (:ids) "
				+ "ORDER BY engagement_id, kind, ref").param("ids", keys)
			.query((rs, row) -> topicLists.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(topics.name(new Topics.Topic(rs.getString(2), rs.getString(3)))))
			.list();
		Map<Long, List<Commitment>> commitments = new HashMap<>();
		jdbc.sql("SELECT * FROM engagements.commitment WHERE engagement_id = ANY (:ids) ORDER BY engagement_id, id")
			.param("ids", keys)
			.query((rs, row) -> commitments.computeIfAbsent(rs.getLong("engagement_id"), k -> new ArrayList<>())
				.add(new Commitment(rs.getLong("id"), rs.getString("party"), rs.getString("text_en"),
						rs.getString("text_ar"), rs.getString("text_fr"))))
			.list();
		Map<Long, Engagement> byId = new HashMap<>();
		jdbc.sql("SELECT * FROM engagements.engagement WHERE id = ANY (:ids)").param("ids", keys)
			.query((rs, row) -> {
				long id = rs.getLong("id");
				List<String> members = countryLists.getOrDefault(id, List.of());
				boolean confidential = rs.getBoolean("minutes_confidential");
				String sharedWith = rs.getString("shared_with");
				boolean minutes = readers.mayReadMinutes(caller, sharedWith, members, confidential);
				return byId.put(id, new Engagement(id, rs.getString("kind"),
						new LocalizedText(rs.getString("title_en"), rs.getString("title_ar"), rs.getString("title_fr")),
						rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
						new LocalizedText(rs.getString("place_en"), rs.getString("place_ar"), rs.getString("place_fr")),
						rs.getString("agenda"), minutes ? rs.getString("minutes") : null, confidential, sharedWith,
						members, partners.getOrDefault(id, List.of()), participants.getOrDefault(id, List.of()),
						topicLists.getOrDefault(id, List.of()), commitments.getOrDefault(id, List.of()),
						rs.getTimestamp("updated_at").toInstant(), rs.getBoolean("demo")));
			})
			.list();
		return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
	}

	private void writeLists(long id, EngagementRules.Checked checked) {
		for (String country : checked.countries()) {
			jdbc.sql("INSERT INTO engagements.engagement_country (engagement_id, country_iso3) VALUES (:id, :c)")
				.param("id", id).param("c", country).update();
		}
		for (UUID partner : checked.partners()) {
			jdbc.sql("INSERT INTO engagements.engagement_partner (engagement_id, organisation_id) VALUES (:id, :o)")
				.param("id", id).param("o", partner).update();
		}
		for (int i = 0; i < checked.participants().size(); i++) {
			Participant p = checked.participants().get(i);
			jdbc.sql("""
					INSERT INTO engagements.participant (engagement_id, position, person, post, organisation, side,
					    country_iso3, head)
					VALUES (:id, :position, :person, :post, :organisation, :side, :country, :head)
					""").param("id", id).param("position", i).param("person", p.person()).param("post", p.post())
				.param("organisation", p.organisation()).param("side", p.side()).param("country", p.country())
				.param("head", p.head()).update();
		}
		for (Topics.Topic topic : checked.topics()) {
			jdbc.sql("INSERT INTO engagements.topic (engagement_id, kind, ref) VALUES (:id, :kind, :ref)")
				.param("id", id).param("kind", topic.kind()).param("ref", topic.ref()).update();
		}
		for (Commitment c : checked.commitments()) {
			int updated = c.id() == null ? 0 : jdbc.sql("""
					UPDATE engagements.commitment SET party = :party, text_en = :en, text_ar = :ar, text_fr = :fr
					WHERE id = :cid AND engagement_id = :id
					""").param("party", c.party()).param("en", c.textEn()).param("ar", c.textAr()).param("fr", c.textFr())
				.param("cid", c.id()).param("id", id).update();
			if (updated == 0) {
				jdbc.sql("""
						INSERT INTO engagements.commitment (engagement_id, party, text_en, text_ar, text_fr)
						VALUES (:id, :party, :en, :ar, :fr)
						""").param("id", id).param("party", c.party()).param("en", c.textEn()).param("ar", c.textAr())
					.param("fr", c.textFr()).update();
			}
		}
	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
