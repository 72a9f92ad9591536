package org.iofs.fse.shared;

/**
 * A resource the caller named does not exist. Pages answer with the localized 404 page and the API with a 404
 * problem detail.
 */
public class NotFoundException extends RuntimeException {

	private final String resource;

	private final String identifier;

	public NotFoundException(String resource, String identifier) {
		super("No " + resource + " with identifier '" + identifier + "'");
		this.resource = resource;
		this.identifier = identifier;
	}

	public String resource() {
		return resource;
	}

	public String identifier() {
		return identifier;
	}

}
