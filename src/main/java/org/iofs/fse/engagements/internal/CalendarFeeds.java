package org.iofs.fse.engagements.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.component.VTodo;
import biweekly.property.RelatedTo;
import biweekly.property.Status;
import biweekly.util.ICalDate;

import org.iofs.fse.access.Caller;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.identity.Members;
import org.iofs.fse.shared.DocumentFile;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's engagements and actions as an iCalendar (RFC 5545) feed at a private address: a secret in the path,
 * of which only the SHA-256 is kept, that its owner creates, replaces and revokes. The feed holds what its owner may
 * read at the moment it is fetched (an engagement's minutes only where they may read them): VEVENTs for the
 * engagements they see, VTODOs for the actions they own, each action RELATED-TO its engagement's event.
 */
@Service
public class CalendarFeeds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final EngagementAccess readers;

	private final Engagements engagements;

	private final Members members;

	private final AuditTrail audit;

	private final Clock clock;

	CalendarFeeds(JdbcClient jdbc, EngagementAccess readers, Engagements engagements, Members members,
			AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.readers = readers;
		this.engagements = engagements;
		this.members = members;
		this.audit = audit;
		this.clock = clock;
	}

	/** A new private address for the caller's feed; any former one stops working. Returns the secret, shown once. */
	@Transactional
	public String renew() {
		Caller caller = signedIn();
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("""
				INSERT INTO engagements.calendar_feed (account_id, secret_hash, created_at) VALUES (:id, :hash, :now)
				ON CONFLICT (account_id) DO UPDATE SET secret_hash = EXCLUDED.secret_hash, created_at = EXCLUDED.created_at
				""").param("id", caller.id()).param("hash", hash(secret)).param("now", Timestamp.from(clock.instant()))
			.update();
		audit.record("engagements.calendar-feed-renewed", "account", caller.id().toString(), null, java.util.Map.of());
		return secret;
	}

	@Transactional
	public void revoke() {
		Caller caller = signedIn();
		if (jdbc.sql("DELETE FROM engagements.calendar_feed WHERE account_id = :id").param("id", caller.id()).update() > 0) {
			audit.record("engagements.calendar-feed-revoked", "account", caller.id().toString(), java.util.Map.of(), null);
		}
	}

	@Transactional(readOnly = true)
	public boolean hasFeed() {
		Caller caller = signedIn();
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM engagements.calendar_feed WHERE account_id = :id)")
			.param("id", caller.id()).query(Boolean.class).single();
	}

	/** The feed of the account whose secret this is, as it may read it now; empty for an unknown or revoked secret. */
	@Transactional(readOnly = true)
	public Optional<String> feed(String secret) {
		Optional<UUID> account = jdbc.sql("SELECT account_id FROM engagements.calendar_feed WHERE secret_hash = :hash")
			.param("hash", hash(secret == null ? "" : secret)).query(UUID.class).optional();
		Optional<Caller> owner = account.flatMap(members::callerOf);
		return owner.map(this::calendar);
	}

	private String calendar(Caller owner) {
		ICalendar ical = new ICalendar();
		ical.setProductId("-//IOFS//OIC Food Security Ecosystem//EN");
		ical.setName("IOFS engagements");
		List<Long> visible = jdbc.sql("""
				SELECT e.id FROM engagements.engagement e
				WHERE :all OR (e.shared_with = 'COUNTRIES' AND EXISTS (SELECT 1 FROM engagements.engagement_country c
				          WHERE c.engagement_id = e.id AND c.country_iso3 = ANY (:mine)))
				ORDER BY e.starts_on DESC LIMIT 2000
				""").param("all", readers.secretariat(owner))
			.param("mine", readers.countries(owner).toArray(String[]::new)).query(Long.class).list();
		for (Engagements.Engagement engagement : engagements.loadAll(visible, owner)) {
			VEvent event = new VEvent();
			event.setUid(uid("engagement", engagement.id()));
			event.setSummary(engagement.titles().en());
			event.setLocation(engagement.places().en());
			event.setDateStart(new ICalDate(day(engagement.startsOn()), false));
			event.setDateEnd(new ICalDate(day(engagement.endsOn().plusDays(1)), false));
			StringBuilder description = new StringBuilder(engagement.agenda());
			if (engagement.minutes() != null && !engagement.minutes().isBlank()) {
				description.append(description.isEmpty() ? "" : "\n\n").append(engagement.minutes());
			}
			event.setDescription(description.toString());
			event.addCategories(engagement.kind().toLowerCase(Locale.ROOT).replace('_', ' '));
			ical.addEvent(event);
		}
		jdbc.sql("SELECT id, engagement_id, title, due_on, status FROM engagements.action WHERE owner_id = :owner")
			.param("owner", owner.id())
			.query((rs, row) -> {
				VTodo todo = new VTodo();
				todo.setUid(uid("action", rs.getLong("id")));
				todo.setSummary(rs.getString("title"));
				todo.setDateDue(new ICalDate(day(rs.getDate("due_on").toLocalDate()), false));
				todo.setStatus(switch (rs.getString("status")) {
					case "IN_PROCESS" -> Status.inProgress();
					case "COMPLETED" -> Status.completed();
					case "CANCELLED" -> Status.cancelled();
					default -> Status.needsAction();
				});
				long engagement = rs.getLong("engagement_id");
				if (!rs.wasNull() && visible.contains(engagement)) {
					todo.addRelatedTo(new RelatedTo(uid("engagement", engagement)));
				}
				ical.addTodo(todo);
				return todo;
			})
			.list();
		return Biweekly.write(ical).go();
	}

	private static String uid(String kind, long id) {
		return kind + "-" + id + "@fse.iofs";
	}

	private static Date day(java.time.LocalDate date) {
		// biweekly writes a date-only value in the default time zone: the day must start there.
		return Date.from(date.atStartOfDay(java.time.ZoneId.systemDefault()).toInstant());
	}

	private Caller signedIn() {
		return readers.caller().orElseThrow(() -> new AccessDeniedException("sign in to manage your calendar feed"));
	}

	private static String hash(String secret) {
		return DocumentFile.sha256(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
