package org.iofs.fse.trade.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.iofs.fse.shared.PageOf;

/**
 * One change to the board as its kept answers see it ({@link BoardAnswers}): an offer that stayed on the board with
 * fewer tonnes open, came onto it (published), or left it (taken in full, withdrawn); or anything at all (no offer).
 * <p>
 * What it does to a kept answer: nothing; the answer written anew from the change, when the change says all that
 * the answer needs (the offer's row with its new tonnes, or a new offer put in its place on a first page, newest
 * first as the board orders it); or the answer forgotten, to be read again. An answer is written anew only from an
 * exact change: one committed, and the latest of its offer's changes to end (an earlier one ending later is not
 * exact). The board's other conditions (a company's country, a search's words not checked, a later page, an offer
 * that left) forget the answer.
 *
 * @param before the offer before the change (null: anything may have changed)
 * @param after the offer as it is on the board after the change, null if it is not on the board
 * @param checked the searches checked against the offer
 * @param finding those of them that find it
 * @param exact whether answers may be written from the change
 */
record BoardChange(Offers.Offer before, Offers.Offer after, Set<String> checked, Set<String> finding,
		boolean exact) {

	/** The board's order: newest first, then the higher key ({@code ORDER BY published_at DESC, id DESC}). */
	static final Comparator<Offers.Offer> NEWEST_FIRST = Comparator
		.comparing(Offers.Offer::publishedAt, Comparator.nullsFirst(Comparator.reverseOrder()))
		.thenComparing(Comparator.comparingLong(Offers.Offer::id).reversed());

	static BoardChange anything() {
		return new BoardChange(null, null, Set.of(), Set.of(), false);
	}

	/** The same change, forgetting every answer it alters instead of writing any. */
	BoardChange forgetting() {
		return exact ? new BoardChange(before, after, checked, finding, false) : this;
	}

	/** Whether the offer came onto the board or left it. */
	boolean cameOrLeft() {
		return before != null && Offers.OPEN.contains(before.status()) != (after != null);
	}

	/**
	 * The answer to the question after this change: the same object when the change does not alter it, a new one
	 * written from the change, or null when it must be read again.
	 */
	PageOf<Offers.Offer> apply(LocalDate today, Offers.BoardFilter filter, int page, PageOf<Offers.Offer> answer) {
		if (before == null) {
			return null;
		}
		int shown = indexOf(answer.items(), before.id());
		boolean wasOpen = Offers.OPEN.contains(before.status());
		if (wasOpen && after != null) {
			// Stayed: only its own row changes, wherever it is shown.
			return shown < 0 ? answer : exact ? replaced(answer, shown) : null;
		}
		if (shown >= 0) {
			return null;
		}
		if (!cameOrLeft() || !passes(filter)) {
			return answer;
		}
		if (after != null && after.validUntil() != null && after.validUntil().isBefore(today)) {
			return answer;
		}
		// Written only where the change says all: a first page, no company's country, a search checked if any.
		String words = Board.searchWords(filter);
		boolean writable = exact && after != null && page == 0 && blank(filter.companyCountry())
				&& (words == null || checked.contains(words));
		return writable ? inserted(answer) : null;
	}

	private PageOf<Offers.Offer> replaced(PageOf<Offers.Offer> answer, int shown) {
		List<Offers.Offer> items = new ArrayList<>(answer.items());
		items.set(shown, after);
		return new PageOf<>(items, answer.page(), answer.size(), answer.totalItems());
	}

	/** The first page with the new offer in its place (or not on it, when it is older than a full page's last). */
	private PageOf<Offers.Offer> inserted(PageOf<Offers.Offer> answer) {
		List<Offers.Offer> items = new ArrayList<>(answer.items());
		int at = 0;
		while (at < items.size() && NEWEST_FIRST.compare(items.get(at), after) < 0) {
			at++;
		}
		if (at < answer.size()) {
			items.add(at, after);
			if (items.size() > answer.size()) {
				items.remove(items.size() - 1);
			}
		}
		return new PageOf<>(items, answer.page(), answer.size(), Math.min(answer.totalItems() + 1,
				Board.COUNT_CAP + 1));
	}

	/**
	 * Whether the offer passes the filter: its side, commodity, origin and Incoterm, and a search checked that finds
	 * it; a search not checked and a company's country are taken as passed.
	 */
	private boolean passes(Offers.BoardFilter filter) {
		String words = Board.searchWords(filter);
		return same(filter.side(), before.side()) && same(filter.commodity(), before.commodity())
				&& same(filter.origin(), before.origin()) && same(filter.incoterm(), before.incoterm())
				&& (words == null || !checked.contains(words) || finding.contains(words));
	}

	private static int indexOf(List<Offers.Offer> items, long id) {
		for (int i = 0; i < items.size(); i++) {
			if (items.get(i).id() == id) {
				return i;
			}
		}
		return -1;
	}

	private static boolean same(String asked, String value) {
		return blank(asked) || asked.strip().toLowerCase(Locale.ROOT)
			.equals(value == null ? null : value.toLowerCase(Locale.ROOT));
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
