package org.iofs.fse.trade;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A buyer took tonnes from an offer on the board: what was taken, at what price, and what is left open (the offer's
 * status is TAKEN when nothing is).
 */
public record OfferTaken(long offer, long take, UUID seller, UUID buyer, String commodity, BigDecimal tonnes,
		BigDecimal pricePerTonne, String currency, BigDecimal openTonnes, String offerStatus) {
}
