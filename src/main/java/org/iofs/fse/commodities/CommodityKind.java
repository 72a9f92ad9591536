package org.iofs.fse.commodities;

/** A traded commodity, or a food-balance group that sums several of them. */
public enum CommodityKind {

	COMMODITY, GROUP;

	public String messageKey() {
		return "commodity.kind." + name();
	}

}
