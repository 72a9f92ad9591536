package org.iofs.fse.reserves.internal;

import org.iofs.fse.reserves.Hubs;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.access.CurrentCaller;
import org.iofs.fse.access.Scope;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.NotFoundException;
import org.iofs.fse.shared.RecordRowMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Physical counts. An operator records what a lot holds; the difference from the book becomes a COUNT entry with
 * its reason. A difference of at most {@code fse.reserves.count-approval-tonnes} (default 1 t) is applied at once;
 * a larger one waits until a second person (another operator of the hub, or the Secretariat) approves or rejects
 * it. The difference applied is the one counted, whatever moved since.
 */
@Service
public class PhysicalCounts {

	public record Count(long id, long lotId, String hub, BigDecimal countedTonnes, BigDecimal bookTonnes,
			BigDecimal difference, String reasonCode, String status, String countedBy, String decidedBy) {
	}

	private static final String SELECT = """
			SELECT id, lot_id, hub_code AS hub, counted_tonnes, book_tonnes, difference, reason_code, status, counted_by,
			       decided_by
			FROM reserves.physical_count
			""";

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Hubs hubs;

	private final StockLedger ledger;

	private final BigDecimal threshold;

	PhysicalCounts(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, Hubs hubs, StockLedger ledger,
			@Value("${fse.reserves.count-approval-tonnes:1}") BigDecimal threshold) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.hubs = hubs;
		this.ledger = ledger;
		this.threshold = threshold;
	}

	@Transactional
	public Count record(String hubCode, long lot, BigDecimal counted, String reason) {
		String hub = hubs.get(hubCode).code();
		Caller caller = access.require(Action.OPERATE_HUB, Scope.hub(hub));
		if (counted == null || counted.signum() < 0) {
			throw new InvalidInputException("countedTonnes", "must be zero or more tonnes");
		}
		BigDecimal quantity = counted.signum() == 0 ? counted.setScale(3) : Tonnes.positive(counted, "countedTonnes");
		String code = reason == null || reason.isBlank() ? "COUNT_DIFFERENCE" : reason.strip();
		if (!StockLedger.ADJUSTMENT_REASONS.contains(code)) {
			throw new InvalidInputException("reason", "must be one of " + StockLedger.ADJUSTMENT_REASONS);
		}
		BigDecimal book = jdbc.sql("SELECT on_hand FROM reserves.lot_balance WHERE lot_id = :lot AND hub_code = :hub FOR UPDATE")
			.param("lot", lot)
			.param("hub", hub)
			.query(BigDecimal.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("lot", hub + "/" + lot));
		BigDecimal difference = quantity.subtract(book);
		boolean small = difference.abs().compareTo(threshold) <= 0;
		long id = jdbc.sql("""
				INSERT INTO reserves.physical_count (lot_id, hub_code, counted_tonnes, book_tonnes, difference, reason_code,
				    status, counted_by)
				VALUES (:lot, :hub, :counted, :book, :difference, :reason, :status, :user) RETURNING id
				""")
			.param("lot", lot)
			.param("hub", hub)
			.param("counted", quantity)
			.param("book", book)
			.param("difference", difference)
			.param("reason", code)
			.param("status", small ? "APPLIED" : "PENDING")
			.param("user", caller.username())
			.query(Long.class)
			.single();
		if (small && difference.signum() != 0) {
			apply(id, lot, hub, difference, code, caller);
		}
		audit.record("reserves.count-recorded", "physical-count", id, Map.of("book", book),
				Map.of("counted", quantity, "difference", difference, "status", small ? "APPLIED" : "PENDING"));
		return get(id);
	}

	/** A second person applies a large difference; never the one who counted. */
	@Transactional
	public Count approve(String hubCode, long id) {
		return decide(hubCode, id, true);
	}

	@Transactional
	public Count reject(String hubCode, long id) {
		return decide(hubCode, id, false);
	}

	@Transactional(readOnly = true)
	public List<Count> pending(String hubCode) {
		String hub = hubs.get(hubCode).code();
		mayDecide(hub);
		return jdbc.sql(SELECT + " WHERE hub_code = :hub AND status = 'PENDING' ORDER BY id").param("hub", hub)
			.query(RecordRowMapper.of(Count.class)).list();
	}

	private Count decide(String hubCode, long id, boolean approve) {
		String hub = hubs.get(hubCode).code();
		Caller caller = mayDecide(hub);
		Count count = jdbc.sql(SELECT + " WHERE id = :id AND hub_code = :hub FOR UPDATE").param("id", id).param("hub", hub)
			.query(RecordRowMapper.of(Count.class))
			.optional()
			.orElseThrow(() -> new NotFoundException("physical count", Long.toString(id)));
		if (!count.status().equals("PENDING")) {
			throw new ConflictException("NOT_PENDING", "Count " + id + " is " + count.status());
		}
		if (count.countedBy().equals(caller.username())) {
			throw new ConflictException("SAME_PERSON", "The person who counted may not approve their own count");
		}
		jdbc.sql("UPDATE reserves.physical_count SET status = :s, decided_by = :user, decided_at = now() WHERE id = :id")
			.param("s", approve ? "APPROVED" : "REJECTED")
			.param("user", caller.username())
			.param("id", id)
			.update();
		if (approve) {
			apply(id, count.lotId(), hub, count.difference(), count.reasonCode(), caller);
		}
		audit.record(approve ? "reserves.count-approved" : "reserves.count-rejected", "physical-count", id,
				Map.of("status", "PENDING"), Map.of("status", approve ? "APPROVED" : "REJECTED"));
		return get(id);
	}

	private void apply(long id, long lot, String hub, BigDecimal difference, String reason, Caller caller) {
		Movement movement = ledger.count(lot, hub, difference, reason, "count " + id, caller);
		jdbc.sql("UPDATE reserves.physical_count SET ledger_entry_id = :e WHERE id = :id")
			.param("e", movement.entryId())
			.param("id", id)
			.update();
	}

	/** Another operator of the hub, or the Secretariat. */
	private Caller mayDecide(String hub) {
		return CurrentCaller.get()
			.filter(c -> access.allows(c, Action.PUBLISH, Scope.GLOBAL))
			.orElseGet(() -> access.require(Action.OPERATE_HUB, Scope.hub(hub)));
	}

	private Count get(long id) {
		return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(RecordRowMapper.of(Count.class)).single();
	}

}
