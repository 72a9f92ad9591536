package org.iofs.fse.trade.internal;

import java.time.Clock;
import java.time.Duration;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

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
 * Every change that can alter an answer says so, and what it does to each kept answer is worked out when its
 * transaction ends ({@link BoardChange}). Tonnes taken from an offer ({@link #offerTaken}) write its row anew in the
 * answers that show it. An offer published ({@link #offerMoved}) is put in its place on the first pages whose
 * filters it passes (and whose search finds it: the searches kept when the change is made are checked against the
 * offer in one statement, in its transaction; a search asked later counts as finding it); later pages are
 * forgotten. An offer that leaves the board forgets the answers showing it and those whose filters it passes.
 * Anything else (a company applying or decided on, offers expired) forgets every answer ({@link #changed()}). So
 * the board's readers are not sent to the database by the trading they watch, and whoever made a change sees it on
 * the next read, as everyone whose read starts after the change's answer.
 * <p>
 * A change rolled back, or ending after a later change to the same offer, forgets what it alters rather than write
 * it. An answer read while a change was being made is not kept if that change alters it: each answer notes the
 * count of changes ended before its statements ran, and the changes ended since are checked before it is kept. The
 * date is part of each question, so an offer is off the board on the day after its last valid day. A change made
 * outside the platform (by hand in the database, or by a second platform on the same database) shows once the
 * answers it alters are no longer kept, {@link Settings#keepFor()} at most after they were read.
 */
@Component
@EnableConfigurationProperties(BoardAnswers.Settings.class)
class BoardAnswers {

	/** How many ended changes are remembered for the answers being read meanwhile; a longer read is not kept. */
	private static final int RECENT_CHANGES = 256;

	/** How many offers' latest stamps are held; a change to an offer no longer held is taken as not the latest. */
	private static final int OFFER_STAMPS = 4_096;

	private final Cache<Question, PageOf<Offers.Offer>> kept;

	private final boolean keeping;

	private final Board board;

	private final Clock clock;

	/** The changes ended so far, and the latest of them, under this object's lock. */
	private long ended;

	private final Deque<BoardChange> recent = new ArrayDeque<>();

	/** The stamps given so far, the latest of each offer's recent changes, and the highest no longer held there. */
	private long stamps;

	private final Map<Long, Long> offerStamps = new LinkedHashMap<>() {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
			if (size() <= OFFER_STAMPS) {
				return false;
			}
			forgottenStamps = Math.max(forgottenStamps, eldest.getValue());
			return true;
		}
	};

	private long forgottenStamps;

	BoardAnswers(Settings settings, Board board, Clock clock) {
		this.board = board;
		this.clock = clock;
		this.keeping = settings.answers() > 0;
		// Forgetting runs on the thread that asks or changes (a few microseconds), not on a pool of its own.
		this.kept = Caffeine.newBuilder()
			.maximumSize(settings.answers())
			.expireAfter(Expiry.creating((Question question, PageOf<Offers.Offer> answer) -> settings.keepFor()))
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
		whenEnded(BoardChange.anything(), false);
	}

	/**
	 * Says that tonnes were taken from an offer, which is now as the take left it (its open tonnes and status): the
	 * answers showing it are written anew when the transaction ends, or forgotten if it left the board, with those
	 * whose filters it passes.
	 */
	void offerTaken(Offers.Offer before, BigDecimal openTonnes, String status) {
		if (!keeping) {
			return;
		}
		offerChanged(before, Offers.OPEN.contains(status) ? before.withOpen(openTonnes, status) : null);
	}

	/**
	 * Says that an offer moved to another status: if it came onto the board (read as it is now, in the transaction),
	 * the first pages whose filters it passes are written anew with it when the transaction ends; if it left, the
	 * answers showing it and those whose filters it passes are forgotten.
	 */
	void offerMoved(Offers.Offer before, String to) {
		if (!keeping) {
			return;
		}
		offerChanged(before, Offers.OPEN.contains(to) ? board.onBoard(before.id()).orElse(null) : null);
	}

	private void offerChanged(Offers.Offer before, Offers.Offer after) {
		BoardChange change = new BoardChange(before, after, Set.of(), Set.of(), true);
		if (change.cameOrLeft()) {
			Set<String> checked = keptSearches();
			change = new BoardChange(before, after, checked,
					checked.isEmpty() ? Set.of() : board.searchesFinding(before, checked), true);
		}
		whenEnded(change, true);
	}

	/** The searches of the answers kept now, as the board reads them. */
	private Set<String> keptSearches() {
		Set<String> searches = new HashSet<>();
		for (Question question : kept.asMap().keySet()) {
			String words = Board.searchWords(question.filter());
			if (words != null) {
				searches.add(words);
			}
		}
		return searches;
	}

	/** How many answers are kept now (for tests and the benchmark). */
	long size() {
		kept.cleanUp();
		return kept.estimatedSize();
	}

	/**
	 * Applies the change when its transaction ends: exactly if it committed and was stamped, else forgetting. The
	 * stamp is taken just before the commit, while the transaction still holds its offer's row lock, so two changes
	 * to one offer are stamped in the order they commit, whatever the order their ends are told in.
	 */
	private void whenEnded(BoardChange change, boolean stamped) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				private long stamp;

				@Override
				public void beforeCommit(boolean readOnly) {
					stamp = stamped ? stamp() : 0;
				}

				@Override
				public void afterCompletion(int status) {
					ended(status == STATUS_COMMITTED ? change : change.forgetting(), stamp);
				}

			});
		}
		else {
			ended(change, stamped ? stamp() : 0);
		}
	}

	private synchronized long stamp() {
		return ++stamps;
	}

	private synchronized void ended(BoardChange told, long stamp) {
		BoardChange change = latestOfItsOffer(told, stamp) ? told : told.forgetting();
		ended++;
		recent.addLast(change);
		if (recent.size() > RECENT_CHANGES) {
			recent.removeFirst();
		}
		if (change.before() == null) {
			kept.invalidateAll();
			return;
		}
		List<Question> forgotten = new ArrayList<>();
		Map<Question, PageOf<Offers.Offer>> written = new HashMap<>();
		kept.asMap().forEach((question, answer) -> {
			PageOf<Offers.Offer> now = change.apply(question.today(), question.filter(), question.page(), answer);
			if (now == null) {
				forgotten.add(question);
			}
			else if (now != answer) {
				written.put(question, now);
			}
		});
		kept.invalidateAll(forgotten);
		// Written anew, an answer keeps the time it was read: its keep-for still counts from then.
		written.forEach((question, answer) -> kept.asMap().replace(question, answer));
	}

	/**
	 * Whether the change is the latest of its offer's to end (under the lock): an earlier one ending after a later
	 * one must not write the earlier state over it.
	 */
	private boolean latestOfItsOffer(BoardChange change, long stamp) {
		if (change.before() == null || stamp == 0) {
			return false;
		}
		Long latest = offerStamps.get(change.before().id());
		boolean latestSoFar = stamp > (latest == null ? forgottenStamps : latest);
		offerStamps.merge(change.before().id(), stamp, Math::max);
		return latestSoFar;
	}

	/** Whether none of the changes ended after the first {@code before} alters the answer (under the lock). */
	private boolean unalteredSince(long before, Question question, PageOf<Offers.Offer> answer) {
		long since = ended - before;
		if (since > recent.size()) {
			return false;
		}
		var latest = recent.descendingIterator();
		for (long i = 0; i < since; i++) {
			if (latest.next().apply(question.today(), question.filter(), question.page(), answer) != answer) {
				return false;
			}
		}
		return true;
	}

	private record Question(LocalDate today, Offers.BoardFilter filter, int page, int size) {
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
