package org.iofs.fse.reserves.internal;

/** Where a release request stands in its workflow. */
public enum ReleaseStatus {

	DRAFT, SUBMITTED, ASSESSED, APPROVED, REJECTED, DISPATCHED, DELIVERED, CLOSED,
	/** A draft the platform prepared (a response proposal) that was dismissed before anyone submitted it. */
	WITHDRAWN;

	/** Once approved, the reserve's hub operators see the request: they dispatch it. */
	public boolean approvedOrLater() {
		return this == APPROVED || this == DISPATCHED || this == DELIVERED || this == CLOSED;
	}

}
