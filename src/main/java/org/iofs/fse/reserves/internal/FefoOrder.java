package org.iofs.fse.reserves.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lots of a commodity at a hub that may be issued, first expiry first out: the earliest best-before date, then
 * the oldest intake, then the lot id. Read a page at a time, without locks, along an index of the lots that hold
 * stock: a pick reads the few lots it needs, neither every lot of the hub (a hub receiving all day holds hundreds)
 * nor the empty ones before them (most lots of an old hub), and then takes from each with one statement that locks
 * only that lot's row.
 */
@Component
class FefoOrder {

	/** Lots read at a time: most picks take from the first one or two. */
	static final int PAGE = 8;

	private static final String NEXT_PAGE = """
			SELECT id, best_before, intake_date FROM reserves.lot
			WHERE hub_code = :hub AND commodity_code = :commodity AND has_stock AND quality_status = 'AVAILABLE'
			  AND (best_before, intake_date, id) > (CAST(:bestBefore AS date), CAST(:intake AS date), :lot)
			ORDER BY best_before, intake_date, id
			LIMIT %d
			""".formatted(PAGE);

	/** A lot that may be picked, with the values that order it. */
	record Candidate(long lot, LocalDate bestBefore, LocalDate intake) {
	}

	private final JdbcClient jdbc;

	FefoOrder(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What the first page comes after: a lot that expired yesterday, taken in that day at the latest (a lot's
	 * best-before date is never before its intake) and with the last possible id, so every lot that has not expired
	 * by today comes after it and no lot that has does.
	 */
	static Candidate first(LocalDate today) {
		return new Candidate(Long.MAX_VALUE, today.minusDays(1), today.minusDays(1));
	}

	/**
	 * The next page of lots after the given one (at most {@link #PAGE}; fewer means there are no more). One table,
	 * no join: PostgreSQL plans the statement again on most executions, and a join takes it several times as long to
	 * plan as to run. Whether the lot still holds stock is known from its flag, kept with its balance by the
	 * database, and checked again under the lock when the lot is taken from.
	 */
	List<Candidate> after(String hub, String commodity, Candidate after) {
		return jdbc.sql(NEXT_PAGE)
			.param("hub", hub)
			.param("commodity", commodity)
			.param("bestBefore", Date.valueOf(after.bestBefore()))
			.param("intake", Date.valueOf(after.intake()))
			.param("lot", after.lot())
			.query((rs, n) -> new Candidate(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate()))
			.list();
	}

}
