package org.iofs.fse.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

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
 * Sends the e-mails of new notices, outside any transaction: a batch is claimed (rows locked only for the claim,
 * skipped by any other instance claiming at the same moment), each e-mail written in its recipient's language and
 * sent, and its row marked sent or failed. Failed ones are tried again every {@code mail-retry-interval}, up to
 * {@code mail-max-attempts} times; a claim left by a crashed instance is taken back after ten minutes.
 */
@Component
class MailOutbox {

	private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

	private static final int BATCH = 50;

	record Outgoing(long id, String email, Locale language, String topic, Object[] args, String link) {
	}

	private final JdbcClient jdbc;

	private final ObjectProvider<JavaMailSender> mail;

	private final MessageSource messages;

	private final NotificationSettings settings;

	private final Clock clock;

	MailOutbox(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, MessageSource messages,
			NotificationSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.messages = messages;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${fse.notifications.mail-retry-interval:PT1M}",
			initialDelayString = "${fse.notifications.mail-retry-interval:PT1M}")
	void retry() {
		sendPending();
	}

	/** Sends what is waiting; returns how many e-mails went out. */
	int sendPending() {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			return 0;
		}
		int sent = 0;
		List<Outgoing> batch;
		do {
			batch = claim();
			for (Outgoing outgoing : batch) {
				sent += send(sender, outgoing) ? 1 : 0;
			}
		}
		while (batch.size() == BATCH);
		return sent;
	}

	private List<Outgoing> claim() {
		Timestamp now = Timestamp.from(clock.instant());
		return jdbc.sql("""
				UPDATE notifications.notification n SET email_status = 'SENDING', email_claimed_at = :now,
				    email_attempts = email_attempts + 1
				WHERE id IN (
				    SELECT id FROM notifications.notification
				    WHERE (email_status = 'PENDING'
				        OR (email_status = 'SENDING' AND email_claimed_at < CAST(:now AS timestamptz) - interval '10 minutes')
				        OR (email_status = 'FAILED' AND email_attempts < :max
				            AND email_claimed_at < CAST(:now AS timestamptz) - CAST(:retry AS interval)))
				    ORDER BY id LIMIT :batch
				    FOR UPDATE SKIP LOCKED)
				RETURNING id, email, email_language, topic,
				    CASE email_language WHEN 'ar' THEN args_ar WHEN 'fr' THEN args_fr ELSE args_en END AS args, link
				""")
			.param("now", now)
			.param("max", settings.mailMaxAttempts())
			.param("retry", settings.mailRetryInterval().toSeconds() + " seconds")
			.param("batch", BATCH)
			.query((rs, row) -> new Outgoing(rs.getLong("id"), rs.getString("email"),
					Locale.forLanguageTag(rs.getString("email_language")), rs.getString("topic"),
					(Object[]) rs.getArray("args").getArray(), rs.getString("link")))
			.list();
	}

	private boolean send(JavaMailSender sender, Outgoing outgoing) {
		try {
			sender.send(write(outgoing));
			jdbc.sql("""
					UPDATE notifications.notification SET email_status = 'SENT', email_sent_at = :now, email_error = NULL
					WHERE id = :id
					""").param("now", Timestamp.from(clock.instant())).param("id", outgoing.id()).update();
			return true;
		}
		catch (MailException ex) {
			String error = String.valueOf(ex.getMessage());
			log.warn("E-mail of notification {} not sent: {}", outgoing.id(), error);
			jdbc.sql("UPDATE notifications.notification SET email_status = 'FAILED', email_error = :error WHERE id = :id")
				.param("error", error.substring(0, Math.min(500, error.length())))
				.param("id", outgoing.id())
				.update();
			return false;
		}
	}

	SimpleMailMessage write(Outgoing outgoing) {
		Locale language = outgoing.language();
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(settings.mailFrom());
		message.setTo(outgoing.email());
		message.setSubject(messages.getMessage("notification." + outgoing.topic() + ".subject", outgoing.args(),
				language));
		StringBuilder body = new StringBuilder(
				messages.getMessage("notification." + outgoing.topic() + ".body", outgoing.args(), language));
		if (!outgoing.link().isEmpty()) {
			body.append("\n\n").append(messages.getMessage("notification.mail.open",
					new Object[] { address(settings, outgoing.link(), language) },
					language));
		}
		body.append("\n\n-- \n").append(messages.getMessage("notification.mail.footer", null, language));
		message.setText(body.toString());
		return message;
	}

	/** A page's full address for an e-mail, opening in the recipient's language. */
	static String address(NotificationSettings settings, String link, Locale language) {
		return settings.baseUrl() + link + (link.contains("?") ? "&" : "?") + "lang=" + language.getLanguage();
	}

}
