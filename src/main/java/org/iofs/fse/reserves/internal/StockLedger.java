package org.iofs.fse.reserves.internal;

import org.iofs.fse.reserves.DraftDispatches;
import org.iofs.fse.reserves.Hubs;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.access.Scope;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves stock at the hubs: receipts make new lots, issues and transfers take from lots (by lot, or picked first
 * expiry first out), adjustments and losses correct them, reversals undo an entry. Every movement is one ledger
 * entry and one change of the lot's balance row in the same transaction; a withdrawal is a single conditional
 * update of that row (stock enough, lot available and not expired), so two operators issuing from one lot at the
 * same moment queue on the row and can never oversell. Only the hub's operators (and administrators) move stock.
 */
@Service
public class StockLedger {

	/** The longest any food stock keeps: a best-before date further than this from intake is a typing mistake. */
	static final int MAX_SHELF_LIFE_YEARS = 30;

	/** A new lot as received. */
	public record Receipt(String commodity, BigDecimal tonnes, String grade, Integer cropYear, LocalDate intakeDate,
			LocalDate bestBefore, String owner, String reference) {
	}

	static final List<String> KINDS = List.of("RECEIPT", "ISSUE", "TRANSFER_OUT", "TRANSFER_IN", "ADJUSTMENT", "LOSS",
			"COUNT", "REVERSAL");

	static final List<String> ADJUSTMENT_REASONS = List.of("COUNT_DIFFERENCE", "DAMAGE", "PEST", "MOISTURE",
			"SPILLAGE", "THEFT", "WEIGHING_ERROR", "OTHER");

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Commodities commodities;

	private final Hubs hubs;

	private final LedgerWrites writes;

	private final Clock clock;

	StockLedger(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, Commodities commodities, Hubs hubs,
			LedgerWrites writes, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.writes = writes;
		this.access = access;
		this.audit = audit;
		this.commodities = commodities;
		this.hubs = hubs;
	}

	/**
	 * Receives a new lot. The commodity is looked up through the commodities module (404 when unknown); the hub is
	 * checked by the insert itself (it adds nothing when the hub is unknown, and only then is it looked up, for a 404).
	 */
	@Transactional
	public Movement receive(String hubCode, Receipt receipt) {
		String hub = Inputs.hubKey(hubCode);
		Caller caller = access.require(Action.OPERATE_HUB, Scope.hub(hub));
		String commodity = commodities.tradable(Inputs.commodityKey(receipt.commodity()), "commodity").code();
		BigDecimal tonnes = Tonnes.positive(receipt.tonnes(), "tonnes");
		LocalDate intake = receipt.intakeDate() == null ? LocalDate.now(clock) : receipt.intakeDate();
		if (receipt.bestBefore() == null) {
			throw new InvalidInputException("bestBefore", "is required");
		}
		if (receipt.bestBefore().isBefore(intake)) {
			throw new InvalidInputException("bestBefore", "is before the intake date");
		}
		if (receipt.bestBefore().isAfter(intake.plusYears(MAX_SHELF_LIFE_YEARS))) {
			throw new InvalidInputException("bestBefore", "is more than " + MAX_SHELF_LIFE_YEARS
					+ " years after the intake date: no food keeps that long");
		}
		if (intake.isBefore(LocalDate.now(clock).minusYears(MAX_SHELF_LIFE_YEARS))) {
			throw new InvalidInputException("intakeDate", "is more than " + MAX_SHELF_LIFE_YEARS + " years ago");
		}
		if (intake.isAfter(LocalDate.now(clock))) {
			throw new InvalidInputException("intakeDate", "is in the future");
		}
		if (receipt.cropYear() != null && (receipt.cropYear() < 1990 || receipt.cropYear() > intake.getYear() + 1)) {
			throw new InvalidInputException("cropYear", "is implausible");
		}
		LedgerWrites.NewLot lot = new LedgerWrites.NewLot(hub, commodity, Grade.code(receipt.grade(), "grade"),
				receipt.cropYear(), intake, receipt.bestBefore(), receipt.owner() == null || receipt.owner().isBlank()
						? "RESERVE" : Inputs.text(receipt.owner(), 40, "owner"));
		Optional<Movement> received = writes.receive(lot, tonnes, entry("RECEIPT", "",
				Inputs.text(receipt.reference(), 200, "reference"), caller, null));
		if (received.isEmpty()) {
			hubs.get(hub);
			throw new IllegalStateException("lot of " + commodity + " at " + hub + " not added");
		}
		return recorded(received.get(), "");
	}

	/** Issues from one lot; 409 when the lot cannot give that much (stock, expiry, quality). */
	@Transactional
	public Movement issue(String hubCode, long lot, BigDecimal tonnes, String reference) {
		String hub = Inputs.hubKey(hubCode);
		Caller caller = access.require(Action.OPERATE_HUB, Scope.hub(hub));
		return withdraw(lot, hub, "ISSUE", Tonnes.positive(tonnes, "tonnes"), "", Inputs.text(reference, 200, "reference"),
				caller);
	}

	/**
	 * Issues a quantity of a commodity, picked first expiry first out: the earliest best-before date, then the
	 * oldest intake; never an expired or unavailable lot. All or nothing: 409 when the hub does not hold enough.
	 */
	@Transactional
	public List<Movement> issueFefo(String hubCode, String commodityCode, BigDecimal tonnes, String reference) {
		String hub = Inputs.hubKey(hubCode);
		Caller caller = access.require(Action.OPERATE_HUB, Scope.hub(hub));
		return pick(hub, Inputs.commodityKey(commodityCode), Tonnes.positive(tonnes, "tonnes"), "ISSUE",
				Inputs.text(reference, 200, "reference"), caller);
	}

	/** Applies a physical count's difference as a COUNT entry (the caller was checked by the count). */
	Movement count(long lot, String hub, BigDecimal difference, String reason, String reference, Caller caller) {
		return difference.signum() > 0 ? deposit(lot, hub, "COUNT", difference, reason, reference, caller)
				: reduceAny(lot, hub, "COUNT", difference.negate(), reason, reference, caller, null);
	}

	/** Issues the given tonnes of the given lots, for a dispatch that follows a plan; the hub's operators only. */
	List<Movement> dispatchLots(String hub, List<DraftDispatches.Line> lots, String reference) {
		Caller caller = access.require(Action.OPERATE_HUB, Scope.hub(hub));
		return lots.stream().map(l -> withdraw(l.lotId(), hub, "ISSUE", l.tonnes(), "", reference, caller)).toList();
	}

	/** Picks a release's tonnes FEFO at a hub, for a dispatch; the hub's operators only. */
	List<Movement> dispatchFefo(String hub, String commodity, BigDecimal tonnes, String reference) {
		Caller caller = access.require(Action.OPERATE_HUB, Scope.hub(hub));
		return pick(hub, commodity, tonnes, "ISSUE", reference, caller);
	}

	/** Moves tonnes of a lot to another hub, where they become a lot of their own with the same attributes. */
	@Transactional
	public List<Movement> transfer(String fromHub, long lot, BigDecimal tonnes, String toHub, String reference) {
		String from = hubs.get(fromHub).code();
		String to = hubs.get(Inputs.required(toHub, "toHub")).code();
		if (from.equals(to)) {
			throw new InvalidInputException("toHub", "is the hub the stock is in");
		}
		Caller caller = access.require(Action.OPERATE_HUB, Scope.hub(from));
		BigDecimal quantity = Tonnes.positive(tonnes, "tonnes");
		String ref = Inputs.text(reference, 200, "reference");
		Movement out = withdraw(lot, from, "TRANSFER_OUT", quantity, "", ref.isEmpty() ? "to " + to : ref, caller);
		Movement in = writes.arrive(lot, to, quantity, entry("TRANSFER_IN", "", "from " + from + " lot " + lot, caller,
				null)).map(movement -> recorded(movement, "")).orElseThrow();
		return List.of(out, in);
	}

	/** A correction with its reason: positive adds stock, negative removes it (never below zero). */
	@Transactional
	public Movement adjust(String hubCode, long lot, BigDecimal tonnes, String reason, boolean loss) {
		String hub = hubs.get(hubCode).code();
		Caller caller = access.require(Action.OPERATE_HUB, Scope.hub(hub));
		String code = Inputs.required(reason, "reason");
		if (!ADJUSTMENT_REASONS.contains(code)) {
			throw new InvalidInputException("reason", "must be one of " + ADJUSTMENT_REASONS);
		}
		BigDecimal quantity = Tonnes.nonZero(tonnes, "tonnes");
		String kind = loss ? "LOSS" : "ADJUSTMENT";
		if (loss && quantity.signum() > 0) {
			quantity = quantity.negate();
		}
		return quantity.signum() > 0 ? deposit(lot(lot, hub), hub, kind, quantity, code, "", caller)
				: adjustDown(lot, hub, kind, quantity.negate(), code, caller);
	}

	/** Undoes an entry with an opposite one; an entry is reversed at most once, and a reversal is not reversed. */
	@Transactional
	public Movement reverse(String hubCode, long entryId, String reason) {
		String hub = hubs.get(hubCode).code();
		Caller caller = access.require(Action.OPERATE_HUB, Scope.hub(hub));
		Map<String, Object> entry = jdbc.sql("""
				SELECT e.lot_id, e.kind, e.tonnes, EXISTS (SELECT 1 FROM reserves.ledger_entry r WHERE r.reverses = e.id)
				       AS reversed
				FROM reserves.ledger_entry e WHERE e.id = :id AND e.hub_code = :hub
				""").param("id", entryId).param("hub", hub).query().listOfRows().stream().findFirst()
			.orElseThrow(() -> new NotFoundException("ledger entry", Long.toString(entryId)));
		if ((Boolean) entry.get("reversed")) {
			throw new ConflictException("ALREADY_REVERSED", "Ledger entry " + entryId + " is already reversed");
		}
		if (entry.get("kind").equals("REVERSAL")) {
			throw new ConflictException("REVERSAL_OF_REVERSAL", "A reversal is not reversed; record a new entry");
		}
		long lot = ((Number) entry.get("lot_id")).longValue();
		BigDecimal opposite = ((BigDecimal) entry.get("tonnes")).negate();
		String note = Inputs.text(reason, 200, "reason");
		return opposite.signum() > 0 ? deposit(lot, hub, "REVERSAL", opposite, "", note, caller, entryId)
				: reduceAny(lot, hub, "REVERSAL", opposite.negate(), "", note, caller, entryId);
	}

	private List<Movement> pick(String hub, String commodity, BigDecimal tonnes, String kind, String reference,
			Caller caller) {
		List<Movement> movements = new ArrayList<>();
		BigDecimal left = tonnes;
		FefoOrder.Candidate after = FefoOrder.first(LocalDate.now(clock));
		while (left.signum() > 0) {
			Optional<LedgerWrites.Taken> taken = writes.takeNext(hub, commodity, after, left,
					entry(kind, "", reference, caller, null));
			if (taken.isEmpty()) {
				break;
			}
			movements.add(recorded(taken.get().movement(), ""));
			left = left.add(taken.get().movement().tonnes());
			after = taken.get().lot();
		}
		if (movements.isEmpty()) {
			// Nothing picked: an unknown hub or commodity is a 404 (or 400), not a shortage.
			hubs.get(hub);
			commodities.get(commodity);
		}
		if (left.signum() > 0) {
			// All or nothing: the transaction rolls back what was taken.
			throw new ConflictException("INSUFFICIENT_STOCK", "Hub " + hub + " holds "
					+ tonnes.subtract(left).toPlainString() + " t of " + commodity + " that may be issued, less than "
					+ tonnes.toPlainString() + " t");
		}
		return movements;
	}

	private Movement withdraw(long lot, String hub, String kind, BigDecimal tonnes, String reason, String reference,
			Caller caller) {
		return recorded(writes.withdraw(lot, hub, tonnes, LocalDate.now(clock), entry(kind, reason, reference, caller, null))
			.orElseThrow(() -> refusal(lot, hub, tonnes)), reason);
	}

	/** Takes stock off a lot whatever its quality or expiry (a loss, a count, a reversal), never below zero. */
	private Movement adjustDown(long lot, String hub, String kind, BigDecimal tonnes, String reason, Caller caller) {
		return reduceAny(lot(lot, hub), hub, kind, tonnes, reason, "", caller, null);
	}

	private Movement reduceAny(long lot, String hub, String kind, BigDecimal tonnes, String reason, String reference,
			Caller caller, Long reverses) {
		return recorded(writes.reduce(lot, hub, tonnes, entry(kind, reason, reference, caller, reverses))
			.orElseThrow(() -> new ConflictException("INSUFFICIENT_STOCK", "Lot " + lot + " holds less than "
					+ tonnes.toPlainString() + " t")), reason);
	}

	private Movement deposit(long lot, String hub, String kind, BigDecimal tonnes, String reason, String reference,
			Caller caller) {
		return deposit(lot, hub, kind, tonnes, reason, reference, caller, null);
	}

	private Movement deposit(long lot, String hub, String kind, BigDecimal tonnes, String reason, String reference,
			Caller caller, Long reverses) {
		return recorded(writes.deposit(lot, hub, tonnes, entry(kind, reason, reference, caller, reverses))
			.orElseThrow(() -> new NotFoundException("lot", hub + "/" + lot)), reason);
	}

	private static LedgerWrites.Entry entry(String kind, String reason, String reference, Caller caller, Long reverses) {
		return new LedgerWrites.Entry(kind, reason, reference, caller.username(), reverses);
	}

	/** The audit record of a movement, in its transaction. */
	private Movement recorded(Movement movement, String reason) {
		audit.record("reserves.stock-" + movement.kind().toLowerCase(Locale.ROOT).replace('_', '-'), "ledger-entry",
				movement.entryId(), null, Map.of("lot", movement.lotId(), "hub", movement.hub(), "tonnes",
						movement.tonnes(), "onHand", movement.onHandAfter(), "reason", reason));
		return movement;
	}

	private ConflictException refusal(long lot, String hub, BigDecimal tonnes) {
		hubs.get(hub);
		Map<String, Object> state = jdbc.sql("""
				SELECT l.quality_status, l.best_before, b.on_hand FROM reserves.lot l
				JOIN reserves.lot_balance b ON b.lot_id = l.id WHERE l.id = :lot AND l.hub_code = :hub
				""").param("lot", lot).param("hub", hub).query().listOfRows().stream().findFirst()
			.orElseThrow(() -> new NotFoundException("lot", hub + "/" + lot));
		if (((Date) state.get("best_before")).toLocalDate().isBefore(LocalDate.now(clock))) {
			return new ConflictException("LOT_EXPIRED", "Lot " + lot + " expired on " + state.get("best_before"));
		}
		if (!"AVAILABLE".equals(state.get("quality_status"))) {
			return new ConflictException("LOT_NOT_AVAILABLE", "Lot " + lot + " is " + state.get("quality_status"));
		}
		return new ConflictException("INSUFFICIENT_STOCK", "Lot " + lot + " holds "
				+ ((BigDecimal) state.get("on_hand")).toPlainString() + " t, less than " + tonnes.toPlainString() + " t");
	}

	private long lot(long lot, String hub) {
		return jdbc.sql("SELECT id FROM reserves.lot WHERE id = :lot AND hub_code = :hub")
			.param("lot", lot)
			.param("hub", hub)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("lot", hub + "/" + lot));
	}
}
