package org.iofs.fse.foodbalance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The quantities an indicator is computed from, for one country (or the sum over several) and one item, averaged
 * over the indicator's years: production, imports, exports, domestic supply, food (1000 t) and population (1000).
 * Null means not reported.
 */
record Components(BigDecimal production, BigDecimal imports, BigDecimal exports, BigDecimal domesticSupply,
		BigDecimal food, BigDecimal population) {

	private static final MathContext PRECISION = new MathContext(12, RoundingMode.HALF_EVEN);

	static final Components NONE = new Components(null, null, null, null, null, null);

	/** Sums quantities, never ratios: a group's ratio is the ratio of its summed quantities. */
	Components plus(Components other) {
		return new Components(add(production, other.production), add(imports, other.imports),
				add(exports, other.exports), add(domesticSupply, other.domesticSupply), add(food, other.food),
				add(population, other.population));
	}

	/** The indicator's value, or null when a term is missing or the denominator is not positive. */
	BigDecimal value(Indicator indicator, Integer kcalPerKg) {
		return switch (indicator) {
			case SELF_SUFFICIENCY_RATIO -> percent(production, supply());
			case IMPORT_DEPENDENCY_RATIO -> percent(imports, supply());
			case CEREAL_IMPORT_DEPENDENCY_RATIO -> imports == null || exports == null ? null
					: percent(imports.subtract(exports), supply());
			case FOOD_SUPPLY_KG -> perCapita(food);
			case FOOD_SUPPLY_KCAL -> kcalPerKg == null || perCapita(food) == null ? null
					: perCapita(food).multiply(BigDecimal.valueOf(kcalPerKg)).divide(BigDecimal.valueOf(365), PRECISION);
			case DOMESTIC_SUPPLY_KG -> perCapita(domesticSupply);
		};
	}

	/** P + I − E: what the country had to use; FAOSTAT leaves zero terms out, so a missing term counts as zero. */
	private BigDecimal supply() {
		if (production == null && imports == null && exports == null) {
			return null;
		}
		return zero(production).add(zero(imports)).subtract(zero(exports));
	}

	private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
		if (whole == null || whole.signum() <= 0) {
			return null;
		}
		return zero(part).multiply(BigDecimal.valueOf(100)).divide(whole, PRECISION);
	}

	private BigDecimal perCapita(BigDecimal quantity) {
		if (quantity == null || population == null || population.signum() <= 0) {
			return null;
		}
		return quantity.multiply(BigDecimal.valueOf(1000)).divide(population, PRECISION);
	}

	private static BigDecimal zero(BigDecimal value) {
		return value == null ? BigDecimal.ZERO : value;
	}

	private static BigDecimal add(BigDecimal a, BigDecimal b) {
		return a == null ? b : b == null ? a : a.add(b);
	}

}
