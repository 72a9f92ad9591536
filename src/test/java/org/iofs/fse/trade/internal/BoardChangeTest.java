package org.iofs.fse.trade.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.iofs.fse.shared.PageOf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iofs.fse.trade.internal.BoardOffers.TODAY;
import static org.iofs.fse.trade.internal.BoardOffers.draft;
import static org.iofs.fse.trade.internal.BoardOffers.offer;
import static org.iofs.fse.trade.internal.BoardOffers.page;
import static org.iofs.fse.trade.internal.BoardOffers.search;

/**
 * What one change does to a kept answer: a take writes the offer's row anew where it is shown; a publish puts the
 * new offer in its place on a first page its filters pass, newest first; a later page, a company's country, an
 * offer leaving or a change that is not exact forget the answer; anything else leaves it as it is.
 */
class BoardChangeTest {

	private static final Offers.BoardFilter WHEAT = new Offers.BoardFilter("SELL", "wheat", null, null);

	private final Offers.Offer older = offer(3, "SELL", "wheat", "FOB");

	private final Offers.Offer newer = offer(7, "SELL", "wheat", "CIF");

	private final PageOf<Offers.Offer> wheat = page(0, 50, 2, newer, older);

	@Test
	void aTakeWritesTheOffersRowAnewWhereItIsShown() {
		BoardChange take = taken(older, 4, "PARTLY_TAKEN");
		PageOf<Offers.Offer> now = take.apply(TODAY, WHEAT, 0, wheat);
		assertThat(now.items()).extracting(Offers.Offer::id).containsExactly(7L, 3L);
		assertThat(now.items().get(1).openTonnes()).isEqualByComparingTo("4");
		assertThat(now.items().get(1).status()).isEqualTo("PARTLY_TAKEN");
		assertThat(now.totalItems()).isEqualTo(2);
		PageOf<Offers.Offer> rice = page(0, 50, 0);
		assertThat(take.apply(TODAY, new Offers.BoardFilter("SELL", "rice", null, null), 0, rice)).isSameAs(rice);
		assertThat(take.forgetting().apply(TODAY, WHEAT, 0, wheat)).as("not exact").isNull();
	}

	@Test
	void anOfferTakenInFullForgetsTheAnswersShowingItAndThoseItsFiltersPass() {
		BoardChange left = new BoardChange(older, null, Set.of(), Set.of(), true);
		assertThat(left.apply(TODAY, WHEAT, 0, wheat)).isNull();
		PageOf<Offers.Offer> secondPage = page(1, 50, 60);
		assertThat(left.apply(TODAY, WHEAT, 1, secondPage)).as("the pages shift").isNull();
		PageOf<Offers.Offer> buying = page(0, 50, 0);
		assertThat(left.apply(TODAY, new Offers.BoardFilter("BUY", "wheat", null, null), 0, buying)).isSameAs(buying);
	}

	@Test
	void aPublishedOfferIsPutInItsPlaceNewestFirst() {
		Offers.Offer between = offer(5, "SELL", "wheat", "FOB");
		PageOf<Offers.Offer> now = published(between).apply(TODAY, WHEAT, 0, wheat);
		assertThat(now.items()).extracting(Offers.Offer::id).containsExactly(7L, 5L, 3L);
		assertThat(now.totalItems()).isEqualTo(3);
		Offers.Offer newest = offer(9, "SELL", "wheat", "FOB");
		assertThat(published(newest).apply(TODAY, WHEAT, 0, wheat).items()).extracting(Offers.Offer::id)
			.containsExactly(9L, 7L, 3L);
	}

	@Test
	void onAFullFirstPageTheOldestRowMakesWayAndTheCountStopsAtItsCap() {
		PageOf<Offers.Offer> full = page(0, 2, Board.COUNT_CAP + 1, newer, older);
		PageOf<Offers.Offer> now = published(offer(5, "SELL", "wheat", "FOB")).apply(TODAY, WHEAT, 0, full);
		assertThat(now.items()).extracting(Offers.Offer::id).containsExactly(7L, 5L);
		assertThat(now.totalItems()).isEqualTo(Board.COUNT_CAP + 1);
		PageOf<Offers.Offer> two = page(0, 2, 2, newer, older);
		PageOf<Offers.Offer> olderThanThePage = published(offer(1, "SELL", "wheat", "FOB")).apply(TODAY, WHEAT, 0,
				two);
		assertThat(olderThanThePage.items()).containsExactly(newer, older);
		assertThat(olderThanThePage.totalItems()).isEqualTo(3);
	}

	@Test
	void aPublishedOfferForgetsWhatItCannotWrite() {
		BoardChange publish = published(offer(9, "SELL", "wheat", "FOB"));
		assertThat(publish.apply(TODAY, WHEAT, 1, page(1, 50, 60))).as("a later page").isNull();
		assertThat(publish.apply(TODAY, new Offers.BoardFilter("SELL", "wheat", null, null, "MYS", null), 0, wheat))
			.as("a company's country").isNull();
		assertThat(publish.forgetting().apply(TODAY, WHEAT, 0, wheat)).as("not exact").isNull();
		assertThat(publish.apply(TODAY, search("golden"), 0, wheat)).as("a search not checked").isNull();
	}

	@Test
	void aPublishedOfferLeavesAloneTheAnswersItDoesNotPass() {
		Offers.Offer rice = offer(9, "SELL", "rice", "FOB");
		BoardChange publish = new BoardChange(draft(rice), rice, Set.of("durum", "golden"), Set.of("durum"), true);
		assertThat(publish.apply(TODAY, WHEAT, 0, wheat)).isSameAs(wheat);
		assertThat(publish.apply(TODAY, search("golden"), 0, wheat)).as("a search that does not find it")
			.isSameAs(wheat);
		assertThat(publish.apply(TODAY, search(" durum "), 0, wheat).items()).extracting(Offers.Offer::id)
			.containsExactly(9L, 7L, 3L);
		assertThat(publish.apply(LocalDate.parse("2027-02-01"), new Offers.BoardFilter("SELL", "rice", null, null), 0,
				wheat)).as("after its last valid day").isSameAs(wheat);
	}

	@Test
	void anythingForgetsEveryAnswer() {
		assertThat(BoardChange.anything().apply(TODAY, WHEAT, 0, wheat)).isNull();
	}

	private static BoardChange taken(Offers.Offer before, int open, String status) {
		return new BoardChange(before, before.withOpen(BigDecimal.valueOf(open), status), Set.of(), Set.of(), true);
	}

	private static BoardChange published(Offers.Offer offer) {
		return new BoardChange(draft(offer), offer, Set.of(), Set.of(), true);
	}

}
