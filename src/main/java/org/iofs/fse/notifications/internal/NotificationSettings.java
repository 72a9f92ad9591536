package org.iofs.fse.notifications.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the notifications ({@code fse.notifications.*}). E-mail goes out only when an SMTP server is set
 * ({@code spring.mail.host}); without one, notices reach the inbox only.
 *
 * @param baseUrl the platform's public address, for the links in e-mails (default {@code http://localhost:8080})
 * @param mailFrom the sender address of notification e-mails (default {@code fse-platform@localhost})
 * @param mailRetryInterval how often e-mails that failed are tried again (default one minute)
 * @param mailMaxAttempts how many times an e-mail is tried before it is left failed (default 5)
 * @param keepCompletedEvents how long handled event publications are kept before the nightly purge (default 7 days)
 */
@ConfigurationProperties("fse.notifications")
record NotificationSettings(String baseUrl, String mailFrom, Duration mailRetryInterval, Integer mailMaxAttempts,
		Duration keepCompletedEvents) {

	NotificationSettings {
		baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
		mailFrom = mailFrom == null || mailFrom.isBlank() ? "fse-platform@localhost" : mailFrom;
		mailRetryInterval = mailRetryInterval == null ? Duration.ofMinutes(1) : mailRetryInterval;
		mailMaxAttempts = mailMaxAttempts == null ? 5 : mailMaxAttempts;
		keepCompletedEvents = keepCompletedEvents == null ? Duration.ofDays(7) : keepCompletedEvents;
	}

}
