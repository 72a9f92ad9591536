package org.iofs.fse.rotation.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.access.Scope;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.reserves.HubStock;
import org.iofs.fse.reserves.Hubs;
import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.RecordRowMapper;
import org.iofs.fse.trade.ReserveSales;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rotations of a hub's lots near expiry through IFPA. The Secretariat links each reserve to its trading desk; a hub's
 * operators (or the Secretariat) put a lot with a near-expiry alert on the board at a price they set, for all its
 * tonnes, deliverable from the hub until a week before its best-before date; what sells is followed by
 * {@link SalamDrafts}. Rotations are read by those who may read the hub's ledger; every change is audited.
 */
@Service
public class Rotations {

	/** A rotation, with the salam purchases drafted for its sales. */
	public record Rotation(long id, long lotId, String hubCode, String reserveCode, String commodity, BigDecimal tonnes,
			LocalDate bestBefore, long offerId, BigDecimal pricePerTonne, String currency, BigDecimal soldTonnes,
			String status, String offeredBy, Instant offeredAt, List<Salam> salams, BigDecimal receivedTonnes) {

		/** Tonnes to replenish: what sold, bought forward by salam. */
		@com.fasterxml.jackson.annotation.JsonProperty
		public BigDecimal replenishTonnes() {
			return salams.stream().map(Salam::tonnes).reduce(BigDecimal.ZERO, BigDecimal::add);
		}

		/** Whether the hub has received, since the first sale, at least the tonnes the salam purchases replace. */
		@com.fasterxml.jackson.annotation.JsonProperty
		public boolean replenished() {
			return !salams.isEmpty() && receivedTonnes.compareTo(replenishTonnes()) >= 0;
		}

	}

	public record Salam(long id, long rotationId, BigDecimal tonnes, BigDecimal pricePerTonne, String currency,
			LocalDate deliverBy, LocalDate nextNeed, Instant draftedAt) {

		/** The full price, paid at contract under salam. */
		public BigDecimal total() {
			return tonnes.multiply(pricePerTonne).setScale(2, java.math.RoundingMode.HALF_UP);
		}

	}

	/** Days before its best-before date a rotated lot must have left the hub. */
	static final int LEAVE_BEFORE_DAYS = 7;

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Hubs hubs;

	private final HubStock stock;

	private final ReserveSales sales;

	private final Clock clock;

	private final BigDecimal minOrderTonnes;

	Rotations(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, Hubs hubs, HubStock stock, ReserveSales sales,
			Clock clock, @Value("${fse.rotation.min-order-tonnes:25}") BigDecimal minOrderTonnes) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.hubs = hubs;
		this.stock = stock;
		this.sales = sales;
		this.clock = clock;
		this.minOrderTonnes = minOrderTonnes;
	}

	/** The Secretariat links a reserve to the verified IFPA company that sells for it. */
	@Transactional
	public void linkDesk(String reserve, UUID company) {
		Caller caller = access.require(Action.ADMINISTER_ACCOUNTS);
		linkDeskAs(reserve, company, caller.username());
	}

	void linkDeskAs(String reserve, UUID company, String by) {
		String code = reserve == null ? "" : reserve.strip().toUpperCase(java.util.Locale.ROOT);
		if (hubs.all().stream().noneMatch(h -> code.equals(h.reserve()))) {
			throw new InvalidInputException("reserve", "'" + reserve + "' is no reserve with a hub");
		}
		if (company == null || !sales.verified(company)) {
			throw new InvalidInputException("company", "must be a company verified by IFPA");
		}
		jdbc.sql("""
				INSERT INTO rotation.desk (reserve_code, company_id, linked_by, linked_at) VALUES (:r, :c, :by, :at)
				ON CONFLICT (reserve_code) DO UPDATE SET company_id = :c, linked_by = :by, linked_at = :at
				""").param("r", code).param("c", company).param("by", by)
			.param("at", Timestamp.from(clock.instant())).update();
		audit.record("rotation.desk-linked", "reserve", code, null, Map.of("company", company.toString()));
	}

	/** The lot with a near-expiry alert goes on the board, all its tonnes, at the price given. */
	@Transactional
	public Rotation offer(String hubCode, long lotId, BigDecimal pricePerTonne) {
		Hubs.Hub hub = hubs.get(hubCode);
		Caller caller = access.require(Action.OPERATE_HUB, Scope.hub(hub.code()));
		return offerAs(hub, lotId, pricePerTonne, caller.username());
	}

	/** The same, by the platform itself (the demo's rotation): its caller was checked by whoever asks. */
	Rotation offerAs(Hubs.Hub hub, long lotId, BigDecimal pricePerTonne, String by) {
		HubStock.ExpiryAlert lot = stock.expiryAlerts(hub.code()).stream().filter(a -> a.lotId() == lotId).findFirst()
			.orElseThrow(() -> new InvalidInputException("lot", "lot " + lotId + " at " + hub.code()
					+ " has no near-expiry alert with stock left"));
		if (pricePerTonne == null || pricePerTonne.signum() <= 0 || pricePerTonne.scale() > 2) {
			throw new InvalidInputException("pricePerTonne", "must be more than 0 US dollars, with at most 2 decimals");
		}
		UUID desk = jdbc.sql("SELECT company_id FROM rotation.desk WHERE reserve_code = :r").param("r", hub.reserve())
			.query(UUID.class).optional().orElseThrow(() -> new ConflictException("NO_TRADING_DESK",
					"Reserve " + hub.reserve() + " has no IFPA trading desk yet; the Secretariat links one"));
		if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM rotation.rotation WHERE lot_id = :lot)").param("lot", lotId)
			.query(Boolean.class).single()) {
			throw new ConflictException("ALREADY_OFFERED", "Lot " + lotId + " is already on the board");
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate until = lot.bestBefore().minusDays(LEAVE_BEFORE_DAYS);
		if (until.isBefore(today)) {
			throw new ConflictException("TOO_CLOSE_TO_EXPIRY", "Lot " + lotId + " is best before " + lot.bestBefore()
					+ ": too close to sell as food through the board; hand it to a food programme");
		}
		long offer = sales.publish(new ReserveSales.Sale(desk, lot.commodity(), lot.tonnes(),
				lot.tonnes().min(minOrderTonnes), pricePerTonne, "USD", "FCA", hub.names().en(), hub.country(), today,
				until, until, "Reserve rotation: lot " + lotId + " of reserve " + hub.reserve() + ", best before "
						+ lot.bestBefore()), by);
		long id = jdbc.sql("""
				INSERT INTO rotation.rotation (lot_id, hub_code, reserve_code, commodity_code, tonnes, best_before,
				    offer_id, price_per_tonne, currency, offered_by, offered_at)
				VALUES (:lot, :hub, :reserve, :commodity, :tonnes, :bestBefore, :offer, :price, 'USD', :by, :at)
				RETURNING id
				""").param("lot", lotId).param("hub", hub.code()).param("reserve", hub.reserve())
			.param("commodity", lot.commodity()).param("tonnes", lot.tonnes())
			.param("bestBefore", Date.valueOf(lot.bestBefore())).param("offer", offer).param("price", pricePerTonne)
			.param("by", by).param("at", Timestamp.from(clock.instant())).query(Long.class).single();
		audit.record("rotation.lot-offered", "rotation", id, null, Map.of("lot", lotId, "hub", hub.code(),
				"offer", offer, "tonnes", lot.tonnes(), "pricePerTonne", pricePerTonne));
		return listed(hub.code()).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
	}

	/** A hub's rotations, newest first, with their salam drafts; for those who may read the hub's ledger. */
	@Transactional(readOnly = true)
	public List<Rotation> ofHub(String hubCode) {
		String hub = hubs.get(hubCode).code();
		return stock.mayReadLedger(hub) ? listed(hub) : List.of();
	}

	private List<Rotation> listed(String hub) {
		Map<Long, List<Salam>> salams = new HashMap<>();
		jdbc.sql("""
				SELECT s.id, s.rotation_id, s.tonnes, s.price_per_tonne, s.currency, s.deliver_by, s.next_need, s.drafted_at
				FROM rotation.salam_draft s JOIN rotation.rotation r ON r.id = s.rotation_id
				WHERE r.hub_code = :hub ORDER BY s.id
				""").param("hub", hub).query(RecordRowMapper.of(Salam.class)).list()
			.forEach(s -> salams.computeIfAbsent(s.rotationId(), k -> new java.util.ArrayList<>()).add(s));
		return jdbc.sql("""
				SELECT id, lot_id, hub_code, reserve_code, commodity_code, tonnes, best_before, offer_id, price_per_tonne,
				       currency, sold_tonnes, status, offered_by, offered_at
				FROM rotation.rotation WHERE hub_code = :hub ORDER BY id DESC LIMIT 100
				""").param("hub", hub)
			.query((rs, row) -> {
				List<Salam> drafted = salams.getOrDefault(rs.getLong("id"), List.of());
				// Replenishment as the hub's ledger shows it: the commodity's receipts since the first sale.
				BigDecimal received = drafted.isEmpty() ? BigDecimal.ZERO
						: stock.receivedSince(hub, rs.getString("commodity_code"), drafted.get(0).draftedAt());
				return new Rotation(rs.getLong("id"), rs.getLong("lot_id"), rs.getString("hub_code"),
						rs.getString("reserve_code"), rs.getString("commodity_code"), rs.getBigDecimal("tonnes"),
						rs.getDate("best_before").toLocalDate(), rs.getLong("offer_id"), rs.getBigDecimal("price_per_tonne"),
						rs.getString("currency"), rs.getBigDecimal("sold_tonnes"), rs.getString("status"),
						rs.getString("offered_by"), rs.getTimestamp("offered_at").toInstant(), drafted, received);
			})
			.list();
	}

	/** Whether the reserve of this hub has a trading desk: the page offers to sell only then. */
	@Transactional(readOnly = true)
	public boolean hasDesk(String hubCode) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM rotation.desk WHERE reserve_code = :r)")
			.param("r", hubs.get(hubCode).reserve()).query(Boolean.class).single();
	}

}
