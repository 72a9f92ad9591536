package org.iofs.fse.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a day (at {@code fse.notifications.digest-cron}, 07:00 by default, on one instance), one e-mail per person
 * with every notice held for their digest: each notice's subject and the page it is about, in the person's language.
 * The notices are claimed before the mail goes and given back to the next digest if it fails, so none is lost and
 * none is sent twice.
 */
@Component
class DailyDigest {

	private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

	/** The most notices one digest lists; the rest wait for the next. */
	static final int MOST = 200;

	private record Held(long id, String email, Locale language, String topic, Object[] args, String link) {
	}

	private final JdbcClient jdbc;

	private final ObjectProvider<JavaMailSender> mail;

	private final MessageSource messages;

	private final NotificationSettings settings;

	private final Clock clock;

	DailyDigest(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, MessageSource messages,
			NotificationSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.messages = messages;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(cron = "${fse.notifications.digest-cron:0 0 7 * * *}", zone = "${fse.time.zone:Asia/Almaty}")
	@SchedulerLock(name = "notifications.daily-digest", lockAtLeastFor = "PT5M")
	public void daily() {
		send();
	}

	/** Sends each person's digest; returns how many e-mails went out. */
	int send() {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			return 0;
		}
		List<UUID> people = jdbc.sql("SELECT DISTINCT account_id FROM notifications.notification WHERE email_status = 'DIGEST'")
			.query(UUID.class).list();
		int sent = 0;
		for (UUID person : people) {
			List<Held> held = claim(person);
			if (held.isEmpty()) {
				continue;
			}
			Long[] ids = held.stream().map(Held::id).toArray(Long[]::new);
			try {
				sender.send(write(held));
				jdbc.sql("""
						UPDATE notifications.notification SET email_status = 'SENT', email_sent_at = :now, email_error = NULL
						WHERE id = ANY (:ids)
						""").param("now", Timestamp.from(clock.instant())).param("ids", ids).update();
				sent++;
			}
			catch (MailException ex) {
				log.warn("Daily digest of {} notices not sent: {}", held.size(), ex.getMessage());
				jdbc.sql("UPDATE notifications.notification SET email_status = 'DIGEST' WHERE id = ANY (:ids)")
					.param("ids", ids).update();
			}
		}
		return sent;
	}

	private List<Held> claim(UUID person) {
		return jdbc.sql("""
				UPDATE notifications.notification SET email_status = 'SENDING', email_claimed_at = :now,
				    email_attempts = email_attempts + 1
				WHERE id IN (SELECT id FROM notifications.notification WHERE account_id = :person
				             AND email_status = 'DIGEST' ORDER BY id LIMIT :most FOR UPDATE SKIP LOCKED)
				RETURNING id, email, email_language, topic,
				    CASE email_language WHEN 'ar' THEN args_ar WHEN 'fr' THEN args_fr ELSE args_en END AS args, link
				""").param("now", Timestamp.from(clock.instant())).param("person", person).param("most", MOST)
			.query((rs, row) -> new Held(rs.getLong("id"), rs.getString("email"),
					Locale.forLanguageTag(rs.getString("email_language")), rs.getString("topic"),
					(Object[]) rs.getArray("args").getArray(), rs.getString("link")))
			.list()
			.stream().sorted(Comparator.comparingLong(Held::id)).toList();
	}

	SimpleMailMessage write(List<Held> held) {
		Locale language = held.get(0).language();
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(settings.mailFrom());
		message.setTo(held.get(0).email());
		message.setSubject(messages.getMessage("notification.digest.subject", new Object[] { held.size() }, language));
		StringBuilder body = new StringBuilder(messages.getMessage("notification.digest.intro", null, language));
		for (Held notice : held) {
			body.append("\n\n- ").append(messages.getMessage("notification." + notice.topic() + ".subject",
					notice.args(), language));
			if (!notice.link().isEmpty()) {
				body.append("\n  ").append(MailOutbox.address(settings, notice.link(), language));
			}
		}
		body.append("\n\n-- \n").append(messages.getMessage("notification.mail.footer", null, language));
		message.setText(body.toString());
		return message;
	}

}
