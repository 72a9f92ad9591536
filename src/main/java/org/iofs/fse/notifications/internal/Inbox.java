package org.iofs.fse.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.access.CurrentCaller;
import org.iofs.fse.identity.Members.Member;
import org.iofs.fse.shared.LocalizedText;
import org.iofs.fse.shared.NotFoundException;
import org.iofs.fse.shared.PageOf;
import org.iofs.fse.shared.web.SupportedLanguage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's notices. Written by the listeners for the people they chose; read and marked read only by their
 * own reader (a notice of someone else is, to anyone, a notice that does not exist).
 */
@Service("inbox")
public class Inbox {

	/** One notice as its reader sees it: its words' arguments already in the reader's language. */
	public record Entry(long id, String topic, Object[] args, String link, Instant createdAt, boolean read) {

		public String subjectKey() {
			return "notification." + topic + ".subject";
		}

		public String bodyKey() {
			return "notification." + topic + ".body";
		}

	}

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final ObjectProvider<JavaMailSender> mail;

	private final Clock clock;

	Inbox(JdbcClient jdbc, AccessPolicy access, ObjectProvider<JavaMailSender> mail, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.mail = mail;
		this.clock = clock;
	}

	/**
	 * Writes the notice once for each person (again for nobody who has it already); the e-mail of those in
	 * {@code digest} waits for their daily digest. Returns how many were new.
	 */
	@Transactional
	int deliver(List<Member> to, Notice notice, java.util.Set<UUID> digest) {
		boolean mailing = mail.getIfAvailable() != null;
		int written = 0;
		for (Member member : to) {
			boolean email = mailing && !member.email().isBlank();
			written += jdbc.sql("""
					INSERT INTO notifications.notification (account_id, topic, dedup_key, args_en, args_ar, args_fr, link,
					    created_at, email, email_language, email_status)
					VALUES (:account, :topic, :key, :en, :ar, :fr, :link, :at, :email, :language, :status)
					ON CONFLICT (account_id, dedup_key) DO NOTHING
					""")
				.param("account", member.account())
				.param("topic", notice.topic())
				.param("key", notice.dedupKey())
				.param("en", notice.args().stream().map(LocalizedText::en).toArray(String[]::new))
				.param("ar", notice.args().stream().map(LocalizedText::ar).toArray(String[]::new))
				.param("fr", notice.args().stream().map(LocalizedText::fr).toArray(String[]::new))
				.param("link", notice.link())
				.param("at", Timestamp.from(clock.instant()))
				.param("email", email ? member.email() : "")
				.param("language", SupportedLanguage.ofOrDefault(member.language()).code())
				.param("status", !email ? "NONE" : digest.contains(member.account()) ? "DIGEST" : "PENDING")
				.update();
		}
		return written;
	}

	@Transactional(readOnly = true)
	public PageOf<Entry> mine(int page, int size, Locale locale) {
		PageOf.checkRequest(page, size);
		UUID me = reader().id();
		String column = "args_" + SupportedLanguage.ofOrDefault(locale).code();
		List<Entry> entries = jdbc.sql("SELECT id, topic, " + column + " AS args, link, created_at, read_at "
				+ "FROM notifications.notification WHERE account_id = :me ORDER BY id DESC LIMIT :size OFFSET :offset")
			.param("me", me)
			.param("size", size)
			.param("offset", (long) page * size)
			.query((rs, row) -> new Entry(rs.getLong("id"), rs.getString("topic"),
					(Object[]) rs.getArray("args").getArray(), rs.getString("link"),
					rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("read_at") != null))
			.list();
		long total = jdbc.sql("SELECT count(*) FROM notifications.notification WHERE account_id = :me").param("me", me)
			.query(Long.class).single();
		return new PageOf<>(entries, page, size, total);
	}

	/** For the menu: how many notices the reader has not read; none for an anonymous reader. */
	@Transactional(readOnly = true)
	public long unread() {
		return CurrentCaller.get()
			.map(caller -> jdbc.sql(
					"SELECT count(*) FROM notifications.notification WHERE account_id = :me AND read_at IS NULL")
				.param("me", caller.id())
				.query(Long.class)
				.single())
			.orElse(0L);
	}

	@Transactional
	public void markRead(long id) {
		int marked = jdbc.sql("""
				UPDATE notifications.notification SET read_at = coalesce(read_at, :at) WHERE id = :id AND account_id = :me
				""").param("at", Timestamp.from(clock.instant())).param("id", id).param("me", reader().id()).update();
		if (marked == 0) {
			throw new NotFoundException("notification", Long.toString(id));
		}
	}

	@Transactional
	public int markAllRead() {
		return jdbc.sql("""
				UPDATE notifications.notification SET read_at = :at WHERE account_id = :me AND read_at IS NULL
				""").param("at", Timestamp.from(clock.instant())).param("me", reader().id()).update();
	}

	/** Anyone signed in reads their own inbox; anonymous callers are asked to sign in. */
	private Caller reader() {
		return access.require(Action.MANAGE_OWN_TOKENS);
	}

}
