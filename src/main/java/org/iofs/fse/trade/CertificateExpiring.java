package org.iofs.fse.trade;

import java.time.LocalDate;
import java.util.UUID;

/** A company's Halal certificate expires soon (within the warning period); published once per certificate. */
public record CertificateExpiring(long certificate, UUID company, String number, LocalDate expiresOn) {
}
