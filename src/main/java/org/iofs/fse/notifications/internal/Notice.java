package org.iofs.fse.notifications.internal;

import java.util.List;

import org.iofs.fse.shared.LocalizedText;

/**
 * What to tell: a topic (its words are {@code notification.<topic>.subject} and {@code .body} in the message
 * bundles), the words put into them in the three languages, the page it is about, and what it is about
 * ({@code dedupKey}), so that the same event handled twice tells nobody twice.
 */
record Notice(String topic, String dedupKey, List<LocalizedText> args, String link) {

	Notice {
		args = List.copyOf(args);
	}

	/** A word that reads the same in every language: a number, a code, a date. */
	static LocalizedText same(Object value) {
		String text = String.valueOf(value);
		return new LocalizedText(text, text, text);
	}

}
