package org.iofs.fse.shared;

/** Checks of text a caller sends, shared by the services: a 400 naming the field when one fails. */
public final class Inputs {

	private Inputs() {
	}

	/** The value without surrounding blanks; refused when missing or blank. */
	public static String required(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, "is required");
		}
		return value.strip();
	}

	/** A required value of at most {@code max} characters. */
	public static String name(String value, int max, String field) {
		String name = required(value, field);
		if (name.length() > max) {
			throw new InvalidInputException(field, "is longer than " + max + " characters");
		}
		return name;
	}

	/** One of an enumeration's values named in any case, or a refusal naming the field and the values allowed. */
	public static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
		return java.util.Arrays.stream(type.getEnumConstants())
			.filter(e -> e.name().equalsIgnoreCase(java.util.Objects.toString(value, "").strip()))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException(field,
					"must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
	}

}
