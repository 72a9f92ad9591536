package org.iofs.fse.foodbalance.internal;

/** The FBS element codes the checks and indicators read. */
public final class Element {

	static final int POPULATION = 511;

	static final int PRODUCTION = 5511;

	static final int IMPORTS = 5611;

	static final int STOCK_VARIATION = 5072;

	static final int EXPORTS = 5911;

	static final int DOMESTIC_SUPPLY = 5301;

	static final int FOOD = 5142;

	/** FAOSTAT's food supply in kcal per person and day. */
	static final int FOOD_ENERGY = 664;

	/** Domestic supply is the sum of these uses. */
	static final int[] USES = { 5521, 5527, 5123, 5131, 5154, 5171, 5170, FOOD };

	/** FBS item 2501 carries the population. */
	static final int POPULATION_ITEM = 2501;

	private Element() {
	}

}
