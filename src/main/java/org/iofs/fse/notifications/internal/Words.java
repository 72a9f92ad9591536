package org.iofs.fse.notifications.internal;

import java.util.Locale;

import org.iofs.fse.shared.LocalizedText;
import org.iofs.fse.shared.web.SupportedLanguage;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A name the bundles give (a status, a mode) in the three languages, to put into a notice. */
@Component
class Words {

	private final MessageSource messages;

	Words(MessageSource messages) {
		this.messages = messages;
	}

	LocalizedText of(String key) {
		return new LocalizedText(in(key, SupportedLanguage.EN.locale()), in(key, SupportedLanguage.AR.locale()),
				in(key, SupportedLanguage.FR.locale()));
	}

	private String in(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
