package org.iofs.fse.shared.web;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Text for a CSV cell that a spreadsheet will show, never run. A cell starting with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return is read by Excel, LibreOffice and Google Sheets as a formula
 * (OWASP, "CSV Injection"), so such text gets a leading apostrophe, which spreadsheets display as text. Numbers,
 * including negative ones written as text, stay numbers.
 */
public final class SpreadsheetSafe {

	private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

	private SpreadsheetSafe() {
	}

	public static String cell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (value instanceof Number) {
			return value.toString();
		}
		return text(value.toString());
	}

	public static String text(String text) {
		if (text.isEmpty() || !startsLikeFormula(text.charAt(0)) || PLAIN_NUMBER.matcher(text).matches()) {
			return text;
		}
		return "'" + text;
	}

	private static boolean startsLikeFormula(char first) {
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

}
