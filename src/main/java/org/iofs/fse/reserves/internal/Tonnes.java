package org.iofs.fse.reserves.internal;

import java.math.BigDecimal;

import org.iofs.fse.shared.InvalidInputException;

/** Quantities in tonnes: exact decimals with at most three places (kilograms), never floating point. */
final class Tonnes {

	static final BigDecimal MAX = new BigDecimal("99999999999.999");

	private Tonnes() {
	}

	/** A positive quantity, or a 400 naming the field. */
	static BigDecimal positive(BigDecimal tonnes, String field) {
		if (tonnes == null || tonnes.signum() <= 0) {
			throw new InvalidInputException(field, "must be a positive number of tonnes");
		}
		return checked(tonnes, field);
	}

	/** A quantity that is not zero (an adjustment either way). */
	static BigDecimal nonZero(BigDecimal tonnes, String field) {
		if (tonnes == null || tonnes.signum() == 0) {
			throw new InvalidInputException(field, "must be a non-zero number of tonnes");
		}
		return checked(tonnes, field);
	}

	private static BigDecimal checked(BigDecimal tonnes, String field) {
		BigDecimal exact = tonnes.stripTrailingZeros();
		if (exact.scale() > 3) {
			throw new InvalidInputException(field, "has more than three decimals (tonnes are kept to the kilogram)");
		}
		if (exact.abs().compareTo(MAX) > 0) {
			throw new InvalidInputException(field, "is too large");
		}
		return exact.setScale(3);
	}

}
