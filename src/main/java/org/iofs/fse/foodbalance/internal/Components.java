package org.iofs.fse.foodbalance.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The quantities an indicator is computed from, for one country (or the sum over several) and one item, averaged
 * over the indicator's years: production, imports, exports, domestic supply, food (1000 t), population (1000) and
 * FAOSTAT's food supply in kcal per person and day (element 664). Null means not reported. {@code energy} is the
 * food supply in kcal per day of the whole population (kcal/capita/day × 1000 persons), which sums across
 * countries; it is set by {@link #withEnergy}, with where it came from.
 */
record Components(BigDecimal production, BigDecimal imports, BigDecimal exports, BigDecimal domesticSupply,
		BigDecimal food, BigDecimal population, BigDecimal kcal, BigDecimal energy, FoodEnergySource energySource) {

	private static final MathContext PRECISION = new MathContext(12, RoundingMode.HALF_EVEN);

	private static final BigDecimal DAYS = BigDecimal.valueOf(365);

	static final Components NONE = new Components(null, null, null, null, null, null, null, null, null);

	Components(BigDecimal production, BigDecimal imports, BigDecimal exports, BigDecimal domesticSupply,
			BigDecimal food, BigDecimal population, BigDecimal kcal) {
		this(production, imports, exports, domesticSupply, food, population, kcal, null, null);
	}

	/**
	 * With the food energy of the population: FAOSTAT's kcal/capita/day where reported, otherwise food per person
	 * times the item's energy per kg (derived from FAOSTAT's pairs, else the commodity's reference value).
	 *
	 * @param derivedKcalPerKg the item's energy per kg from FAOSTAT's 664/645 pairs, or null when it has none
	 * @param referenceKcalPerKg the commodity's reference energy per kg, or null
	 */
	Components withEnergy(BigDecimal derivedKcalPerKg, Integer referenceKcalPerKg) {
		if (population == null || population.signum() <= 0) {
			return this;
		}
		if (kcal != null) {
			return withEnergy(kcal.multiply(population), FoodEnergySource.FAOSTAT);
		}
		if (food == null) {
			return this;
		}
		if (derivedKcalPerKg != null) {
			return withEnergy(food.multiply(BigDecimal.valueOf(1000)).multiply(derivedKcalPerKg).divide(DAYS, PRECISION),
					FoodEnergySource.DERIVED);
		}
		if (referenceKcalPerKg != null) {
			return withEnergy(food.multiply(BigDecimal.valueOf(1000L * referenceKcalPerKg)).divide(DAYS, PRECISION),
					FoodEnergySource.REFERENCE);
		}
		return this;
	}

	private Components withEnergy(BigDecimal value, FoodEnergySource source) {
		return new Components(production, imports, exports, domesticSupply, food, population, kcal, value, source);
	}

	/** Sums quantities, never ratios: a group's ratio is the ratio of its summed quantities. */
	Components plus(Components other) {
		return new Components(add(production, other.production), add(imports, other.imports),
				add(exports, other.exports), add(domesticSupply, other.domesticSupply), add(food, other.food),
				add(population, other.population), null, add(energy, other.energy),
				FoodEnergySource.combine(energySource, other.energySource));
	}

	/** Where the indicator's value comes from: only the food energy has a source other than the quantities. */
	FoodEnergySource source(Indicator indicator) {
		return indicator == Indicator.FOOD_SUPPLY_KCAL && value(indicator) != null ? energySource : null;
	}

	/** The indicator's value, or null when a term is missing or the denominator is not positive. */
	BigDecimal value(Indicator indicator) {
		return switch (indicator) {
			case SELF_SUFFICIENCY_RATIO -> percent(production, supply());
			case IMPORT_DEPENDENCY_RATIO -> percent(imports, supply());
			case CEREAL_IMPORT_DEPENDENCY_RATIO -> imports == null || exports == null ? null
					: percent(imports.subtract(exports), supply());
			case FOOD_SUPPLY_KG -> perCapita(food);
			case FOOD_SUPPLY_KCAL -> energy == null || population == null || population.signum() <= 0 ? null
					: energy.divide(population, PRECISION);
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
