package org.iofs.fse.allocation.internal;

/** Why tonnes of a demand are left unmet; each has its explanation in the message bundles. */
public enum UnmetReason {
	NO_STOCK, NO_ROUTE, NO_ROUTE_IN_TIME, EXPIRES_BEFORE_ARRIVAL, CAPACITY, MIN_SHIPMENT, NOT_ENOUGH_STOCK
}
