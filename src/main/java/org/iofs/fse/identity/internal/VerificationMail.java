package org.iofs.fse.identity.internal;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the link that verifies a new account's e-mail address, in the language the person registered in, after the
 * registration committed (never inside its transaction). Without an SMTP server (a development machine) the link
 * is written to the log instead, so that a developer can still open the account.
 */
@Component
class VerificationMail {

	private static final Logger log = LoggerFactory.getLogger(VerificationMail.class);

	private final ObjectProvider<JavaMailSender> mail;

	private final MessageSource messages;

	private final String baseUrl;

	private final String from;

	VerificationMail(ObjectProvider<JavaMailSender> mail, MessageSource messages,
			@Value("${fse.notifications.base-url:http://localhost:8080}") String baseUrl,
			@Value("${fse.notifications.mail-from:fse-platform@localhost}") String from) {
		this.mail = mail;
		this.messages = messages;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
		this.from = from;
	}

	/** Whether the link went out by e-mail. */
	boolean send(Registrations.Registered registered, String displayName, Locale language) {
		String link = baseUrl + "/register/verify?token=" + registered.token() + "&lang=" + language.getLanguage();
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			log.info("No SMTP server set (spring.mail.host): the verification link for {} is {}", registered.email(), link);
			return false;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(registered.email());
		message.setSubject(messages.getMessage("register.mail.subject", null, language));
		message.setText(messages.getMessage("register.mail.body", new Object[] { displayName, link,
				Registrations.VALID_FOR.toHours() }, language));
		try {
			sender.send(message);
			return true;
		}
		catch (MailException ex) {
			log.warn("The verification e-mail to {} was not sent: {}", registered.email(), ex.getMessage());
			return false;
		}
	}

}
