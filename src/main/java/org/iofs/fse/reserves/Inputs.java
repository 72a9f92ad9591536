package org.iofs.fse.reserves;

import org.iofs.fse.shared.InvalidInputException;

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

}
