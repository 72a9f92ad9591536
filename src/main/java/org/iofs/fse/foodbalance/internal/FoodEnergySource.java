package org.iofs.fse.foodbalance.internal;

/**
 * Where a food supply in kcal per person and day comes from. FAOSTAT publishes it (element 664, computed from
 * each item's own nutrient composition) and its figure is used wherever the sheet has it; the platform computes it
 * only where it is missing.
 */
public enum FoodEnergySource {

	/** FAOSTAT's published figure, element 664 "Food supply (kcal/capita/day)". */
	FAOSTAT,

	/**
	 * Computed: food per person and day times the item's energy per kg derived from FAOSTAT's published pairs
	 * (664 × 365 / 645, the median over every country and year that has both).
	 */
	DERIVED,

	/** Computed with the commodity's reference energy per kg (USDA FoodData Central), where FAOSTAT has no pairs. */
	REFERENCE,

	/** A sum over countries or items whose figures come from more than one of the above. */
	MIXED;

	static FoodEnergySource combine(FoodEnergySource a, FoodEnergySource b) {
		return a == null ? b : b == null || a == b ? a : MIXED;
	}

}
