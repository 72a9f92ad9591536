package org.iofs.fse.prices.importing;

import java.util.List;

import org.iofs.fse.shared.imports.RowProblem;

/**
 * What a WFP price import did: observations inserted, updated and unchanged; rows skipped (non-members,
 * implausible dates or prices, row problems under the skip policy), each listed with its line; the series whose
 * indicators were recomputed and the alerts raised.
 */
public record PriceImportReport(Long id, String fileName, String sha256, String layout, String country,
		Outcome outcome, long rowsRead, long inserted, long updated, long unchanged, long skipped,
		long skippedNonMembers, long skippedImplausible, long problemCount, List<RowProblem> problems,
		List<RowProblem> implausibleRows, long seriesRecomputed, long alertsRaised, long durationMs, String message) {

	public enum Outcome {
		APPLIED, UNCHANGED, REJECTED
	}

}
