package org.iofs.fse.engagements.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
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
import org.iofs.fse.engagements.ActionOverdue;
import org.iofs.fse.engagements.ActionReminder;
import org.iofs.fse.identity.Members;
import org.iofs.fse.shared.Inputs;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up actions: the Secretariat gives one an owner (an account that may read its engagement or memorandum) and a
 * due date on or after the engagement; the owner and the Secretariat move it along and comment on it. An open action
 * past its date is overdue. A week before the date and on the date its owner is told (in-app and by e-mail, through
 * the notifications module), once each.
 */
@Service
public class Actions {

	public enum Status {
		NEEDS_ACTION, IN_PROCESS, COMPLETED, CANCELLED
	}

	public record Comment(Instant at, String author, String text) {
	}

	public record FollowUp(long id, Long engagement, Long commitment, Long memorandum, String title, UUID owner,
			String ownerName, LocalDate dueOn, String status, boolean overdue, List<Comment> comments) {
	}

	/** {@code owner} is the owner's username. */
	public record NewAction(Long engagement, Long commitment, Long memorandum, String title, String owner,
			LocalDate dueOn) {
	}

	public record Update(String status, String comment) {
	}

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final EngagementAccess readers;

	private final Engagements engagements;

	private final Memoranda memoranda;

	private final Members members;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Actions(JdbcClient jdbc, AccessPolicy access, EngagementAccess readers, Engagements engagements, Memoranda memoranda,
			Members members, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.readers = readers;
		this.engagements = engagements;
		this.memoranda = memoranda;
		this.members = members;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public FollowUp create(NewAction given) {
		Caller caller = access.require(Action.PUBLISH);
		if (given == null || (given.engagement() == null && given.memorandum() == null)) {
			throw new InvalidInputException("engagement", "an action follows an engagement or a memorandum");
		}
		String title = Inputs.name(given.title(), 300, "title");
		Caller owner = members.callerNamed(given.owner()).orElseThrow(() -> new InvalidInputException("owner",
				"is not an enabled account"));
		LocalDate earliest;
		if (given.engagement() != null) {
			Engagements.Engagement engagement = engagements.load(given.engagement(), caller);
			if (!readers.mayRead(owner, engagement.sharedWith(), engagement.countries())) {
				throw new InvalidInputException("owner", "cannot read the engagement: share it with the owner's "
						+ "member state, or choose someone of the Secretariat");
			}
			earliest = engagement.startsOn();
			if (given.commitment() != null && engagement.commitments().stream()
				.noneMatch(c -> given.commitment().equals(c.id()))) {
				throw new InvalidInputException("commitment", "is not one of the engagement's commitments");
			}
		}
		else {
			Memoranda.Memorandum memorandum = memoranda.load(given.memorandum());
			if (!memoranda.mayRead(owner, memorandum)) {
				throw new InvalidInputException("owner", "cannot read the memorandum");
			}
			earliest = memorandum.signedOn() == null ? LocalDate.now(clock).minusYears(10) : memorandum.signedOn();
		}
		if (given.dueOn() == null || given.dueOn().isBefore(earliest)) {
			throw new InvalidInputException("dueOn", "is required and falls on or after " + earliest);
		}
		long id = jdbc.sql("""
				INSERT INTO engagements.action (engagement_id, commitment_id, memorandum_id, title, owner_id, due_on,
				    created_by, updated_at)
				VALUES (:engagement, :commitment, :memorandum, :title, :owner, :due, :by, :now)
				RETURNING id
				""").param("engagement", given.engagement()).param("commitment", given.commitment())
			.param("memorandum", given.memorandum()).param("title", title).param("owner", owner.id())
			.param("due", Date.valueOf(given.dueOn())).param("by", caller.username())
			.param("now", Timestamp.from(clock.instant())).query(Long.class).single();
		FollowUp created = load(id);
		audit.record("engagements.action-created", "action", id, null, created);
		return created;
	}

	/** The owner or the Secretariat moves an action along or comments on it. */
	@Transactional
	public FollowUp update(long id, Update update) {
		Caller caller = readers.caller().orElseThrow(() -> new AccessDeniedException("sign in"));
		FollowUp before = load(id);
		boolean secretariat = access.allows(caller, Action.PUBLISH, org.iofs.fse.access.Scope.GLOBAL);
		if (!secretariat && !Objects.equals(caller.id(), before.owner())) {
			throw new NotFoundException("action", Long.toString(id));
		}
		if (update == null || (Engagements.blank(update.status()) && Engagements.blank(update.comment()))) {
			throw new InvalidInputException("status", "send a status, a comment or both");
		}
		if (!Engagements.blank(update.status())) {
			Status status = Inputs.choice(Status.class, update.status(), "status");
			jdbc.sql("UPDATE engagements.action SET status = :status, updated_at = :now WHERE id = :id")
				.param("status", status.name()).param("now", Timestamp.from(clock.instant())).param("id", id).update();
		}
		if (!Engagements.blank(update.comment())) {
			String text = update.comment().strip();
			if (text.length() > 4000) {
				throw new InvalidInputException("comment", "is longer than 4,000 characters");
			}
			jdbc.sql("INSERT INTO engagements.action_comment (action_id, at, author, text) VALUES (:id, :at, :by, :text)")
				.param("id", id).param("at", Timestamp.from(clock.instant())).param("by", caller.displayName())
				.param("text", text).update();
		}
		FollowUp after = load(id);
		audit.record("engagements.action-updated", "action", id, before, after);
		return after;
	}

	/** Every action for the Secretariat (its own with {@code mine}); one's own for anyone else. */
	@Transactional(readOnly = true)
	public List<FollowUp> list(boolean mine) {
		Caller caller = readers.caller().orElseThrow(() -> new AccessDeniedException("sign in"));
		boolean all = readers.secretariat(caller) && !mine;
		List<Long> ids = jdbc.sql("""
				SELECT id FROM engagements.action WHERE :all OR owner_id = :me
				ORDER BY status IN ('COMPLETED', 'CANCELLED'), due_on, id LIMIT 1000
				""").param("all", all).param("me", caller.id()).query(Long.class).list();
		return loadAll(ids);
	}

	/** The actions of one engagement or memorandum the caller may see. */
	@Transactional(readOnly = true)
	public List<FollowUp> of(Long engagement, Long memorandum) {
		return engagement != null ? ofEngagements(List.of(engagement)) : visible("memorandum_id", List.of(memorandum));
	}

	/** The actions of these engagements the caller may see: all for the Secretariat, one's own for others. */
	@Transactional(readOnly = true)
	public List<FollowUp> ofEngagements(List<Long> engagements) {
		return visible("engagement_id", engagements);
	}

	private List<FollowUp> visible(String column, List<Long> keys) {
		Caller caller = readers.caller().orElse(null);
		List<Long> ids = jdbc.sql("SELECT id FROM engagements.action WHERE " + column + " = ANY (:keys) "
				+ "AND (:all OR owner_id = :me) ORDER BY due_on, id")
			.param("keys", keys.toArray(Long[]::new)).param("all", readers.secretariat(caller))
			.param("me", caller == null ? null : caller.id()).query(Long.class).list();
		return loadAll(ids);
	}

	/** One's open actions, overdue first: the home page's list. */
	@Transactional(readOnly = true)
	public List<FollowUp> openOf(UUID owner) {
		return loadAll(jdbc.sql("""
				SELECT id FROM engagements.action WHERE owner_id = :owner AND status IN ('NEEDS_ACTION', 'IN_PROCESS')
				ORDER BY due_on, id LIMIT 50
				""").param("owner", owner).query(Long.class).list());
	}

	/**
	 * Tells owners of open actions due in a week or today, once each (the flags set in the same transaction as the
	 * events are stored, so a rerun tells no one twice). Returns how many reminders were published.
	 */
	@Transactional
	public int remind() {
		LocalDate today = LocalDate.now(clock);
		int sent = 0;
		for (boolean dueToday : new boolean[] { false, true }) {
			LocalDate due = dueToday ? today : today.plusDays(7);
			String flag = dueToday ? "reminded_due" : "reminded_week";
			List<Object[]> reminded = jdbc.sql("SELECT id, owner_id, title FROM engagements.action "
					+ "WHERE status IN ('NEEDS_ACTION', 'IN_PROCESS') AND due_on = :due AND NOT " + flag + " FOR UPDATE")
				.param("due", Date.valueOf(due))
				.query((rs, row) -> new Object[] { rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3) })
				.list();
			for (Object[] action : reminded) {
				jdbc.sql("UPDATE engagements.action SET " + flag + " = true WHERE id = :id").param("id", action[0])
					.update();
				events.publishEvent(new ActionReminder((Long) action[0], (UUID) action[1], (String) action[2], due,
						dueToday));
				sent++;
			}
		}
		return sent + overdue(today);
	}

	/** Open actions whose due date has passed, told once each with the countries of their engagement. */
	private int overdue(LocalDate today) {
		List<ActionOverdue> late = jdbc.sql("""
				SELECT a.id, a.owner_id, a.title, a.due_on,
				       ARRAY(SELECT ec.country_iso3 FROM engagements.engagement_country ec
				             WHERE ec.engagement_id = a.engagement_id
				             UNION SELECT mp.country_iso3 FROM engagements.memorandum_party mp
				             WHERE mp.memorandum_id = a.memorandum_id AND mp.country_iso3 IS NOT NULL) AS countries
				FROM engagements.action a
				WHERE a.status IN ('NEEDS_ACTION', 'IN_PROCESS') AND a.due_on < :today AND NOT a.reminded_overdue
				FOR UPDATE OF a
				""").param("today", Date.valueOf(today))
			.query((rs, row) -> new ActionOverdue(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getDate(4).toLocalDate(), List.of((String[]) rs.getArray(5).getArray())))
			.list();
		for (ActionOverdue action : late) {
			jdbc.sql("UPDATE engagements.action SET reminded_overdue = true WHERE id = :id").param("id", action.action())
				.update();
			events.publishEvent(action);
		}
		return late.size();
	}

	FollowUp load(long id) {
		List<FollowUp> found = loadAll(List.of(id));
		if (found.isEmpty()) {
			throw new NotFoundException("action", Long.toString(id));
		}
		return found.get(0);
	}

	private List<FollowUp> loadAll(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Long[] keys = ids.toArray(Long[]::new);
		Map<Long, List<Comment>> comments = new HashMap<>();
		jdbc.sql("SELECT * FROM engagements.action_comment WHERE action_id = ANY (:ids) ORDER BY action_id, at")
			.param("ids", keys)
			.query((rs, row) -> comments.computeIfAbsent(rs.getLong("action_id"), k -> new ArrayList<>())
				.add(new Comment(rs.getTimestamp("at").toInstant(), rs.getString("author"), rs.getString("text"))))
			.list();
		LocalDate today = LocalDate.now(clock);
		RowMapper<FollowUp> mapper = (rs, row) -> {
			LocalDate due = rs.getDate("due_on").toLocalDate();
			String status = rs.getString("status");
			return new FollowUp(rs.getLong("id"), (Long) rs.getObject("engagement_id"),
					(Long) rs.getObject("commitment_id"), (Long) rs.getObject("memorandum_id"), rs.getString("title"),
					rs.getObject("owner_id", UUID.class), "", due, status,
					due.isBefore(today) && (status.equals("NEEDS_ACTION") || status.equals("IN_PROCESS")),
					comments.getOrDefault(rs.getLong("id"), List.of()));
		};
		Map<Long, FollowUp> byId = new HashMap<>();
		jdbc.sql("SELECT * FROM engagements.action WHERE id = ANY (:ids)").param("ids", keys).query(mapper).list()
			.forEach(a -> byId.put(a.id(), a));
		Map<UUID, String> owners = members.displayNames(byId.values().stream().map(FollowUp::owner).distinct().toList());
		return ids.stream().map(byId::get).filter(Objects::nonNull)
			.map(a -> new FollowUp(a.id(), a.engagement(), a.commitment(), a.memorandum(), a.title(), a.owner(),
					owners.getOrDefault(a.owner(), ""), a.dueOn(), a.status(), a.overdue(), a.comments()))
			.toList();
	}

}
