package org.iofs.fse.shared.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a file an importer could not take, counted, the first ones kept with their line, field and reason
 * (so that memory stays flat whatever the file holds).
 */
public final class RowProblems {

	private final int kept;

	private final List<RowProblem> first = new ArrayList<>();

	private long count;

	public RowProblems(int kept) {
		this.kept = kept;
	}

	public void add(long line, String field, String reason) {
		count++;
		if (first.size() < kept) {
			first.add(new RowProblem(line, field, reason));
		}
	}

	public long count() {
		return count;
	}

	public List<RowProblem> first() {
		return first;
	}

	/** A cell quoted in a message, cut at 40 characters. */
	public static String abbreviate(String text) {
		return text.length() > 40 ? text.substring(0, 40) + "..." : text;
	}

}
