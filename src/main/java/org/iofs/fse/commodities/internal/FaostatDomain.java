package org.iofs.fse.commodities.internal;

/** The FAOSTAT domains whose item codes a commodity carries: crop and livestock production, and food balances. */
public enum FaostatDomain {

	QCL, FBS

}
