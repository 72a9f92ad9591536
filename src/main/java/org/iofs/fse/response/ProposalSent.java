package org.iofs.fse.response;

/**
 * An analyst sent a response proposal: the member's focal points are told that a release request waits, drafted,
 * for them to review and submit.
 */
public record ProposalSent(long proposal, String country, String commodity, Long releaseRequest) {
}
