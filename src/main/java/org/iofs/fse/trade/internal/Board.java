package org.iofs.fse.trade.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * Built to answer from indexes at a hundred thousand offers. The matches are read first, as keys, and stop at
 * {@link #COUNT_CAP} (the page then says "more than"), since counting every match of a broad search cost more than
 * finding the page. A search reads each open offer's words and its company's legal names (in the three
 * languages' text search configurations) as one GIN-indexed document, and finds commodities by name, so that both
 * arms of the search are indexed conditions. When all the matches are known, the page is cut from them; when there
 * are more, they are dense among the newest, and the newest-first partial index is walked until the page is filled.
 */
@Component
class Board {

	static final int COUNT_CAP = 1_000;

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
		params.put("side", upper(filter.side()));
		params.put("commodity", filter.commodity() == null || filter.commodity().isBlank() ? null
				: filter.commodity().strip().toLowerCase(Locale.ROOT));
		params.put("origin", upper(filter.origin()));
		params.put("incoterm", upper(filter.incoterm()));
		params.put("companyCountry", upper(filter.companyCountry()));
		String query = filter.query() == null || filter.query().isBlank() ? null
				: Texts.bounded(filter.query().strip(), 200, "q");
		String search = "";
		if (query != null) {
			params.put("q", query);
			params.put("namedCommodities", namedCommodities(query));
			// The offer's words and its company's names, one document with one index (offer_board_search_idx).
			search = """
					  AND ((o.search || coalesce(o.company_search, ''::tsvector)) @@ (websearch_to_tsquery('simple', :q)
					          || websearch_to_tsquery('english', :q) || websearch_to_tsquery('arabic', :q)
					          || websearch_to_tsquery('french', :q))
					       OR o.commodity_code = ANY (:namedCommodities))
					""";
		}
		String where = """
				WHERE o.status IN ('PUBLISHED', 'PARTLY_TAKEN') AND o.valid_until >= :today
				  AND NOT EXISTS (SELECT 1 FROM trade.company c
				                  WHERE c.organisation_id = o.company_id AND c.kyc_status <> 'VERIFIED')
				  AND (CAST(:side AS text) IS NULL OR o.side = :side)
				  AND (CAST(:commodity AS text) IS NULL OR o.commodity_code = :commodity)
				  AND (CAST(:origin AS text) IS NULL OR o.origin_iso3 = :origin)
				  AND (CAST(:incoterm AS text) IS NULL OR o.incoterm = :incoterm)
				  AND (CAST(:companyCountry AS text) IS NULL OR o.company_id IN
				       (SELECT organisation_id FROM trade.company WHERE country_iso3 = :companyCountry))
				""" + search;
		List<Match> matches = jdbc.sql("SELECT o.id, o.published_at FROM trade.offer o " + where + " LIMIT :cap")
			.params(params)
			.param("cap", COUNT_CAP + 1)
			.query((rs, row) -> new Match(rs.getLong(1), rs.getObject(2, OffsetDateTime.class)))
			.list();
		long total = matches.size();
		long offset = (long) Math.max(page, 0) * limit;
		List<Offers.Offer> items;
		if (total <= COUNT_CAP) {
			// Every match is known: the page is cut from them here and its offers read by key. Walking the
			// newest-first index instead reads every open offer when the matches are few (a company's number, a rare
			// word: 100 ms at 100,000 offers).
			List<Long> ids = matches.stream().sorted(Match.NEWEST_FIRST).skip(offset).limit(limit).map(Match::id)
				.toList();
			items = ids.isEmpty() ? List.of() : jdbc.sql(Offers.SELECT.replace("FROM trade.offer", "FROM trade.offer o")
					+ " WHERE o.id = ANY (:ids) AND o.status IN ('PUBLISHED', 'PARTLY_TAKEN')"
					+ " ORDER BY o.published_at DESC, o.id DESC")
				.param("ids", ids.toArray(Long[]::new))
				.query(Offers.OFFER)
				.list();
		}
		else {
			// Matches are many, so they are dense among the newest: the newest-first index fills the page early.
			items = jdbc.sql(Offers.SELECT.replace("FROM trade.offer", "FROM trade.offer o") + where
					+ " ORDER BY o.published_at DESC, o.id DESC LIMIT :limit OFFSET :offset")
				.params(params)
				.param("limit", limit)
				.param("offset", offset)
				.query(Offers.OFFER)
				.list();
		}
		return new PageOf<>(items, Math.max(page, 0), limit, total);
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

	private static String upper(String value) {
		return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
	}

}
