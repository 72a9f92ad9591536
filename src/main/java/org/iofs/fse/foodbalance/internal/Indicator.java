package org.iofs.fse.foodbalance.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The indicators computed from stored balance values (never imported ready-made). Each names its formula; the
 * definitions in the three languages are in the message bundles under {@code indicator.<code>}.
 */
public enum Indicator {

	SELF_SUFFICIENCY_RATIO("self-sufficiency-ratio", "%", "SSR = P × 100 / (P + I − E)", 1),
	IMPORT_DEPENDENCY_RATIO("import-dependency-ratio", "%", "IDR = I × 100 / (P + I − E)", 1),
	CEREAL_IMPORT_DEPENDENCY_RATIO("cereal-import-dependency-ratio", "%",
			"CIDR = (Ī − Ē) × 100 / (P̄ + Ī − Ē), 3-year averages (y−2 … y), FBS 2905 cereals excluding beer", 3),
	FOOD_SUPPLY_KG("food-supply-kg-per-capita", "kg/capita/yr", "Food [1000 t] × 1000 / Population [1000]", 1),
	FOOD_SUPPLY_KCAL("food-supply-kcal-per-capita-day", "kcal/capita/day",
			"FAOSTAT's Food supply (kcal/capita/day), element 664, where the sheet has it; otherwise Food [1000 t] × 1000 "
					+ "/ Population [1000] × kcal per kg / 365, with the item's kcal per kg derived from FAOSTAT's "
					+ "published pairs (664 × 365 / 645, median), else the commodity's reference value", 1),
	DOMESTIC_SUPPLY_KG("domestic-supply-kg-per-capita", "kg/capita/yr",
			"Domestic supply [1000 t] × 1000 / Population [1000]", 1);

	private final String code;

	private final String unit;

	private final String formula;

	private final int years;

	Indicator(String code, String unit, String formula, int years) {
		this.code = code;
		this.unit = unit;
		this.formula = formula;
		this.years = years;
	}

	public String code() {
		return code;
	}

	public String unit() {
		return unit;
	}

	public String formula() {
		return formula;
	}

	/** How many years the indicator averages: 3 for the FAO cereal import dependency ratio, else 1. */
	public int years() {
		return years;
	}

	public String messageKey() {
		return "indicator." + code;
	}

	public static Optional<Indicator> of(String code) {
		return Arrays.stream(values()).filter(i -> i.code.equals(code)).findFirst();
	}

}
