package org.iofs.fse.shared.imports;

import java.util.Locale;

import org.iofs.fse.shared.InvalidInputException;

/** What to do with a file some of whose rows cannot be read: refuse the whole file, or import the rest. */
public enum ProblemPolicy {

	REJECT, SKIP;

	/** From a request parameter ({@code reject} or {@code skip}); anything else is a 400 naming the parameter. */
	public static ProblemPolicy of(String parameter, String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "reject" -> REJECT;
			case "skip" -> SKIP;
			default -> throw new InvalidInputException(parameter, "must be reject or skip");
		};
	}

}
