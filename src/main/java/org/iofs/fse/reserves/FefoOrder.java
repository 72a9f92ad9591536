package org.iofs.fse.reserves;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lots of a commodity at a hub that may be issued, first expiry first out: the earliest best-before date, then
 * the oldest intake, then the lot id. Read a page at a time, without locks, along an index of the lots that hold
 * stock and are available: a pick reads the few lots it needs, neither every lot of the hub (a hub receiving all day
 * holds hundreds) nor the empty ones before them (most lots of an old hub), and then takes from each with one
 * statement that locks only that lot's row.
 */
@Component
class FefoOrder {

	/** Lots read at a time: most picks take from the first one or two. */
	static final int PAGE = 8;

	/** A lot that may be picked, with the values that order it. */
	record Candidate(long lot, LocalDate bestBefore, LocalDate intake) {
	}

	private final JdbcClient jdbc;

	FefoOrder(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What the first page comes after: every lot that has not expired by today does. */
	static Candidate first(LocalDate today) {
		return new Candidate(0, today.minusDays(1), today.minusDays(1));
	}

	/** The next page of lots after the given one (at most {@link #PAGE}; fewer means there are no more). */
	List<Candidate> after(String hub, String commodity, LocalDate today, Candidate after) {
		return jdbc.sql("""
				SELECT l.id, l.best_before, l.intake_date FROM reserves.lot l JOIN reserves.lot_balance b ON b.lot_id = l.id
				WHERE l.hub_code = :hub AND l.commodity_code = :commodity AND l.best_before >= CAST(:today AS date)
				  AND (l.best_before, l.intake_date, l.id) > (CAST(:bestBefore AS date), CAST(:intake AS date), :lot)
				  AND l.has_stock AND l.quality_status = 'AVAILABLE' AND b.on_hand > 0
				ORDER BY l.best_before, l.intake_date, l.id
				LIMIT :page
				""")
			.param("hub", hub)
			.param("commodity", commodity)
			.param("today", Date.valueOf(today))
			.param("bestBefore", Date.valueOf(after.bestBefore()))
			.param("intake", Date.valueOf(after.intake()))
			.param("lot", after.lot())
			.param("page", PAGE)
			.query((rs, n) -> new Candidate(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate()))
			.list();
	}

}
