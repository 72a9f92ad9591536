package org.iofs.fse.reserves;

/**
 * A release request moved a step (submitted, assessed, approved, rejected, dispatched, closed, withdrawn); its
 * delivery is {@link ReleaseDelivered}. For those who subscribed to release steps.
 */
public record ReleaseStepTaken(long release, String country, String commodity, String fromStatus, String toStatus) {
}
