package org.iofs.fse.trade.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.iofs.fse.shared.PageOf;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The board's answers, kept until a change alters them: the board is read far more often than it changes, and the
 * same few questions (a commodity, a side, a common word) are asked again and again. A kept answer costs none of the
 * board's database statements.
 * <p>
 * Every change that can alter an answer says so: an offer taken, published, withdrawn ({@link #offerChanged}), which
 * alters the answers that show it and, when it comes onto the board or leaves it, those whose filters it passes (a
 * search's words are not checked here: every search answer counts as passed); anything else (a company applying or
 * decided on, offers expired) alters every answer ({@link #changed()}). The answers a change alters are forgotten
 * when its transaction ends, committed or not. An answer read while a change was being made is not kept if that
 * change alters it: each answer notes the count of changes ended before its statements ran, and the changes ended
 * since are checked before it is kept. The date is part of each question, so an offer is off the board on the day
 * after its last valid day. A change made outside the platform (by hand in the database, or by a second platform on
 * the same database) shows once the answers it alters are no longer kept, after {@link Settings#keepFor()} at most.
 */
@Component
@EnableConfigurationProperties(BoardAnswers.Settings.class)
class BoardAnswers {

	/** How many ended changes are remembered for the answers being read meanwhile; a longer read is not kept. */
	private static final int RECENT_CHANGES = 256;

	private final Cache<Question, PageOf<Offers.Offer>> kept;

	private final boolean keeping;

	private final Board board;

	private final Clock clock;

	/** The changes ended so far, and the latest of them, under this object's lock. */
	private long ended;

	private final Deque<Change> recent = new ArrayDeque<>();

	BoardAnswers(Settings settings, Board board, Clock clock) {
		this.board = board;
		this.clock = clock;
		this.keeping = settings.answers() > 0;
		// Forgetting runs on the thread that asks or changes (a few microseconds), not on a pool of its own.
		this.kept = Caffeine.newBuilder()
			.maximumSize(settings.answers())
			.expireAfterWrite(settings.keepFor())
			.executor(Runnable::run)
			.build();
	}

	/** The answer kept for this question, or the board's, then kept unless a change ended meanwhile alters it. */
	PageOf<Offers.Offer> page(Offers.BoardFilter filter, int page, int size) {
		if (!keeping) {
			return board.page(filter, page, size);
		}
		Question question = new Question(LocalDate.now(clock), filter, page, size);
		PageOf<Offers.Offer> answer = kept.getIfPresent(question);
		if (answer != null) {
			return answer;
		}
		long before;
		synchronized (this) {
			before = ended;
		}
		// Read outside any lock: a board read takes milliseconds.
		answer = board.page(filter, page, size);
		synchronized (this) {
			if (unalteredSince(before, question, answer)) {
				kept.put(question, answer);
			}
		}
		return answer;
	}

	/** Says that anything on the board may have changed: every answer is forgotten when the transaction ends. */
	void changed() {
		whenEnded(new Change(null, false));
	}

	/**
	 * Says that an offer changed (tonnes taken, or its status): the answers showing it are forgotten when the
	 * transaction ends, and, if it came onto the board or left it, those whose filters it passes.
	 */
	void offerChanged(Offers.Offer offer, boolean cameOrLeft) {
		whenEnded(new Change(offer, cameOrLeft));
	}

	/** How many answers are kept now (for tests and the benchmark). */
	long size() {
		kept.cleanUp();
		return kept.estimatedSize();
	}

	private void whenEnded(Change change) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					ended(change);
				}
			});
		}
		else {
			ended(change);
		}
	}

	private synchronized void ended(Change change) {
		ended++;
		recent.addLast(change);
		if (recent.size() > RECENT_CHANGES) {
			recent.removeFirst();
		}
		if (change.offer() == null) {
			kept.invalidateAll();
		}
		else {
			kept.asMap().entrySet().removeIf(entry -> change.alters(entry.getKey(), entry.getValue()));
		}
	}

	/** Whether none of the changes ended after the first {@code before} alters the answer (under the lock). */
	private boolean unalteredSince(long before, Question question, PageOf<Offers.Offer> answer) {
		long since = ended - before;
		if (since > recent.size()) {
			return false;
		}
		var latest = recent.descendingIterator();
		for (long i = 0; i < since; i++) {
			if (latest.next().alters(question, answer)) {
				return false;
			}
		}
		return true;
	}

	private record Question(LocalDate today, Offers.BoardFilter filter, int page, int size) {
	}

	/** A change: to one offer (which came onto the board or left it, or not), or to anything (no offer). */
	private record Change(Offers.Offer offer, boolean cameOrLeft) {

		boolean alters(Question question, PageOf<Offers.Offer> answer) {
			if (offer == null) {
				return true;
			}
			for (Offers.Offer shown : answer.items()) {
				if (shown.id() == offer.id()) {
					return true;
				}
			}
			return cameOrLeft && passes(question.filter());
		}

		/** Whether the offer passes the filter; a search's words and a company's country are taken as passed. */
		private boolean passes(Offers.BoardFilter filter) {
			return same(filter.side(), offer.side()) && same(filter.commodity(), offer.commodity())
					&& same(filter.origin(), offer.origin()) && same(filter.incoterm(), offer.incoterm());
		}

		private static boolean same(String asked, String value) {
			return asked == null || asked.isBlank()
					|| asked.strip().toLowerCase(Locale.ROOT).equals(value == null ? null : value.toLowerCase(Locale.ROOT));
		}

	}

	/**
	 * @param answers how many answers are kept at most, those least asked for forgotten first (default 500; a page
	 *        of fifty offers takes some tens of kilobytes)
	 * @param keepFor how long an answer is kept at most, which bounds how long a change made outside the platform
	 *        takes to show (default 60 s)
	 */
	@ConfigurationProperties("fse.trade.board")
	record Settings(Integer answers, Duration keepFor) {

		Settings {
			answers = answers == null ? 500 : Math.max(answers, 0);
			keepFor = keepFor == null ? Duration.ofSeconds(60) : keepFor;
		}

	}

}
