package org.iofs.fse.trade;

import java.math.BigDecimal;
import java.util.UUID;

import org.iofs.fse.shared.LocalizedText;

/**
 * A seller quoted on a request for quotation (revision 0), or revised its quote (revision 1). Only the buyer is
 * to be told: competitors never learn of it.
 */
public record QuoteSubmitted(long rfq, long quote, int revision, UUID buyer, UUID seller, LocalizedText sellerName,
		LocalizedText commodity, BigDecimal tonnes, BigDecimal pricePerTonne, String currency) {
}
