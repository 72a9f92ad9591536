package org.iofs.fse.trade;

import java.util.UUID;

/**
 * A finance request moved to a new status; the side that did not take the step ({@code takenBy} is BUYER or
 * FINANCIER) is to be told.
 */
public record FinanceStepTaken(long request, long deal, UUID buyer, UUID financier, String toStatus, String takenBy) {
}
