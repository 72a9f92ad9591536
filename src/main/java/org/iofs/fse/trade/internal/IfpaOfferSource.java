package org.iofs.fse.trade.internal;

import java.time.LocalDate;
import java.util.List;

import org.iofs.fse.allocation.OfferSource;

import org.springframework.stereotype.Component;

/** The board as supply for the allocation: the offers matching finds for a destination, with their landed cost. */
@Component
class IfpaOfferSource implements OfferSource {

	private final Matching matching;

	IfpaOfferSource(Matching matching) {
		this.matching = matching;
	}

	@Override
	public List<SuppliableOffer> suppliableTo(String commodity, String destination, LocalDate from, LocalDate until) {
		return matching.suppliable(commodity, destination, from, until);
	}

}
