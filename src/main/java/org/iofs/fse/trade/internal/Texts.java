package org.iofs.fse.trade.internal;

import java.util.List;

import org.iofs.fse.shared.Inputs;
import org.iofs.fse.shared.InvalidInputException;

/** Checks of text input shared by the trade services: a 400 naming the field when it fails. */
final class Texts {

	private Texts() {
	}

	static String required(String value, String field) {
		return Inputs.required(value, field);
	}

	static String bounded(String value, int max, String field) {
		if (value.length() > max) {
			throw new InvalidInputException(field, "is longer than " + max + " characters");
		}
		return value;
	}

	static String name(String value, String field) {
		return bounded(required(value, field), 200, field);
	}

	/** A list of short codes or words, stripped, without blanks or repeats, at most {@code max} of them. */
	static List<String> list(List<String> values, int max, String field) {
		if (values == null) {
			return List.of();
		}
		List<String> cleaned = values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct()
			.toList();
		if (cleaned.size() > max) {
			throw new InvalidInputException(field, "has more than " + max + " entries");
		}
		cleaned.stream().filter(v -> v.length() > 100).findFirst().ifPresent(v -> {
			throw new InvalidInputException(field, "has an entry longer than 100 characters");
		});
		return cleaned;
	}

}
