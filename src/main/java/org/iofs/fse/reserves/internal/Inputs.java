package org.iofs.fse.reserves.internal;

import java.util.Locale;

import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.NotFoundException;

/** Checks of free-text input shared by the reserve services: a 400 naming the field when it fails. */
final class Inputs {

	private Inputs() {
	}

	static String required(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, "is required");
		}
		return value.strip();
	}

	/** Optional text, stripped, at most {@code max} characters. */
	static String text(String value, int max, String field) {
		String text = value == null ? "" : value.strip();
		if (text.length() > max) {
			throw new InvalidInputException(field, "is longer than " + max + " characters");
		}
		return text;
	}

	/** A hub code as given, normalised; whether the hub exists is told by the statement that uses it. */
	/** A hub code as stored (upper case); a blank one names no hub. */
	static String hubKey(String code) {
		String key = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
		if (key.isEmpty()) {
			throw new NotFoundException("hub", "");
		}
		return key;
	}

	static String commodityKey(String code) {
		return required(code, "commodity").toLowerCase(Locale.ROOT);
	}

}
