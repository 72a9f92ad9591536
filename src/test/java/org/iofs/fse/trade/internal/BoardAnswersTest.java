package org.iofs.fse.trade.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.PageOf;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A question asked again is answered from what was kept, until a change that alters it ends or the day turns: a take
 * alters the answers showing its offer, an offer coming or leaving those whose filters it passes and every search,
 * anything else every answer. An answer read while a change ended is not kept if the change alters it.
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
	void aTakeForgetsOnlyTheAnswersThatShowItsOffer() {
		board.shows(WHEAT, offer(7, "SELL", "wheat", "FOB"));
		answers.page(WHEAT, 0, 50);
		answers.page(RICE, 0, 50);
		answers.offerChanged(offer(7, "SELL", "wheat", "FOB"), false);
		answers.page(WHEAT, 0, 50);
		answers.page(RICE, 0, 50);
		assertThat(board.reads.get()).as("wheat read again, rice kept").isEqualTo(3);
		answers.offerChanged(offer(8, "SELL", "wheat", "FOB"), false);
		answers.page(WHEAT, 0, 50);
		assertThat(board.reads.get()).as("a take from an offer not shown").isEqualTo(3);
	}

	@Test
	void anOfferComingOrLeavingForgetsTheAnswersWhoseFiltersItPassesAndEverySearch() {
		Offers.BoardFilter wheatFob = new Offers.BoardFilter("sell", "Wheat", null, "fob");
		Offers.BoardFilter wheatCif = new Offers.BoardFilter("SELL", "wheat", null, "CIF");
		Offers.BoardFilter words = new Offers.BoardFilter(null, null, null, null, null, "golden");
		for (Offers.BoardFilter filter : List.of(wheatFob, wheatCif, RICE, words)) {
			answers.page(filter, 0, 50);
		}
		answers.offerChanged(offer(9, "SELL", "wheat", "FOB"), true);
		for (Offers.BoardFilter filter : List.of(wheatFob, wheatCif, RICE, words)) {
			answers.page(filter, 0, 50);
		}
		assertThat(board.reads.get()).as("wheat FOB and the search read again").isEqualTo(6);
	}

	@Test
	void anAnswerReadWhileAChangeEndedIsKeptOnlyIfTheChangeDoesNotAlterIt() {
		board.duringRead = () -> answers.offerChanged(offer(9, "BUY", "rice", "CIF"), true);
		answers.page(WHEAT, 0, 50);
		board.duringRead = () -> answers.offerChanged(offer(9, "SELL", "maize", "CIF"), true);
		answers.page(new Offers.BoardFilter("SELL", null, null, null), 0, 50);
		board.duringRead = null;
		answers.page(WHEAT, 0, 50);
		answers.page(new Offers.BoardFilter("SELL", null, null, null), 0, 50);
		answers.page(new Offers.BoardFilter("SELL", null, null, null), 0, 50);
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

	private static Offers.Offer offer(long id, String side, String commodity, String incoterm) {
		return new Offers.Offer(id, side, UUID.randomUUID(), commodity, "1001", "GRADE_1", "", BigDecimal.TEN,
				BigDecimal.TEN, BigDecimal.ONE, BigDecimal.TEN, "USD", incoterm, "Port", "MYS", null, null, null,
				"PUBLISHED", null, null, false);
	}

	/** A board that counts its reads, refuses a long search as the real one does, and can act during a read. */
	private static final class CountingBoard extends Board {

		final AtomicInteger reads = new AtomicInteger();

		final Map<Offers.BoardFilter, List<Offers.Offer>> shown = new HashMap<>();

		Runnable duringRead;

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
