package org.iofs.fse.allocation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Where the allocation finds goods that could be bought rather than released: IFPA's trade board implements it
 * (the board depends on the allocation's freight figures, so the allocation asks through this interface rather than
 * depending on the board). Only offers that a buyer in the destination could take count: published, from a
 * verified seller, priced in US dollars, with a Halal certificate valid on the shipment and arrival dates and
 * recognised at the destination.
 */
public interface OfferSource {

	/**
	 * An offer that could serve a destination: its open tonnes, its price and the freight to the destination (nothing
	 * when the Incoterm includes it), so the landed cost per tonne in US dollars; the transit days, and the window in
	 * which the seller delivers.
	 */
	record SuppliableOffer(long offer, UUID seller, String origin, String incoterm, String place, String hsCode,
			BigDecimal openTonnes, BigDecimal pricePerTonne, BigDecimal landedPerTonne, int transitDays,
			LocalDate deliveryFrom, LocalDate deliveryUntil) {
	}

	/** The offers of a commodity that could reach the destination member within the window, cheapest landed first. */
	List<SuppliableOffer> suppliableTo(String commodity, String destination, LocalDate from, LocalDate until);

}
