package org.iofs.fse.engagements.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.engagements.MemorandumExpiring;
import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.Inputs;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.LocalizedText;
import org.iofs.fse.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Memoranda of understanding: parties (member states and partner organisations, IOFS always one), subject, signed
 * on, valid until, and their course: draft, negotiating, signed, in force, then expired or terminated. A daily job
 * moves those in force past their end to expired and warns the Secretariat 90 days before. The Secretariat records
 * and reads all; a member's focal point reads those its member is a party to.
 */
@Service
public class Memoranda {

	public enum Status {

		DRAFT, NEGOTIATING, SIGNED, IN_FORCE, EXPIRED, TERMINATED;

		boolean mayMoveTo(Status next) {
			return switch (this) {
				case DRAFT -> next == NEGOTIATING || next == SIGNED || next == TERMINATED;
				case NEGOTIATING -> next == SIGNED || next == TERMINATED;
				case SIGNED -> next == IN_FORCE || next == TERMINATED;
				case IN_FORCE -> next == TERMINATED || next == EXPIRED;
				case EXPIRED, TERMINATED -> false;
			};
		}

	}

	public record Memorandum(long id, Long engagement, LocalizedText subjects, String status, LocalDate signedOn,
			LocalDate validUntil, List<String> countries, List<UUID> organisations, Long document, boolean demo) {
	}

	public record Input(Long engagement, String subjectEn, String subjectAr, String subjectFr, List<String> countries,
			List<UUID> organisations, LocalDate signedOn, LocalDate validUntil) {
	}

	public record Step(String status, LocalDate signedOn, LocalDate validUntil) {
	}

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final EngagementAccess readers;

	private final AuditTrail audit;

	private final Countries countries;

	private final Parties parties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Memoranda(JdbcClient jdbc, AccessPolicy access, EngagementAccess readers, AuditTrail audit, Countries countries,
			Parties parties, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.readers = readers;
		this.audit = audit;
		this.countries = countries;
		this.parties = parties;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Memorandum create(Input input) {
		access.require(Action.PUBLISH);
		if (input == null) {
			throw new InvalidInputException("memorandum", "is required");
		}
		LocalizedText subjects = new LocalizedText(Inputs.name(input.subjectEn(), 300, "subjectEn"),
				Inputs.name(input.subjectAr(), 300, "subjectAr"), Inputs.name(input.subjectFr(), 300, "subjectFr"));
		List<String> members = parties.members(input.countries(), "countries");
		List<UUID> partners = parties.organisations(input.organisations(), "organisations");
		if (members.isEmpty() && partners.isEmpty()) {
			throw new InvalidInputException("countries", "a memorandum needs a party besides IOFS");
		}
		dates(input.signedOn(), input.validUntil());
		if (input.signedOn() != null && input.signedOn().isAfter(LocalDate.now(clock))) {
			throw new InvalidInputException("signedOn", "is in the future");
		}
		if (input.engagement() != null && jdbc.sql("SELECT count(*) FROM engagements.engagement WHERE id = :id")
			.param("id", input.engagement()).query(Long.class).single() == 0) {
			throw new InvalidInputException("engagement", "is not an engagement the platform holds");
		}
		long id = jdbc.sql("""
				INSERT INTO engagements.memorandum (engagement_id, subject_en, subject_ar, subject_fr, signed_on,
				    valid_until, updated_at)
				VALUES (:engagement, :en, :ar, :fr, :signed, :until, :now) RETURNING id
				""").param("engagement", input.engagement()).param("en", subjects.en()).param("ar", subjects.ar())
			.param("fr", subjects.fr()).param("signed", date(input.signedOn())).param("until", date(input.validUntil()))
			.param("now", Timestamp.from(clock.instant())).query(Long.class).single();
		for (String country : members) {
			jdbc.sql("INSERT INTO engagements.memorandum_party (memorandum_id, country_iso3) VALUES (:id, :c)")
				.param("id", id).param("c", country).update();
		}
		for (UUID partner : partners) {
			jdbc.sql("INSERT INTO engagements.memorandum_party (memorandum_id, organisation_id) VALUES (:id, :o)")
				.param("id", id).param("o", partner).update();
		}
		Memorandum created = load(id);
		audit.record("engagements.memorandum-recorded", "memorandum", id, null, created);
		return created;
	}

	/** The Secretariat moves a memorandum on: signed needs the signing date, in force an end date too. */
	@Transactional
	public Memorandum move(long id, Step step) {
		access.require(Action.PUBLISH);
		Memorandum before = load(id);
		Status next = Inputs.choice(Status.class, step == null ? null : step.status(), "status");
		Status current = Status.valueOf(before.status());
		if (!current.mayMoveTo(next)) {
			throw new ConflictException("MEMORANDUM_STEP", "A memorandum " + current + " cannot become " + next);
		}
		LocalDate signed = step.signedOn() != null ? step.signedOn() : before.signedOn();
		LocalDate until = step.validUntil() != null ? step.validUntil() : before.validUntil();
		if ((next == Status.SIGNED || next == Status.IN_FORCE) && signed == null) {
			throw new InvalidInputException("signedOn", "is required once the memorandum is signed");
		}
		if (signed != null && signed.isAfter(LocalDate.now(clock))) {
			throw new InvalidInputException("signedOn", "is in the future");
		}
		if (next == Status.IN_FORCE && until == null) {
			throw new InvalidInputException("validUntil", "is required for a memorandum in force");
		}
		dates(signed, until);
		jdbc.sql("""
				UPDATE engagements.memorandum SET status = :status, signed_on = :signed, valid_until = :until,
				    expiry_warned = expiry_warned AND valid_until IS NOT DISTINCT FROM :until, updated_at = :now
				WHERE id = :id
				""").param("status", next.name()).param("signed", date(signed)).param("until", date(until))
			.param("now", Timestamp.from(clock.instant())).param("id", id).update();
		Memorandum after = load(id);
		audit.record("engagements.memorandum-moved", "memorandum", id, before, after);
		return after;
	}

	/** Attaches a stored document as the memorandum's text. */
	@Transactional
	public Memorandum attach(long id, long document) {
		access.require(Action.PUBLISH);
		Memorandum before = load(id);
		jdbc.sql("UPDATE engagements.memorandum SET document_id = :doc, updated_at = :now WHERE id = :id")
			.param("doc", document).param("now", Timestamp.from(clock.instant())).param("id", id).update();
		Memorandum after = load(id);
		audit.record("engagements.memorandum-document", "memorandum", id, before, after);
		return after;
	}

	@Transactional(readOnly = true)
	public Memorandum get(long id) {
		Memorandum memorandum = load(id);
		if (!mayRead(readers.caller().orElse(null), memorandum)) {
			throw new NotFoundException("memorandum", Long.toString(id));
		}
		return memorandum;
	}

	/** The memoranda the caller may read: all for the Secretariat, those of its member for a focal point. */
	@Transactional(readOnly = true)
	public List<Memorandum> list(String country, String status) {
		Caller caller = readers.caller().orElse(null);
		boolean all = readers.secretariat(caller);
		List<String> mine = readers.countries(caller);
		if (!all && mine.isEmpty()) {
			return List.of();
		}
		String iso3 = Engagements.blank(country) ? null : countries.find(country.strip()).orElseThrow(
				() -> new InvalidInputException("country", "must be the ISO3 code of an OIC member state")).iso3();
		String wanted = Engagements.blank(status) ? null : Inputs.choice(Status.class, status, "status").name();
		List<Long> ids = jdbc.sql("""
				SELECT m.id FROM engagements.memorandum m
				WHERE (:all OR EXISTS (SELECT 1 FROM engagements.memorandum_party p WHERE p.memorandum_id = m.id
				          AND p.country_iso3 = ANY (:mine)))
				  AND (CAST(:country AS text) IS NULL OR EXISTS (SELECT 1 FROM engagements.memorandum_party p
				          WHERE p.memorandum_id = m.id AND p.country_iso3 = :country))
				  AND (CAST(:status AS text) IS NULL OR m.status = :status)
				ORDER BY m.updated_at DESC, m.id DESC LIMIT 500
				""").param("all", all).param("mine", mine.toArray(String[]::new)).param("country", iso3)
			.param("status", wanted).query(Long.class).list();
		return loadAll(ids);
	}

	/** The memoranda an engagement led to that the caller may read. */
	@Transactional(readOnly = true)
	public List<Memorandum> ofEngagement(long engagement) {
		Caller caller = readers.caller().orElse(null);
		return loadAll(jdbc.sql("SELECT id FROM engagements.memorandum WHERE engagement_id = :id ORDER BY id")
			.param("id", engagement).query(Long.class).list()).stream().filter(m -> mayRead(caller, m)).toList();
	}

	/**
	 * The daily run: memoranda in force past their end become expired; those ending within 90 days are announced
	 * once. Returns how many expired and how many were announced.
	 */
	@Transactional
	public int[] expire() {
		LocalDate today = LocalDate.now(clock);
		List<Memorandum> ended = loadAll(jdbc.sql(
				"SELECT id FROM engagements.memorandum WHERE status = 'IN_FORCE' AND valid_until < :today FOR UPDATE")
			.param("today", Date.valueOf(today)).query(Long.class).list());
		for (Memorandum memorandum : ended) {
			jdbc.sql("UPDATE engagements.memorandum SET status = 'EXPIRED', updated_at = :now WHERE id = :id")
				.param("now", Timestamp.from(clock.instant())).param("id", memorandum.id()).update();
			audit.record("engagements.memorandum-expired", "memorandum", memorandum.id(), memorandum, load(memorandum.id()));
		}
		List<Memorandum> ending = loadAll(jdbc.sql("""
				SELECT id FROM engagements.memorandum
				WHERE status = 'IN_FORCE' AND NOT expiry_warned AND valid_until <= :horizon FOR UPDATE
				""").param("horizon", Date.valueOf(today.plusDays(90))).query(Long.class).list());
		for (Memorandum memorandum : ending) {
			jdbc.sql("UPDATE engagements.memorandum SET expiry_warned = true WHERE id = :id").param("id", memorandum.id())
				.update();
			events.publishEvent(new MemorandumExpiring(memorandum.id(), memorandum.subjects(), memorandum.validUntil()));
		}
		return new int[] { ended.size(), ending.size() };
	}

	boolean mayRead(Caller caller, Memorandum memorandum) {
		return readers.secretariat(caller) || memorandum.countries().stream().anyMatch(readers.countries(caller)::contains);
	}

	Memorandum load(long id) {
		List<Memorandum> found = loadAll(List.of(id));
		if (found.isEmpty()) {
			throw new NotFoundException("memorandum", Long.toString(id));
		}
		return found.get(0);
	}

	private List<Memorandum> loadAll(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Long[] keys = ids.toArray(Long[]::new);
		Map<Long, List<String>> memberLists = new HashMap<>();
		Map<Long, List<UUID>> partners = new HashMap<>();
		jdbc.sql("SELECT * FROM engagements.memorandum_party WHERE memorandum_id = ANY (:ids) ORDER BY country_iso3")
			.param("ids", keys)
			.query((rs, row) -> {
				long id = rs.getLong("memorandum_id");
				if (rs.getString("country_iso3") != null) {
					memberLists.computeIfAbsent(id, k -> new ArrayList<>()).add(rs.getString("country_iso3"));
				}
				else {
					partners.computeIfAbsent(id, k -> new ArrayList<>()).add(rs.getObject("organisation_id", UUID.class));
				}
				return id;
			})
			.list();
		Map<Long, Memorandum> byId = new HashMap<>();
		jdbc.sql("SELECT * FROM engagements.memorandum WHERE id = ANY (:ids)").param("ids", keys)
			.query((rs, row) -> {
				long id = rs.getLong("id");
				return byId.put(id, new Memorandum(id, (Long) rs.getObject("engagement_id"),
						new LocalizedText(rs.getString("subject_en"), rs.getString("subject_ar"), rs.getString("subject_fr")),
						rs.getString("status"), local(rs.getDate("signed_on")), local(rs.getDate("valid_until")),
						memberLists.getOrDefault(id, List.of()), partners.getOrDefault(id, List.of()),
						(Long) rs.getObject("document_id"), rs.getBoolean("demo")));
			})
			.list();
		return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
	}

	private static void dates(LocalDate signed, LocalDate until) {
		if (signed != null && until != null && !until.isAfter(signed)) {
			throw new InvalidInputException("validUntil", "comes on or before signedOn");
		}
	}

	private static Date date(LocalDate day) {
		return day == null ? null : Date.valueOf(day);
	}

	private static LocalDate local(Date day) {
		return day == null ? null : day.toLocalDate();
	}

}
