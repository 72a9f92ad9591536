package org.iofs.fse.allocation.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.reserves.Hubs;
import org.iofs.fse.shared.NotFoundException;
import org.iofs.fse.shared.PageOf;
import org.iofs.fse.shared.RecordRowMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plans as solved, for the Secretariat: summary, demands met and unmet with the reason, lines, flows for the map. */
@Service
public class PlanReads {

	public record Summary(long id, String label, Long baselineId, String status, String solver, Double objective,
			BigDecimal transportCost, BigDecimal unmetTonnes, int variables, int constraints, long solveMillis,
			String createdBy, Instant createdAt, Instant dispatchesDraftedAt) {
	}

	public record DemandRow(int demandNo, String country, String commodity, String substitutes, BigDecimal tonnes,
			LocalDate needBy, int priority, String deliveryPoint, Long releaseRequestId, BigDecimal metTonnes,
			BigDecimal unmetTonnes, String unmetReason) {
	}

	public record LineRow(int lineNo, int demandNo, long lotId, String hubCode, String commodity, long routeId,
			Long viaRouteId, String viaHub, String mode, BigDecimal tonnes, BigDecimal cost, LocalDate departure,
			LocalDate arrival) {
	}

	/** Tonnes from a hub to a delivery point by a mode (through another hub when via is set), for the map. */
	/** Tonnes from a hub to a delivery point by a mode; the names in the reader's language, for the map. */
	public record Flow(String hub, String hubName, BigDecimal hubLatitude, BigDecimal hubLongitude, String via,
			String point, String pointName, BigDecimal pointLatitude, BigDecimal pointLongitude, String mode,
			BigDecimal tonnes) {
	}

	/** Tonnes the plan would buy through IFPA for a demand: the offer on the board and its landed cost. */
	public record PurchaseRow(int purchaseNo, int demandNo, long offerId, java.util.UUID sellerId, String hsCode,
			String commodity, BigDecimal tonnes, BigDecimal landedPerTonne, BigDecimal cost, LocalDate shipment,
			LocalDate arrival) {
	}

	/**
	 * The buy side of a demand as a request for quotation to draft on IFPA's board: the tonnes the plan would buy,
	 * delivered to the demand's member between the first shipment and the need-by date, inviting the sellers whose
	 * offers the plan chose (the member's buying company sends it; the Secretariat does not trade).
	 */
	public record RfqDraft(int demandNo, String commodity, String hsCode, BigDecimal tonnes, String destination,
			LocalDate deliveryFrom, LocalDate deliveryUntil, List<java.util.UUID> invited) {
	}

	public record Plan(Summary summary, JsonNode request, List<DemandRow> demands, List<LineRow> lines,
			List<PurchaseRow> purchases) {

		/** Tonnes shipped from the reserves' hubs. */
		@com.fasterxml.jackson.annotation.JsonProperty
		public BigDecimal reserveTonnes() {
			return lines.stream().map(LineRow::tonnes).reduce(BigDecimal.ZERO, BigDecimal::add);
		}

		/** One request for quotation per demand that buys through IFPA. */
		@com.fasterxml.jackson.annotation.JsonProperty
		public List<RfqDraft> rfqDrafts() {
			List<RfqDraft> drafts = new java.util.ArrayList<>();
			for (DemandRow demand : demands) {
				List<PurchaseRow> bought = purchases.stream().filter(p -> p.demandNo() == demand.demandNo()).toList();
				if (!bought.isEmpty()) {
					drafts.add(new RfqDraft(demand.demandNo(), bought.get(0).commodity(), bought.get(0).hsCode(),
							bought.stream().map(PurchaseRow::tonnes).reduce(BigDecimal.ZERO, BigDecimal::add),
							demand.country(), bought.stream().map(PurchaseRow::shipment).min(LocalDate::compareTo).get(),
							demand.needBy(), bought.stream().map(PurchaseRow::sellerId).distinct().toList()));
				}
			}
			return drafts;
		}

		/** Tonnes that would be bought through IFPA. */
		@com.fasterxml.jackson.annotation.JsonProperty
		public BigDecimal purchasedTonnes() {
			return purchases.stream().map(PurchaseRow::tonnes).reduce(BigDecimal.ZERO, BigDecimal::add);
		}

	}

	static final String SUMMARY = """
			SELECT id, label, baseline_id, status, solver, objective, transport_cost, unmet_tonnes, variables,
			       constraints, solve_millis, created_by, created_at, dispatches_drafted_at
			FROM allocation.plan
			""";

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final JsonMapper json;

	private final Hubs hubs;

	PlanReads(JdbcClient jdbc, AccessPolicy access, JsonMapper json, Hubs hubs) {
		this.hubs = hubs;
		this.jdbc = jdbc;
		this.access = access;
		this.json = json;
	}

	@Transactional(readOnly = true)
	public PageOf<Summary> list(int page, int size) {
		access.require(Action.PLAN_ALLOCATION);
		PageOf.checkRequest(page, size);
		List<Summary> items = jdbc.sql(SUMMARY + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
			.param("limit", size).param("offset", (long) page * size).query(RecordRowMapper.of(Summary.class)).list();
		long total = jdbc.sql("SELECT count(*) FROM allocation.plan").query(Long.class).single();
		return new PageOf<>(items, page, size, total);
	}

	@Transactional(readOnly = true)
	public Plan get(long id) {
		Summary summary = summary(id);
		JsonNode request = json.readTree(jdbc.sql("SELECT settings::text FROM allocation.plan WHERE id = :id")
			.param("id", id).query(String.class).single());
		List<DemandRow> demands = jdbc.sql("""
				SELECT demand_no, country_iso3 AS country, commodity_code AS commodity,
				       array_to_string(substitutes, ',') AS substitutes, tonnes, need_by, priority, delivery_point,
				       release_request_id, met_tonnes, unmet_tonnes, unmet_reason
				FROM allocation.plan_demand WHERE plan_id = :id ORDER BY demand_no
				""").param("id", id).query(RecordRowMapper.of(DemandRow.class)).list();
		List<LineRow> lines = jdbc.sql("""
				SELECT line_no, demand_no, lot_id, hub_code, commodity_code AS commodity, route_id, via_route_id, via_hub,
				       mode, tonnes, cost, departure, arrival
				FROM allocation.plan_line WHERE plan_id = :id ORDER BY line_no
				""").param("id", id).query(RecordRowMapper.of(LineRow.class)).list();
		List<PurchaseRow> purchases = jdbc.sql("""
				SELECT purchase_no, demand_no, offer_id, seller_id, hs_code, commodity_code AS commodity, tonnes,
				       landed_per_tonne, cost, shipment, arrival
				FROM allocation.plan_purchase WHERE plan_id = :id ORDER BY purchase_no
				""").param("id", id).query(RecordRowMapper.of(PurchaseRow.class)).list();
		return new Plan(summary, request, demands, lines, purchases);
	}

	@Transactional(readOnly = true)
	public Summary summary(long id) {
		access.require(Action.PLAN_ALLOCATION);
		return jdbc.sql(SUMMARY + " WHERE id = :id").param("id", id).query(RecordRowMapper.of(Summary.class)).optional()
			.orElseThrow(() -> new NotFoundException("plan", Long.toString(id)));
	}

	/** The model as solved, in MPS format (free MPS, names kept). */
	@Transactional(readOnly = true)
	public String mps(long id) {
		summary(id);
		return jdbc.sql("SELECT model_mps, model_mps_gzip FROM allocation.plan WHERE id = :id").param("id", id)
			.query((rs, n) -> {
				byte[] gzipped = rs.getBytes(2);
				return gzipped == null ? rs.getString(1) : ModelText.gunzip(gzipped);
			})
			.single();
	}

	/** The model as kept, gzipped, for a reader that takes it so; empty for plans saved before models were gzipped. */
	@Transactional(readOnly = true)
	public Optional<byte[]> gzippedMps(long id) {
		summary(id);
		return Optional.ofNullable(jdbc.sql("SELECT model_mps_gzip FROM allocation.plan WHERE id = :id").param("id", id)
			.query((rs, n) -> rs.getBytes(1))
			.single());
	}

	/** The solver's status, objective, and the value of every non-zero variable, one per line. */
	@Transactional(readOnly = true)
	public String solution(long id) {
		summary(id);
		return jdbc.sql("SELECT solution FROM allocation.plan WHERE id = :id").param("id", id).query(String.class)
			.single();
	}

	@Transactional(readOnly = true)
	public List<Flow> flows(long id, java.util.Locale locale) {
		summary(id);
		// Where each hub lies comes from the reserves module, not its table.
		java.util.Map<String, Hubs.Hub> byCode = hubs.all().stream()
			.collect(java.util.stream.Collectors.toMap(Hubs.Hub::code, h -> h));
		return jdbc.sql("""
				SELECT l.hub_code AS hub, l.via_hub AS via, d.delivery_point AS point,
				       CASE :language WHEN 'ar' THEN coalesce(p.name_ar, p.name) WHEN 'fr' THEN coalesce(p.name_fr, p.name)
				                      ELSE p.name END AS point_name,
				       p.latitude AS point_latitude, p.longitude AS point_longitude, l.mode, sum(l.tonnes) AS tonnes
				FROM allocation.plan_line l
				JOIN allocation.plan_demand d ON d.plan_id = l.plan_id AND d.demand_no = l.demand_no
				JOIN allocation.delivery_point p ON p.code = d.delivery_point
				WHERE l.plan_id = :id
				GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 3, 7
				""").param("id", id).param("language", locale.getLanguage()).query((rs, n) -> {
					Hubs.Hub hub = byCode.get(rs.getString("hub"));
					return new Flow(rs.getString("hub"), hub == null ? rs.getString("hub") : hub.name(locale),
							hub == null ? null : hub.latitude(),
							hub == null ? null : hub.longitude(), rs.getString("via"), rs.getString("point"),
							rs.getString("point_name"), rs.getBigDecimal("point_latitude"),
							rs.getBigDecimal("point_longitude"), rs.getString("mode"), rs.getBigDecimal("tonnes"));
				}).list();
	}

}
