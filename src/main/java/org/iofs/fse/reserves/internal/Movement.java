package org.iofs.fse.reserves.internal;

import java.math.BigDecimal;

/** One ledger entry written: which lot, what kind, how many tonnes (signed), and the lot's stock on hand after. */
public record Movement(long entryId, long lotId, String hub, String kind, BigDecimal tonnes, BigDecimal onHandAfter) {
}
