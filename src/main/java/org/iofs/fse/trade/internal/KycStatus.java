package org.iofs.fse.trade.internal;

/** Where a company's verification stands; only a verified company publishes, quotes or trades. */
public enum KycStatus {

	APPLIED, VERIFIED, SUSPENDED, REFUSED

}
