package org.iofs.fse.foodbalance.importing;

import java.util.List;
import org.iofs.fse.shared.imports.RowProblem;

/**
 * What an import did. {@code problems} lists the first {@value FbsRows#MAX_PROBLEMS_KEPT} row problems;
 * {@code problemCount} counts them all.
 */
public record ImportReport(Long id, String fileName, String sha256, String layout, Outcome outcome, long rowsRead,
		long inserted, long updated, long unchanged, long skipped, long skippedAggregates, long skippedNonMembers,
		long problemCount, List<RowProblem> problems, long durationMs, String message) {

	public ImportReport {
		problems = List.copyOf(problems);
	}

	public enum Outcome {

		/** Some values were added or changed. */
		APPLIED,
		/** Every value in the file was already there, with the same value and flag: nothing changed. */
		UNCHANGED,
		/** Nothing was written: the file is unreadable, or has row problems and the policy was to reject. */
		REJECTED

	}

}
