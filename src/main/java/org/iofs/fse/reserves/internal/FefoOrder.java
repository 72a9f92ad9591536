package org.iofs.fse.reserves.internal;

import java.time.LocalDate;

/**
 * The order in which lots of a commodity at a hub are issued, first expiry first out: the earliest best-before date,
 * then the oldest intake, then the lot id. A pick walks the lots that hold stock in this order along an index of
 * those lots only ({@code lot_in_stock_idx}), one lot at a time: {@link LedgerWrites} finds, locks and takes from
 * the next lot after a given one in one statement. It reads the few lots a pick needs, neither every lot of the hub
 * (a hub receiving all day holds hundreds) nor the empty ones before them (most lots of an old hub).
 */
final class FefoOrder {

	/** A lot in the order, by the values that place it. */
	record Candidate(long lot, LocalDate bestBefore, LocalDate intake) {
	}

	private FefoOrder() {
	}

	/**
	 * What a pick starts after: a lot that expired yesterday, taken in that day at the latest (a lot's best-before
	 * date is never before its intake) and with the last possible id, so every lot that has not expired by today
	 * comes after it and no lot that has does.
	 */
	static Candidate first(LocalDate today) {
		return new Candidate(Long.MAX_VALUE, today.minusDays(1), today.minusDays(1));
	}

}
