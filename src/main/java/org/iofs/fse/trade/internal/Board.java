package org.iofs.fse.trade.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.commodities.Commodity;
import org.iofs.fse.shared.PageOf;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The IFPA board: open offers and requests of verified companies, valid today, filtered and searched, newest first.
 * Public.
 * <p>
 * Built to answer from indexes at a hundred thousand offers. The matches are read first, newest first, as keys, and
 * stop at {@link #COUNT_CAP} (the page then says "more than"), since counting every match of a broad search cost more
 * than finding the page. A search reads each open offer's words and its company's legal names (in the three
 * languages' text search configurations) as one GIN-indexed document, and finds commodities by name; each of the two
 * arms is read from its own index and their matches are joined here. Only the filters given are in a statement.
 * The page is cut from the matches and its offers read by key.
 */
@Component
class Board {

	static final int COUNT_CAP = 1_000;

	// The offer's words and its company's names, one document with one index (offer_board_search_idx); the words'
	// query is made once per statement (a sub-select), not again for each offer read.
	private static final String WORDS = """
			  AND (o.search || coalesce(o.company_search, ''::tsvector))
			      @@ (SELECT websearch_to_tsquery('simple', :q) || websearch_to_tsquery('english', :q)
			                 || websearch_to_tsquery('arabic', :q) || websearch_to_tsquery('french', :q))
			""";

	private final JdbcClient jdbc;

	private final Commodities commodities;

	private final Clock clock;

	Board(JdbcClient jdbc, Commodities commodities, Clock clock) {
		this.jdbc = jdbc;
		this.commodities = commodities;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public PageOf<Offers.Offer> page(Offers.BoardFilter filter, int page, int size) {
		int limit = Math.min(Math.max(size, 1), PageOf.MAX_SIZE);
		Map<String, Object> params = new HashMap<>();
		params.put("today", Date.valueOf(LocalDate.now(clock)));
		// Only the filters given are in the statement: each combination is a statement of its own, planned once
		// (optional parameters, "(:x IS NULL OR column = :x)", made PostgreSQL plan every page anew).
		StringBuilder where = new StringBuilder("""
				WHERE o.status IN ('PUBLISHED', 'PARTLY_TAKEN') AND o.company_verified AND o.valid_until >= :today
				""");
		filter(where, params, "side", "o.side = :side", upper(filter.side()));
		filter(where, params, "commodity", "o.commodity_code = :commodity", filter.commodity() == null
				|| filter.commodity().isBlank() ? null : filter.commodity().strip().toLowerCase(Locale.ROOT));
		filter(where, params, "origin", "o.origin_iso3 = :origin", upper(filter.origin()));
		filter(where, params, "incoterm", "o.incoterm = :incoterm", upper(filter.incoterm()));
		filter(where, params, "companyCountry", "o.company_id IN (SELECT organisation_id FROM trade.company "
				+ "WHERE country_iso3 = :companyCountry)", upper(filter.companyCountry()));
		String query = searchWords(filter);
		if (query != null) {
			Texts.bounded(query, 200, "q");
		}
		// A search has two arms, each answered from its own index: the offer's words and its company's names (one
		// document, offer_board_search_idx), and the commodities the words name. As one condition joined by OR, a
		// commodity's name ("wheat") made PostgreSQL read the table in order, matching every offer's words, until a
		// thousand passed (20 to 30 ms).
		List<String> arms = new ArrayList<>();
		if (query == null) {
			arms.add("");
		}
		else {
			params.put("q", query);
			arms.add(WORDS);
			// One arm for each commodity named, read newest first from its index (with "= ANY", PostgreSQL read all
			// of a commodity's ten thousand offers and sorted them).
			String[] named = namedCommodities(query);
			for (int i = 0; i < named.length; i++) {
				params.put("named" + i, named[i]);
				arms.add("  AND o.commodity_code = :named" + i + "\n");
			}
		}
		// Each arm's matches are read newest first, as keys, up to the count's cap: the first twenty pages are cut
		// from them. A common word's matches are sorted from its index (10,400 of them in 7 ms); walking the
		// newest-first index instead matched each offer's document in turn, 10 ms for a page of fifty.
		String keys = "SELECT o.id, o.published_at FROM trade.offer o " + where;
		String newest = " ORDER BY o.published_at DESC, o.id DESC LIMIT :cap";
		List<List<Match>> armMatches = arms.stream()
			.map(arm -> matches(keys + arm + newest, params, COUNT_CAP + 1))
			.toList();
		// One arm's matches are distinct and in the board's order already; several arms' are merged here.
		boolean merged = arms.size() > 1;
		long total = Math.min(merged ? armMatches.stream().flatMap(List::stream).map(Match::id).distinct().count()
				: armMatches.get(0).size(), COUNT_CAP + 1);
		long offset = (long) Math.max(page, 0) * limit;
		List<Match> candidates = new ArrayList<>();
		for (int i = 0; i < arms.size(); i++) {
			List<Match> known = armMatches.get(i);
			// A page beyond the twentieth reads further down the arm.
			candidates.addAll(known.size() > COUNT_CAP && offset + limit > known.size()
					? matches(keys + arms.get(i) + newest, params, offset + limit) : known);
		}
		List<Long> ids = (merged ? candidates.stream().sorted(Match.NEWEST_FIRST).map(Match::id).distinct()
				: candidates.stream().map(Match::id)).skip(offset).limit(limit).toList();
		List<Offers.Offer> items = ids.isEmpty() ? List.of()
				: jdbc.sql(Offers.SELECT.replace("FROM trade.offer", "FROM trade.offer o")
						+ " WHERE o.id = ANY (:ids) AND o.status IN ('PUBLISHED', 'PARTLY_TAKEN')"
						+ " ORDER BY o.published_at DESC, o.id DESC")
					.param("ids", ids.toArray(Long[]::new))
					.query(Offers.OFFER)
					.list();
		return new PageOf<>(items, Math.max(page, 0), limit, total);
	}

	/**
	 * The offer as the board shows it, if it is on the board (open, its company verified; its last valid day is the
	 * reader's to check); read in the caller's transaction, so a change not yet committed is seen.
	 */
	Optional<Offers.Offer> onBoard(long id) {
		return jdbc.sql(Offers.SELECT
				+ " WHERE id = :id AND status IN ('PUBLISHED', 'PARTLY_TAKEN') AND company_verified")
			.param("id", id)
			.query(Offers.OFFER)
			.optional();
	}

	/** A filter's search words as the board reads them (stripped), or null when it searches nothing. */
	static String searchWords(Offers.BoardFilter filter) {
		return filter.query() == null || filter.query().isBlank() ? null : filter.query().strip();
	}

	/**
	 * Which of these searches find the offer, whatever its status (as {@link #page} reads them: its words, its
	 * company's names, its commodity's names); read in the caller's transaction, so a change not yet committed is
	 * seen. One statement for all the searches.
	 */
	Set<String> searchesFinding(Offers.Offer offer, Collection<String> searches) {
		Set<String> found = new HashSet<>(jdbc.sql("""
				SELECT q FROM unnest(CAST(:searches AS text[])) q
				WHERE (SELECT o.search || coalesce(o.company_search, ''::tsvector) FROM trade.offer o WHERE o.id = :id)
				      @@ (websearch_to_tsquery('simple', q) || websearch_to_tsquery('english', q)
				          || websearch_to_tsquery('arabic', q) || websearch_to_tsquery('french', q))
				""")
			.param("searches", searches.toArray(String[]::new))
			.param("id", offer.id())
			.query(String.class)
			.list());
		for (String search : searches) {
			if (Arrays.asList(namedCommodities(search)).contains(offer.commodity())) {
				found.add(search);
			}
		}
		return found;
	}

	/** Commodities whose name in any of the three languages contains the words, through the commodities module. */
	private String[] namedCommodities(String query) {
		String lower = query.toLowerCase(Locale.ROOT);
		return commodities.all().stream()
			.filter(c -> c.names().en().toLowerCase(Locale.ROOT).contains(lower)
					|| c.names().fr().toLowerCase(Locale.ROOT).contains(lower) || c.names().ar().contains(query))
			.map(Commodity::code)
			.toArray(String[]::new);
	}

	/** A matching offer's key and its place on the board. */
	private record Match(long id, OffsetDateTime publishedAt) {

		/** As {@code ORDER BY published_at DESC, id DESC} orders them (PostgreSQL puts nulls first when descending). */
		static final Comparator<Match> NEWEST_FIRST = Comparator
			.comparing(Match::publishedAt, Comparator.nullsFirst(Comparator.<OffsetDateTime>reverseOrder()))
			.thenComparing(Comparator.comparingLong(Match::id).reversed());

	}

	private List<Match> matches(String sql, Map<String, Object> params, long cap) {
		return jdbc.sql(sql)
			.params(params)
			.param("cap", cap)
			.query((rs, row) -> new Match(rs.getLong(1), rs.getObject(2, OffsetDateTime.class)))
			.list();
	}

	private static void filter(StringBuilder where, Map<String, Object> params, String name, String condition,
			String value) {
		if (value != null) {
			where.append("  AND ").append(condition).append('\n');
			params.put(name, value);
		}
	}

	private static String upper(String value) {
		return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
	}

}
