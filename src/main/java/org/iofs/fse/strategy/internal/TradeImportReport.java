package org.iofs.fse.strategy.internal;

import java.util.List;

import org.iofs.fse.shared.imports.RowProblem;

/**
 * What a trade matrix import did: flows are counted by reporter, partner, item and year (a flow holds up to four
 * values). {@code problems} lists the first row problems; {@code problemCount} counts them all.
 */
public record TradeImportReport(Long id, String fileName, String sha256, String layout, Outcome outcome,
		long rowsRead, long inserted, long updated, long unchanged, long skipped, long skippedItems,
		long skippedNonMembers, long problemCount, List<RowProblem> problems, long durationMs, String message) {

	public TradeImportReport {
		problems = List.copyOf(problems);
	}

	public enum Outcome {

		/** Some flows were added or changed. */
		APPLIED,
		/** Every flow in the file was already there with the same figures: nothing changed. */
		UNCHANGED,
		/** Nothing was written: the file is unreadable, or has row problems and the policy was to reject. */
		REJECTED

	}

}
