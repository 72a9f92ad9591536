package org.iofs.fse.trade.internal;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

import org.iofs.fse.shared.InvalidInputException;

/** Tonnes (to the kilogram) and prices (to the cent) as exact decimals, never floating point; a 400 naming the field. */
final class Amounts {

	static final BigDecimal MAX = new BigDecimal("99999999999.999");

	private Amounts() {
	}

	static BigDecimal tonnes(BigDecimal value, String field) {
		return exact(value, 3, field, "tonnes (kept to the kilogram)");
	}

	static BigDecimal price(BigDecimal value, String field) {
		return exact(value, 2, field, "a price (kept to the cent)");
	}

	/** An ISO 4217 currency code. */
	static String currency(String code) {
		String upper = Texts.required(code, "currency").toUpperCase(Locale.ROOT);
		try {
			return Currency.getInstance(upper).getCurrencyCode();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("currency", "'" + code + "' is not an ISO 4217 currency code");
		}
	}

	private static BigDecimal exact(BigDecimal value, int places, String field, String what) {
		if (value == null || value.signum() <= 0) {
			throw new InvalidInputException(field, "must be a positive number");
		}
		BigDecimal stripped = value.stripTrailingZeros();
		if (stripped.scale() > places) {
			throw new InvalidInputException(field, "has more than " + places + " decimals for " + what);
		}
		if (stripped.compareTo(MAX) > 0) {
			throw new InvalidInputException(field, "is too large");
		}
		return stripped.setScale(places);
	}

}
