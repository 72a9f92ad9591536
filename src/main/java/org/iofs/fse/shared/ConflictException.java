package org.iofs.fse.shared;

/**
 * A request the current state refuses, such as issuing more than a lot holds or from an expired lot: the API
 * answers with a 409 problem detail carrying a machine-readable reason.
 */
public class ConflictException extends RuntimeException {

	private final String reason;

	public ConflictException(String reason, String message) {
		super(message);
		this.reason = reason;
	}

	/** A short code: INSUFFICIENT_STOCK, LOT_EXPIRED, LOT_NOT_AVAILABLE, ALREADY_REVERSED... */
	public String reason() {
		return reason;
	}

}
