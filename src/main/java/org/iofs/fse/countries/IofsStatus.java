package org.iofs.fse.countries;

/**
 * Where a member state stands with the IOFS Statute. {@code UNKNOWN} means no source names the state either
 * way: it is shown as unknown, never guessed.
 */
public enum IofsStatus {

	RATIFIED, SIGNED, UNKNOWN;

	public String messageKey() {
		return "iofs." + name();
	}

}
