package org.iofs.fse.reserves.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The statements that move stock. Each changes one lot's balance row and writes its ledger entry in the same
 * statement (a data-modifying CTE named {@code changed} feeds the entry's insert), so a movement costs the database
 * one round trip, not two, and the entry can only be written with the change it records. An empty answer means
 * the change was refused (the lot could not give that much, or does not exist); the caller says why. Who may move
 * stock, and the audit record, are {@link StockLedger}'s.
 */
@Component
class LedgerWrites {

	/** What the ledger entry says besides its tonnes. */
	record Entry(String kind, String reason, String reference, String recordedBy, Long reverses) {
	}

	/** What a pick took from a lot, and the lot, where the next pick starts after. */
	record Taken(Movement movement, FefoOrder.Candidate lot) {
	}

	/** A new lot as it is stored. */
	record NewLot(String hub, String commodity, String grade, Integer cropYear, LocalDate intake, LocalDate bestBefore,
			String owner) {
	}

	// The balance row of a lot made by the statement (as new_lot), holding the tonnes it came with.
	private static final String NEW_LOT_BALANCE = """
			changed AS (
			    INSERT INTO reserves.lot_balance (lot_id, hub_code, commodity_code, on_hand)
			    SELECT id, hub_code, commodity_code, :tonnes FROM new_lot
			    RETURNING lot_id, hub_code, on_hand AS change, on_hand)
			""";

	// A lot received: the lot, its balance row holding the tonnes, and the receipt. The hub is checked by the insert
	// (it adds nothing when the hub is unknown); the commodity, by the caller through the commodities module.
	private static final String RECEIVE = withEntry("""
			new_lot AS (
			    INSERT INTO reserves.lot (hub_code, commodity_code, grade, crop_year, intake_date, best_before, owner)
			    SELECT :hub, :commodity, :grade, :cropYear, :intake, :bestBefore, :owner
			    WHERE EXISTS (SELECT 1 FROM reserves.hub WHERE code = :hub)
			    RETURNING id, hub_code, commodity_code),
			""" + NEW_LOT_BALANCE);

	// Tonnes transferred arrive as a lot of their own at the other hub, with the attributes of the lot they left.
	private static final String ARRIVE = withEntry("""
			new_lot AS (
			    INSERT INTO reserves.lot (hub_code, commodity_code, grade, crop_year, intake_date, best_before, owner,
			        origin_lot)
			    SELECT :hub, commodity_code, grade, crop_year, intake_date, best_before, owner, id
			    FROM reserves.lot WHERE id = :lot
			    RETURNING id, hub_code, commodity_code),
			""" + NEW_LOT_BALANCE);

	// The conditional withdrawal: it changes the row only if the lot may give that much; the row lock makes
	// concurrent withdrawals from one lot queue, and each sees the balance the one before it left.
	private static final String WITHDRAW = withEntry("""
			changed AS (
			    UPDATE reserves.lot_balance b SET on_hand = b.on_hand - :tonnes, updated_at = now()
			    FROM reserves.lot l
			    WHERE b.lot_id = :lot AND l.id = b.lot_id AND b.hub_code = :hub AND b.on_hand >= :tonnes
			      AND l.quality_status = 'AVAILABLE' AND l.best_before >= CAST(:today AS date)
			    RETURNING b.lot_id, b.hub_code, -CAST(:tonnes AS numeric) AS change, b.on_hand)
			""");

	// Takes as much of the wanted tonnes as it holds from the first lot, in FEFO order, after the given one: the lot
	// is found and locked in the statement that takes from it, so a pick costs one round trip per lot, not two. A
	// lot emptied by a movement that held its lock meanwhile fails the statement's check of its balance once the lock
	// is had, and the scan goes on to the next lot in order; what is taken is what is there.
	private static final String TAKE_NEXT = withEntry("""
			current AS (
			    SELECT b.lot_id, b.on_hand, l.best_before, l.intake_date
			    FROM reserves.lot l JOIN reserves.lot_balance b ON b.lot_id = l.id
			    WHERE l.hub_code = :hub AND l.commodity_code = :commodity AND l.has_stock
			      AND l.quality_status = 'AVAILABLE'
			      AND (l.best_before, l.intake_date, l.id) > (CAST(:bestBefore AS date), CAST(:intake AS date), :lot)
			      AND b.on_hand > 0
			    ORDER BY l.best_before, l.intake_date, l.id
			    LIMIT 1
			    FOR UPDATE OF b),
			changed AS (
			    UPDATE reserves.lot_balance b SET on_hand = b.on_hand - least(c.on_hand, :tonnes), updated_at = now()
			    FROM current c WHERE b.lot_id = c.lot_id
			    RETURNING b.lot_id, b.hub_code, -least(c.on_hand, :tonnes) AS change, b.on_hand, c.best_before,
			        c.intake_date)
			""");

	private static final String DEPOSIT = withEntry("""
			changed AS (
			    UPDATE reserves.lot_balance SET on_hand = on_hand + :tonnes, updated_at = now()
			    WHERE lot_id = :lot AND hub_code = :hub
			    RETURNING lot_id, hub_code, CAST(:tonnes AS numeric) AS change, on_hand)
			""");

	// Takes stock off a lot whatever its quality or expiry (a loss, a count, a reversal), never below zero.
	private static final String REDUCE = withEntry("""
			changed AS (
			    UPDATE reserves.lot_balance SET on_hand = on_hand - :tonnes, updated_at = now()
			    WHERE lot_id = :lot AND hub_code = :hub AND on_hand >= :tonnes
			    RETURNING lot_id, hub_code, -CAST(:tonnes AS numeric) AS change, on_hand)
			""");

	private final JdbcClient jdbc;

	LedgerWrites(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Movement> receive(NewLot lot, BigDecimal tonnes, Entry entry) {
		return write(entry, jdbc.sql(RECEIVE)
			.param("hub", lot.hub())
			.param("commodity", lot.commodity())
			.param("grade", lot.grade())
			.param("cropYear", lot.cropYear())
			.param("intake", Date.valueOf(lot.intake()))
			.param("bestBefore", Date.valueOf(lot.bestBefore()))
			.param("owner", lot.owner())
			.param("tonnes", tonnes));
	}

	/** The tonnes of a lot transferred to another hub, as a new lot there. */
	Optional<Movement> arrive(long fromLot, String toHub, BigDecimal tonnes, Entry entry) {
		return write(entry, statement(ARRIVE, fromLot, toHub, tonnes));
	}

	Optional<Movement> withdraw(long lot, String hub, BigDecimal tonnes, LocalDate today, Entry entry) {
		return write(entry, statement(WITHDRAW, lot, hub, tonnes).param("today", Date.valueOf(today)));
	}

	/**
	 * Takes up to the wanted tonnes from the first lot of the commodity at the hub, in FEFO order, after the given
	 * one; empty when no lot after it may be issued.
	 */
	Optional<Taken> takeNext(String hub, String commodity, FefoOrder.Candidate after, BigDecimal wanted, Entry entry) {
		JdbcClient.StatementSpec next = statement(TAKE_NEXT, after.lot(), hub, wanted).param("commodity", commodity)
			.param("bestBefore", Date.valueOf(after.bestBefore()))
			.param("intake", Date.valueOf(after.intake()));
		return write(entry, next, (rs, n) -> new Taken(movement(rs, entry),
				new FefoOrder.Candidate(rs.getLong("lot_id"), rs.getDate("best_before").toLocalDate(),
						rs.getDate("intake_date").toLocalDate())));
	}

	Optional<Movement> deposit(long lot, String hub, BigDecimal tonnes, Entry entry) {
		return write(entry, statement(DEPOSIT, lot, hub, tonnes));
	}

	Optional<Movement> reduce(long lot, String hub, BigDecimal tonnes, Entry entry) {
		return write(entry, statement(REDUCE, lot, hub, tonnes));
	}

	private JdbcClient.StatementSpec statement(String change, long lot, String hub, BigDecimal tonnes) {
		return jdbc.sql(change).param("lot", lot).param("hub", hub).param("tonnes", tonnes);
	}

	private static Optional<Movement> write(Entry entry, JdbcClient.StatementSpec statement) {
		return write(entry, statement, (rs, n) -> movement(rs, entry));
	}

	private static <T> Optional<T> write(Entry entry, JdbcClient.StatementSpec statement, RowMapper<T> rows) {
		return statement.param("kind", entry.kind())
			.param("reason", entry.reason())
			.param("reverses", entry.reverses())
			.param("reference", entry.reference())
			.param("user", entry.recordedBy())
			.query(rows)
			.optional();
	}

	private static Movement movement(ResultSet rs, Entry entry) throws SQLException {
		return new Movement(rs.getLong("entry_id"), rs.getLong("lot_id"), rs.getString("hub_code"), entry.kind(),
				rs.getBigDecimal("change"), rs.getBigDecimal("on_hand"));
	}

	private static String withEntry(String change) {
		return "WITH " + change + """
				, entry AS (
				    INSERT INTO reserves.ledger_entry (lot_id, hub_code, kind, tonnes, reason_code, reverses, reference,
				        recorded_by)
				    SELECT lot_id, hub_code, CAST(:kind AS text), change, CAST(:reason AS text), CAST(:reverses AS bigint),
				           CAST(:reference AS text), CAST(:user AS text)
				    FROM changed
				    RETURNING id, lot_id)
				SELECT entry.id AS entry_id, changed.*
				FROM entry JOIN changed ON changed.lot_id = entry.lot_id
				""";
	}

}
