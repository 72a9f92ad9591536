package org.iofs.fse.shared;

/** Input that cannot be understood, with the name of the field at fault and why; the API answers 400. */
public class InvalidInputException extends RuntimeException {

	private final String field;

	public InvalidInputException(String field, String reason) {
		super(reason);
		this.field = field;
	}

	public String field() {
		return field;
	}

}
