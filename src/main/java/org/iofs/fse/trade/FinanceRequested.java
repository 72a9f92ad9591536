package org.iofs.fse.trade;

import java.math.BigDecimal;
import java.util.UUID;

import org.iofs.fse.shared.LocalizedText;

/** A buyer asked a financial institution to finance a deal; its staff (and nobody else) are to be told. */
public record FinanceRequested(long request, long deal, UUID buyer, UUID financier, LocalizedText buyerName,
		String mode, BigDecimal price, String currency) {
}
