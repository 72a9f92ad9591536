package org.iofs.fse.notifications.internal;

import java.time.Instant;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A notice worded for its reader: the topic's subject and text from the bundles, with the reader's arguments. */
@Component
class InboxView {

	/** A notice as pages and the API show it. */
	record Shown(long id, String topic, String subject, String text, String link, Instant createdAt, boolean read) {
	}

	private final MessageSource messages;

	InboxView(MessageSource messages) {
		this.messages = messages;
	}

	Shown show(Inbox.Entry entry, Locale locale) {
		return new Shown(entry.id(), entry.topic(), messages.getMessage(entry.subjectKey(), entry.args(), locale),
				messages.getMessage(entry.bodyKey(), entry.args(), locale), entry.link(), entry.createdAt(),
				entry.read());
	}

}
