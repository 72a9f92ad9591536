package org.iofs.fse.reserves.internal;

import java.util.Arrays;
import java.util.Locale;

import org.iofs.fse.shared.InvalidInputException;

/**
 * A lot's or pledge's quality grade, from a list: the grade numbers of the national or Codex standard the reserve
 * buys to, or fair average quality. The message bundles name each under {@code grade.}; none given is allowed.
 */
enum Grade {

	GRADE_1, GRADE_2, GRADE_3, GRADE_4, GRADE_5, FAQ;

	/** The grade's code, or "" when none is given; a 400 naming the field for a grade not on the list. */
	static String code(String given, String field) {
		String code = given == null ? "" : given.strip().toUpperCase(Locale.ROOT);
		if (code.isEmpty() || Arrays.stream(values()).anyMatch(g -> g.name().equals(code))) {
			return code;
		}
		throw new InvalidInputException(field, "'" + given + "' is not one of " + Arrays.toString(values()));
	}

}
