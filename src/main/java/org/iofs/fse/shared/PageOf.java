package org.iofs.fse.shared;

import java.util.List;

/** One page of a longer list, numbered from 0, with what a client needs to ask for the others. */
public record PageOf<T>(List<T> items, int page, int size, long totalItems) {

	public static final int MAX_SIZE = 200;

	public PageOf {
		items = List.copyOf(items);
	}

	public int totalPages() {
		return size == 0 ? 0 : (int) ((totalItems + size - 1) / size);
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public boolean hasNext() {
		return page + 1 < totalPages();
	}

	/** Checks a requested page and size, naming the parameter at fault. */
	public static void checkRequest(int page, int size) {
		if (page < 0) {
			throw new InvalidInputException("page", "must be 0 or more, was " + page);
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE + ", was " + size);
		}
	}

}
