package org.iofs.fse.response;

/** The platform drafted a response proposal after a price alert: the Secretariat's analysts are told. */
public record ProposalDrafted(long proposal, String country, String commodity, String band) {
}
