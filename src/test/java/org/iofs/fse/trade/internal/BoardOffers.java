package org.iofs.fse.trade.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.iofs.fse.shared.PageOf;

/** Offers and board pages for the kept answers' tests: a higher key is published later (newer on the board). */
final class BoardOffers {

	static final LocalDate TODAY = LocalDate.parse("2026-12-05");

	private BoardOffers() {
	}

	/** An open offer, 10 t open, its specification "durum", valid until 2027. */
	static Offers.Offer offer(long id, String side, String commodity, String incoterm) {
		return new Offers.Offer(id, side, UUID.nameUUIDFromBytes(new byte[] { (byte) id }), commodity, "1001",
				"GRADE_1", "durum", BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ONE, BigDecimal.TEN, "USD", incoterm,
				"Port", "MYS", null, null, LocalDate.parse("2027-01-31"), "PUBLISHED",
				Instant.parse("2026-12-01T00:00:00Z").plusSeconds(id), null, false);
	}

	/** The same offer as a draft, before it is published (not on the board). */
	static Offers.Offer draft(Offers.Offer offer) {
		return offer.withOpen(offer.openTonnes(), "DRAFT");
	}

	static PageOf<Offers.Offer> page(int page, int size, long total, Offers.Offer... items) {
		return new PageOf<>(List.of(items), page, size, total);
	}

	static Offers.BoardFilter search(String words) {
		return new Offers.BoardFilter(null, null, null, null, null, words);
	}

}
