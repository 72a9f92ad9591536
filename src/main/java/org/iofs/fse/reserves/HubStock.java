package org.iofs.fse.reserves;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.CurrentCaller;
import org.iofs.fse.access.Scope;
import org.iofs.fse.shared.PageOf;
import org.iofs.fse.shared.RecordRowMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a hub holds, read from the balance table (one row per lot, no ledger sum at read time), and its ledger.
 * Stock on hand is public, as reserves publish their stock; the ledger is for the hub's operators and the
 * Secretariat.
 */
@Service
public class HubStock {

	public record Lot(long id, String commodity, String grade, Integer cropYear, LocalDate intakeDate,
			LocalDate bestBefore, String owner, String qualityStatus, BigDecimal onHand) {
	}

	public record CommodityTotal(String commodity, BigDecimal available, BigDecimal unavailable, BigDecimal capacity) {
	}

	/** Totals per commodity, and one page of the lots holding stock in first-expiry-first-out order. */
	public record Stock(String hub, List<CommodityTotal> totals, PageOf<Lot> lots) {
	}

	public static final int LOT_PAGE = 100;

	public record Entry(long id, long lotId, String commodity, String kind, BigDecimal tonnes, String reasonCode,
			Long reverses, String reference, String recordedBy, Instant recordedAt) {
	}

	public record ExpiryAlert(long lotId, String commodity, LocalDate bestBefore, BigDecimal tonnes, String proposal,
			boolean replenish) {
	}

	private final JdbcClient jdbc;

	private final Hubs hubs;

	private final AccessPolicy access;

	private final Clock clock;

	HubStock(JdbcClient jdbc, Hubs hubs, AccessPolicy access, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.hubs = hubs;
		this.access = access;
	}

	@Transactional(readOnly = true)
	public Stock stock(String hubCode, int page, int size) {
		String hub = hubs.get(hubCode).code();
		PageOf.checkRequest(page, size);
		// The page walks the hub's lots that hold stock in order and stops after it; their number comes from the
		// same partial index, without reading a balance.
		List<Lot> lots = jdbc.sql("""
				SELECT l.id, l.commodity_code, l.grade, l.crop_year, l.intake_date, l.best_before, l.owner,
				       l.quality_status, b.on_hand
				FROM reserves.lot l JOIN reserves.lot_balance b ON b.lot_id = l.id
				WHERE l.hub_code = :hub AND l.has_stock AND b.on_hand > 0
				ORDER BY l.commodity_code, l.best_before, l.intake_date, l.id
				LIMIT :limit OFFSET :offset
				""").param("hub", hub).param("limit", size).param("offset", (long) page * size).query((rs, n) ->
				new Lot(rs.getLong("id"), rs.getString("commodity_code"), rs.getString("grade"),
						(Integer) rs.getObject("crop_year"), rs.getObject("intake_date", LocalDate.class),
						rs.getObject("best_before", LocalDate.class), rs.getString("owner"), rs.getString("quality_status"),
						rs.getBigDecimal("on_hand"))).list();
		long lotCount = jdbc.sql("SELECT count(*) FROM reserves.lot WHERE hub_code = :hub AND has_stock")
			.param("hub", hub).query(Long.class).single();
		// The balances are narrowed to the hub as well: joined to the lots alone, PostgreSQL would read every hub's
		// balances (a hash join over the whole table) rather than look up a thousand of them one by one.
		List<CommodityTotal> totals = jdbc.sql("""
				SELECT coalesce(s.commodity_code, c.commodity_code) AS commodity,
				       coalesce(s.available, 0) AS available, coalesce(s.unavailable, 0) AS unavailable,
				       c.tonnes AS capacity
				FROM (SELECT b.commodity_code,
				             sum(b.on_hand) FILTER (WHERE l.quality_status = 'AVAILABLE' AND l.best_before >= :today)
				                 AS available,
				             sum(b.on_hand) FILTER (WHERE NOT (l.quality_status = 'AVAILABLE' AND l.best_before >= :today))
				                 AS unavailable
				      FROM reserves.lot l JOIN reserves.lot_balance b ON b.lot_id = l.id AND b.hub_code = l.hub_code
				      WHERE l.hub_code = :hub AND b.hub_code = :hub AND l.has_stock AND b.on_hand > 0
				      GROUP BY b.commodity_code) s
				FULL JOIN (SELECT commodity_code, tonnes FROM reserves.hub_capacity WHERE hub_code = :hub) c
				       ON c.commodity_code = s.commodity_code
				ORDER BY 1
				""").param("hub", hub).param("today", Date.valueOf(LocalDate.now(clock)))
				.query(RecordRowMapper.of(CommodityTotal.class)).list();
		return new Stock(hub, totals, new PageOf<>(lots, page, size, lotCount));
	}

	/** A lot that may be shipped: available, holding stock, not past its best-before date. */
	public record AvailableLot(long id, String hub, String commodity, BigDecimal onHand, LocalDate bestBefore,
			LocalDate intakeDate) {
	}

	/** Every lot that may be shipped, at every hub (stock on hand is public). */
	@Transactional(readOnly = true)
	public List<AvailableLot> availableLots() {
		return jdbc.sql("""
				SELECT l.id, l.hub_code AS hub, l.commodity_code AS commodity, b.on_hand, l.best_before, l.intake_date
				FROM reserves.lot l JOIN reserves.lot_balance b ON b.lot_id = l.id
				WHERE l.has_stock AND b.on_hand > 0 AND l.quality_status = 'AVAILABLE' AND l.best_before >= :today
				ORDER BY l.hub_code, l.id
				""").param("today", Date.valueOf(LocalDate.now(clock)))
				.query(RecordRowMapper.of(AvailableLot.class)).list();
	}

	/** Tonnes on hand by the month their best-before date falls in ("2027-03"), for the expiry timeline. */
	@Transactional(readOnly = true)
	public Map<String, BigDecimal> expiryByMonth(String hubCode) {
		String hub = hubs.get(hubCode).code();
		Map<String, BigDecimal> byMonth = new TreeMap<>();
		jdbc.sql("""
				SELECT to_char(l.best_before, 'YYYY-MM') AS month, sum(b.on_hand) AS tonnes
				FROM reserves.lot l JOIN reserves.lot_balance b ON b.lot_id = l.id
				WHERE l.hub_code = :hub AND l.has_stock AND b.on_hand > 0 GROUP BY 1
				""").param("hub", hub).query((rs, n) -> byMonth.put(rs.getString(1), rs.getBigDecimal(2))).list();
		return byMonth;
	}

	/** The near-expiry alerts of a hub's lots that still hold stock, soonest first. */
	@Transactional(readOnly = true)
	public List<ExpiryAlert> expiryAlerts(String hubCode) {
		String hub = hubs.get(hubCode).code();
		return jdbc.sql("""
				SELECT a.lot_id, l.commodity_code AS commodity, a.best_before, b.on_hand AS tonnes, a.proposal, a.replenish
				FROM reserves.expiry_alert a JOIN reserves.lot l ON l.id = a.lot_id
				JOIN reserves.lot_balance b ON b.lot_id = a.lot_id
				WHERE l.hub_code = :hub AND l.has_stock AND b.on_hand > 0 ORDER BY a.best_before, a.lot_id
				""").param("hub", hub).query(RecordRowMapper.of(ExpiryAlert.class)).list();
	}

	@Transactional(readOnly = true)
	public PageOf<Entry> ledger(String hubCode, int page, int size) {
		return ledger(hubCode, null, null, page, size);
	}

	/** The ledger, newest first, optionally of one kind of movement or one lot. */
	@Transactional(readOnly = true)
	public PageOf<Entry> ledger(String hubCode, String kind, Long lot, int page, int size) {
		String hub = hubs.get(hubCode).code();
		// The hub's operators, or the Secretariat (who read everything).
		if (!mayReadLedger(hub)) {
			access.requireOrHide(Action.OPERATE_HUB, Scope.hub(hub), "ledger of hub", hub);
		}
		PageOf.checkRequest(page, size);
		List<Entry> entries = jdbc.sql("""
				SELECT e.id, e.lot_id, l.commodity_code AS commodity, e.kind, e.tonnes, e.reason_code, e.reverses,
				       e.reference, e.recorded_by, e.recorded_at
				FROM reserves.ledger_entry e JOIN reserves.lot l ON l.id = e.lot_id
				WHERE e.hub_code = :hub AND (CAST(:kind AS text) IS NULL OR e.kind = :kind)
				  AND (CAST(:lot AS bigint) IS NULL OR e.lot_id = :lot)
				ORDER BY e.id DESC LIMIT :limit OFFSET :offset
				""").param("hub", hub).param("kind", kind).param("lot", lot).param("limit", size)
			.param("offset", (long) page * size).query(RecordRowMapper.of(Entry.class)).list();
		long total = jdbc.sql("""
				SELECT count(*) FROM reserves.ledger_entry WHERE hub_code = :hub
				  AND (CAST(:kind AS text) IS NULL OR kind = :kind) AND (CAST(:lot AS bigint) IS NULL OR lot_id = :lot)
				""").param("hub", hub).param("kind", kind).param("lot", lot).query(Long.class).single();
		return new PageOf<>(entries, page, size, total);
	}

	/**
	 * Tonnes of a commodity received at a hub since a moment (receipts and transfers in, less their reversals): what
	 * a rotation's replenishment is measured by. A total only, for those who may read the hub's ledger (0 for others).
	 */
	@Transactional(readOnly = true)
	public BigDecimal receivedSince(String hubCode, String commodity, Instant since) {
		String hub = hubs.get(hubCode).code();
		if (!mayReadLedger(hub)) {
			return BigDecimal.ZERO;
		}
		return jdbc.sql("""
				SELECT coalesce(sum(abs(e.tonnes)) FILTER (WHERE e.kind IN ('RECEIPT', 'TRANSFER_IN')), 0)
				     - coalesce(sum(abs(e.tonnes)) FILTER (WHERE e.kind = 'REVERSAL' AND r.kind IN ('RECEIPT', 'TRANSFER_IN')), 0)
				FROM reserves.ledger_entry e JOIN reserves.lot l ON l.id = e.lot_id
				LEFT JOIN reserves.ledger_entry r ON r.id = e.reverses
				WHERE e.hub_code = :hub AND l.commodity_code = :commodity AND e.recorded_at >= :since
				""").param("hub", hub).param("commodity", commodity).param("since", java.sql.Timestamp.from(since))
			.query(BigDecimal.class).single();
	}

	/** Whether the reader may see a hub's ledger (for pages; the service checks again). */
	public boolean mayReadLedger(String hub) {
		return CurrentCaller.get()
			.map(c -> access.allows(c, Action.OPERATE_HUB, Scope.hub(hub)) || access.allows(c, Action.READ_ALL, Scope.GLOBAL))
			.orElse(false);
	}

}
