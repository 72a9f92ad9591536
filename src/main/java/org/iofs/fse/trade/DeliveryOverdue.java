package org.iofs.fse.trade;

import java.time.LocalDate;
import java.util.UUID;

import org.iofs.fse.shared.LocalizedText;

/** A deal's delivery window closed before it was delivered; published once per deal. */
public record DeliveryOverdue(long deal, UUID buyer, UUID seller, LocalizedText commodity, LocalDate deliveryUntil) {
}
