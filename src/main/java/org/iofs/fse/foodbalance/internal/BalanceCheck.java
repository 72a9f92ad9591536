package org.iofs.fse.foodbalance.internal;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One identity of a balance sheet checked on stored values: the domestic supply against what it should equal.
 * {@code gap} is stored minus expected, in 1000 t; a check with a missing term is not made ({@code passes} null).
 */
public record BalanceCheck(String identity, BigDecimal domesticSupply, BigDecimal expected, BigDecimal gap,
		Boolean passes) {

	/** FAOSTAT rounds each element to the unit; eight rounded uses can drift this far from their total. */
	static final BigDecimal DEFAULT_TOLERANCE = new BigDecimal("1.5");

	/** Supply identity: domestic supply = production + imports - exports - stock variation (stock build-up > 0). */
	public static BalanceCheck supply(Map<Integer, BigDecimal> values, BigDecimal tolerance) {
		BigDecimal ds = values.get(Element.DOMESTIC_SUPPLY);
		if (ds == null) {
			return new BalanceCheck("supply", null, null, null, null);
		}
		BigDecimal expected = orZero(values, Element.PRODUCTION).add(orZero(values, Element.IMPORTS))
			.subtract(orZero(values, Element.EXPORTS))
			.subtract(orZero(values, Element.STOCK_VARIATION));
		return of("supply", ds, expected, tolerance);
	}

	/** Use identity: domestic supply = feed + seed + losses + processing + other uses + tourists + residuals + food. */
	public static BalanceCheck use(Map<Integer, BigDecimal> values, BigDecimal tolerance) {
		BigDecimal ds = values.get(Element.DOMESTIC_SUPPLY);
		if (ds == null) {
			return new BalanceCheck("use", null, null, null, null);
		}
		BigDecimal expected = BigDecimal.ZERO;
		for (int use : Element.USES) {
			expected = expected.add(orZero(values, use));
		}
		return of("use", ds, expected, tolerance);
	}

	private static BalanceCheck of(String identity, BigDecimal ds, BigDecimal expected, BigDecimal tolerance) {
		BigDecimal gap = ds.subtract(expected).stripTrailingZeros();
		return new BalanceCheck(identity, ds, expected.stripTrailingZeros(), gap, gap.abs().compareTo(tolerance) <= 0);
	}

	/** FAOSTAT leaves out elements that are zero; a missing term of a sum counts as zero. */
	private static BigDecimal orZero(Map<Integer, BigDecimal> values, int element) {
		return values.getOrDefault(element, BigDecimal.ZERO);
	}

}
