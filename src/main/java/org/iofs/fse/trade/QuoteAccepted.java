package org.iofs.fse.trade;

import java.util.List;
import java.util.UUID;

import org.iofs.fse.shared.LocalizedText;

/**
 * A buyer accepted one quote of a request for quotation, which made a deal; the other sellers who quoted were not
 * chosen (and are told only that).
 */
public record QuoteAccepted(long rfq, long quote, long deal, UUID buyer, UUID seller, List<UUID> notChosen,
		LocalizedText buyerName, LocalizedText commodity) {

	public QuoteAccepted {
		notChosen = List.copyOf(notChosen);
	}

}
