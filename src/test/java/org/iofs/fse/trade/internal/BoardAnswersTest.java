package org.iofs.fse.trade.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.PageOf;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iofs.fse.trade.internal.BoardOffers.draft;
import static org.iofs.fse.trade.internal.BoardOffers.offer;
import static org.iofs.fse.trade.internal.BoardOffers.search;

/**
 * A question asked again is answered from what was kept, until a change that alters it ends or the day turns: a take
 * writes its offer's row anew, a publish puts the offer on the first pages it passes (a search kept then only if it
 * finds the offer), anything else forgets every answer; a change rolled back, or ending after a later one to the same
 * offer, forgets instead of writing. An answer read while a change ended is not kept if the change alters it.
 */
class BoardAnswersTest {

	private static final Offers.BoardFilter WHEAT = new Offers.BoardFilter("SELL", "wheat", null, null);

	private static final Offers.BoardFilter RICE = new Offers.BoardFilter("SELL", "rice", null, null);

	private final MovableClock clock = new MovableClock();

	private final CountingBoard board = new CountingBoard();

	private final BoardAnswers answers = new BoardAnswers(new BoardAnswers.Settings(null, null), board, clock);

	@AfterEach
	void noTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void aQuestionAskedAgainIsAnsweredFromWhatWasKept() {
		PageOf<Offers.Offer> first = answers.page(WHEAT, 0, 50);
		assertThat(answers.page(WHEAT, 0, 50)).isSameAs(first);
		assertThat(board.reads.get()).isEqualTo(1);
		answers.page(WHEAT, 1, 50);
		answers.page(new Offers.BoardFilter("BUY", "wheat", null, null), 0, 50);
		assertThat(board.reads.get()).as("another page, another filter").isEqualTo(3);
	}

	@Test
	void aChangeIsReadWhenItsTransactionEnds() {
		answers.page(WHEAT, 0, 50);
		TransactionSynchronizationManager.initSynchronization();
		answers.changed();
		answers.page(WHEAT, 0, 50);
		assertThat(board.reads.get()).as("not committed yet").isEqualTo(1);
		List<TransactionSynchronization> ending = TransactionSynchronizationManager.getSynchronizations();
		TransactionSynchronizationManager.clearSynchronization();
		ending.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
		answers.page(WHEAT, 0, 50);
		assertThat(board.reads.get()).isEqualTo(2);
		assertThat(answers.size()).isEqualTo(1);
	}

	@Test
	void aTakeWritesItsOffersRowAnewWithoutReadingTheBoard() {
		board.shows(WHEAT, offer(7, "SELL", "wheat", "FOB"));
		answers.page(WHEAT, 0, 50);
		answers.page(RICE, 0, 50);
		answers.offerTaken(offer(7, "SELL", "wheat", "FOB"), new BigDecimal("4"), "PARTLY_TAKEN");
		assertThat(answers.page(WHEAT, 0, 50).items().get(0).openTonnes()).isEqualByComparingTo("4");
		answers.page(RICE, 0, 50);
		assertThat(board.reads.get()).as("neither read again").isEqualTo(2);
		answers.offerTaken(offer(7, "SELL", "wheat", "FOB"), BigDecimal.ZERO, "TAKEN");
		assertThat(answers.page(WHEAT, 0, 50).items()).as("taken in full: read again").hasSize(1);
		answers.page(RICE, 0, 50);
		assertThat(board.reads.get()).isEqualTo(3);
	}

	@Test
	void aPublishedOfferIsPutOnTheFirstPagesItPassesAndTheSearchesThatFindIt() {
		Offers.BoardFilter wheatFob = new Offers.BoardFilter("sell", "Wheat", null, "fob");
		Offers.BoardFilter wheatCif = new Offers.BoardFilter("SELL", "wheat", null, "CIF");
		Offers.BoardFilter durum = search(" durum ");
		Offers.BoardFilter golden = search("golden");
		Offers.BoardFilter durumBuying = new Offers.BoardFilter("BUY", null, null, null, null, "durum");
		board.shows(wheatFob, offer(3, "SELL", "wheat", "FOB"));
		List<Offers.BoardFilter> asked = List.of(wheatFob, wheatCif, RICE, durum, golden, durumBuying);
		asked.forEach(filter -> answers.page(filter, 0, 50));
		answers.page(wheatFob, 1, 50);
		Offers.Offer published = offer(9, "SELL", "wheat", "FOB");
		board.onBoard.put(9L, published);
		answers.offerMoved(draft(published), "PUBLISHED");
		assertThat(answers.page(wheatFob, 0, 50).items()).extracting(Offers.Offer::id).containsExactly(9L, 3L);
		assertThat(answers.page(durum, 0, 50).items()).extracting(Offers.Offer::id).containsExactly(9L);
		asked.forEach(filter -> answers.page(filter, 0, 50));
		assertThat(board.reads.get()).as("no first page read again").isEqualTo(7);
		answers.page(wheatFob, 1, 50);
		assertThat(board.reads.get()).as("the second page read again").isEqualTo(8);
		assertThat(board.searched).as("the kept searches checked in one call")
			.containsExactly(Set.of("durum", "golden"));
	}

	@Test
	void aChangeEndingAfterALaterOneToTheSameOfferIsNotWrittenOverIt() {
		board.shows(WHEAT, offer(7, "SELL", "wheat", "FOB"));
		answers.page(WHEAT, 0, 50);
		List<TransactionSynchronization> first = takeInTransaction("6");
		List<TransactionSynchronization> second = takeInTransaction("4");
		first.forEach(s -> s.beforeCommit(false));
		second.forEach(s -> s.beforeCommit(false));
		second.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
		assertThat(answers.page(WHEAT, 0, 50).items().get(0).openTonnes()).isEqualByComparingTo("4");
		first.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
		assertThat(board.reads.get()).isEqualTo(1);
		answers.page(WHEAT, 0, 50);
		assertThat(board.reads.get()).as("the earlier take forgot the answer").isEqualTo(2);
	}

	@Test
	void aChangeRolledBackForgetsWhatItWouldHaveWritten() {
		board.shows(WHEAT, offer(7, "SELL", "wheat", "FOB"));
		answers.page(WHEAT, 0, 50);
		List<TransactionSynchronization> take = takeInTransaction("4");
		take.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
		assertThat(answers.page(WHEAT, 0, 50).items().get(0).openTonnes()).isEqualByComparingTo("10");
		assertThat(board.reads.get()).isEqualTo(2);
	}

	@Test
	void aSearchNotKeptWhenTheChangeWasMadeCountsAsFindingTheOffer() {
		Offers.Offer published = offer(9, "SELL", "wheat", "FOB");
		board.onBoard.put(9L, published);
		List<TransactionSynchronization> publish = inTransaction(() -> {
			answers.offerMoved(draft(published), "PUBLISHED");
			answers.page(search("golden"), 0, 50);
		});
		publish.forEach(s -> s.beforeCommit(false));
		publish.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
		answers.page(search("golden"), 0, 50);
		assertThat(board.reads.get()).as("read before the change ended: not kept").isEqualTo(2);
		assertThat(board.searched).isEmpty();
	}

	@Test
	void anAnswerReadWhileAChangeEndedIsKeptOnlyIfTheChangeDoesNotAlterIt() {
		Offers.BoardFilter sellers = new Offers.BoardFilter("SELL", null, null, null);
		Offers.Offer rice = offer(9, "BUY", "rice", "CIF");
		Offers.Offer maize = offer(10, "SELL", "maize", "CIF");
		board.onBoard.put(9L, rice);
		board.onBoard.put(10L, maize);
		board.duringRead = () -> answers.offerMoved(draft(rice), "PUBLISHED");
		answers.page(WHEAT, 0, 50);
		board.duringRead = () -> answers.offerMoved(draft(maize), "PUBLISHED");
		answers.page(sellers, 0, 50);
		board.duringRead = null;
		answers.page(WHEAT, 0, 50);
		answers.page(sellers, 0, 50);
		answers.page(sellers, 0, 50);
		assertThat(board.reads.get()).as("wheat kept; all sellers read again once, then kept").isEqualTo(3);
		board.duringRead = answers::changed;
		answers.page(RICE, 0, 50);
		board.duringRead = null;
		answers.page(RICE, 0, 50);
		assertThat(board.reads.get()).isEqualTo(5);
	}

	@Test
	void theNextDayTheBoardIsReadAgain() {
		answers.page(WHEAT, 0, 50);
		clock.now = clock.now.plus(Duration.ofDays(1));
		answers.page(WHEAT, 0, 50);
		assertThat(board.reads.get()).isEqualTo(2);
	}

	@Test
	void aRefusedQuestionIsNotKept() {
		Offers.BoardFilter tooLong = new Offers.BoardFilter(null, null, null, null, null, "x".repeat(201));
		assertThatThrownBy(() -> answers.page(tooLong, 0, 50)).isInstanceOf(InvalidInputException.class);
		assertThat(answers.size()).isZero();
	}

	@Test
	void noAnswerIsKeptWhenNoneMayBe() {
		BoardAnswers none = new BoardAnswers(new BoardAnswers.Settings(0, null), board, clock);
		none.page(WHEAT, 0, 50);
		none.page(WHEAT, 0, 50);
		assertThat(board.reads.get()).isEqualTo(2);
	}

	/** A take from offer 7 (wheat, 10 t open) leaving it this many tonnes, in a transaction the test ends. */
	private List<TransactionSynchronization> takeInTransaction(String openTonnes) {
		return inTransaction(() -> answers.offerTaken(offer(7, "SELL", "wheat", "FOB"), new BigDecimal(openTonnes),
				"PARTLY_TAKEN"));
	}

	/** What the action registered to be done when its transaction ends (the test ends it). */
	private static List<TransactionSynchronization> inTransaction(Runnable action) {
		TransactionSynchronizationManager.initSynchronization();
		action.run();
		List<TransactionSynchronization> ending = TransactionSynchronizationManager.getSynchronizations();
		TransactionSynchronizationManager.clearSynchronization();
		return ending;
	}

	/**
	 * A board that counts its reads, refuses a long search as the real one does, can act during a read, and finds
	 * an offer by the words of its specification.
	 */
	private static final class CountingBoard extends Board {

		final AtomicInteger reads = new AtomicInteger();

		final Map<Offers.BoardFilter, List<Offers.Offer>> shown = new HashMap<>();

		Runnable duringRead;

		final List<Set<String>> searched = new ArrayList<>();

		final Map<Long, Offers.Offer> onBoard = new HashMap<>();

		void shows(Offers.BoardFilter filter, Offers.Offer... offers) {
			shown.put(filter, List.of(offers));
		}

		CountingBoard() {
			super(null, null, Clock.systemUTC());
		}

		@Override
		public PageOf<Offers.Offer> page(Offers.BoardFilter filter, int page, int size) {
			if (filter.query() != null && filter.query().length() > 200) {
				throw new InvalidInputException("q", "is longer than 200 characters");
			}
			reads.incrementAndGet();
			if (duringRead != null) {
				duringRead.run();
			}
			List<Offers.Offer> items = shown.getOrDefault(filter, List.of());
			return new PageOf<>(items, page, size, items.size());
		}

		@Override
		Optional<Offers.Offer> onBoard(long id) {
			return Optional.ofNullable(onBoard.get(id));
		}

		@Override
		Set<String> searchesFinding(Offers.Offer offer, Collection<String> searches) {
			searched.add(Set.copyOf(searches));
			return searches.stream().filter(offer.specification()::contains).collect(Collectors.toSet());
		}

	}

	private static final class MovableClock extends Clock {

		Instant now = Instant.parse("2026-12-05T10:00:00Z");

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
