package org.iofs.fse.reserves.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.iofs.fse.shared.InvalidInputException;

/**
 * How a hub keeps its stock, from a list so that every reader sees the condition in their language (the message
 * bundles name each under {@code hub.condition.}) and a search by condition is possible.
 */
enum StorageCondition {

	AMBIENT, VENTILATED, AERATED, TEMPERATURE_CONTROLLED, HERMETIC, FUMIGATION, PALLETS, BULK;

	/** The given codes, upper-cased and without repeats; a 400 naming the field for a code not on the list. */
	static List<String> codes(List<String> given, String field) {
		if (given == null) {
			return List.of();
		}
		return given.stream()
			.map(code -> code == null ? "" : code.strip().toUpperCase(Locale.ROOT))
			.peek(code -> {
				if (Arrays.stream(values()).noneMatch(c -> c.name().equals(code))) {
					throw new InvalidInputException(field, "'" + code + "' is not one of " + Arrays.toString(values()));
				}
			})
			.distinct()
			.toList();
	}

}
