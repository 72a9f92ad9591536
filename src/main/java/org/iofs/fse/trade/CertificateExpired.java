package org.iofs.fse.trade;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A company's Halal certificate passed its expiry date and is now EXPIRED: it no longer counts for a trade.
 * Published once, by the nightly job that changes its status.
 */
public record CertificateExpired(long certificate, UUID company, String number, LocalDate expiredOn) {
}
