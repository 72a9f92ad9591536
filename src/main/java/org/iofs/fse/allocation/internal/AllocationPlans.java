package org.iofs.fse.allocation.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.reserves.DraftDispatches;
import org.iofs.fse.reserves.HubStock;
import org.iofs.fse.reserves.Hubs;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.NotFoundException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Solves plans: reads the demands (given, or the approved release requests waiting for dispatch), the lots that may
 * be shipped and the open routes, solves the model, and keeps the plan with its model and solution. A what-if plan
 * solves its baseline's demands again with routes closed or hubs emptied. The Secretariat plans; each plan is
 * audited.
 */
@Service
public class AllocationPlans {

	static final int DEFAULT_MAX_TRANSIT_DAYS = 45;

	private static final Caller PLATFORM = new Caller(null, "platform", "Platform", null, Set.of());

	static final double DEFAULT_PENALTY = 10_000;

	static final double DEFAULT_SHELF_LIFE_COST = 0.001;

	static final int DEFAULT_TIME_LIMIT_SECONDS = 60;

	static final int MAX_DEMANDS = 2_000;

	static final BigDecimal MAX_TONNES = new BigDecimal("99999999999.999");

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Countries countries;

	private final Commodities commodities;

	private final TransportNetwork network;

	private final HubStock stock;

	private final DraftDispatches drafts;

	private final Hubs hubs;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate readOnly;

	private final TransactionTemplate readWrite;

	private final PlanPurchases purchases;

	private final SolverThreads solverThreads;

	AllocationPlans(JdbcClient jdbc, JdbcTemplate template, AccessPolicy access, AuditTrail audit, Countries countries,
			Commodities commodities, TransportNetwork network, HubStock stock, DraftDispatches drafts, Hubs hubs,
			JsonMapper json, Clock clock, PlatformTransactionManager transactions, PlanPurchases purchases,
			SolverThreads solverThreads) {
		this.purchases = purchases;
		this.solverThreads = solverThreads;
		this.clock = clock;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.readWrite = new TransactionTemplate(transactions);
		this.hubs = hubs;
		this.jdbc = jdbc;
		this.template = template;
		this.access = access;
		this.audit = audit;
		this.countries = countries;
		this.commodities = commodities;
		this.network = network;
		this.stock = stock;
		this.drafts = drafts;
		this.json = json;
	}

	/**
	 * Solves a plan and keeps it; the answer is its id. Not one transaction on purpose: the inputs are read in a
	 * short read-only transaction, the solver (up to its time limit) runs with no connection held, and the plan is
	 * saved in a short write transaction.
	 */
	public long solve(PlanRequest request) {
		Caller caller = access.require(Action.PLAN_ALLOCATION);
		return solveAndSave(request, null, caller);
	}

	/**
	 * Solves a plan the platform asks for itself (a response proposal's), recorded as made by "platform"; the module
	 * that asks checks its own callers. Never inside a transaction, as {@link #solve}.
	 */
	public long solveForPlatform(PlanRequest request) {
		return solveAndSave(request, null, PLATFORM);
	}

	/** Solves the demands of a plan again, with its settings changed as asked (routes closed, hubs emptied). */
	public long whatIf(long baseline, PlanRequest.SettingsInput change, String label) {
		Caller caller = access.require(Action.PLAN_ALLOCATION);
		PlanRequest before = json.readValue(jdbc.sql("SELECT settings::text FROM allocation.plan WHERE id = :id")
			.param("id", baseline).query(String.class).optional()
			.orElseThrow(() -> new NotFoundException("plan", Long.toString(baseline))), PlanRequest.class);
		PlanRequest.SettingsInput settings = (before.settings() == null ? PlanRequest.SettingsInput.NONE : before.settings())
			.with(change == null ? PlanRequest.SettingsInput.NONE : change);
		return solveAndSave(new PlanRequest(label == null || label.isBlank() ? "what-if of plan " + baseline : label,
				before.demands(), false, settings, before.ifpaOffers()), baseline, caller);
	}

	/** What the solver needs, read in one read-only transaction. */
	private record Inputs(List<PlanRequest.DemandInput> demandInputs, List<AllocationModel.Demand> demands,
			List<AllocationModel.SupplyLot> lots, List<AllocationModel.OfferSupply> offers,
			List<AllocationModel.Leg> legs) {
	}

	private long solveAndSave(PlanRequest request, Long baseline, Caller caller) {
		PlanRequest.SettingsInput in = request.settings() == null ? PlanRequest.SettingsInput.NONE : request.settings();
		AllocationModel.Settings settings = settings(in);
		Inputs inputs = readOnly.execute(status -> inputs(request, in));
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			// A solve takes up to its time limit; inside a transaction it would hold a pooled connection (and any
			// locks taken) all that time.
			throw new IllegalStateException("The allocation solver must not run inside a transaction");
		}
		AllocationModel.Built model = AllocationModel.build(inputs.demands(), inputs.lots(), inputs.offers(), inputs.legs(),
				settings);
		// The model's text is compressed for keeping on the other core while the solver runs on its own thread.
		CompletableFuture<byte[]> kept = CompletableFuture.supplyAsync(() -> ModelText.gzip(model.mps()));
		AllocationModel.Result result = solverThreads.run(model::solve);
		byte[] mps = kept.join();
		return readWrite.execute(status -> save(request, baseline, caller, in, inputs, result, mps));
	}

	private Inputs inputs(PlanRequest request, PlanRequest.SettingsInput in) {
		List<PlanRequest.DemandInput> demandInputs = new ArrayList<>(request.demands() == null ? List.of() : request.demands());
		if (Boolean.TRUE.equals(request.fromApprovedRequests())) {
			// A release comes from its own reserve's hubs.
			Map<String, List<String>> hubsOfReserve = new HashMap<>();
			hubs.all().stream().filter(h -> h.reserve() != null)
				.forEach(h -> hubsOfReserve.computeIfAbsent(h.reserve(), k -> new ArrayList<>()).add(h.code()));
			drafts.awaiting().forEach(r -> demandInputs.add(new PlanRequest.DemandInput(r.country(), r.commodity(),
					r.tonnes(), r.needBy(), priorityOfTier(r.tier()), List.of(), null, r.id(),
					hubsOfReserve.getOrDefault(r.reserve(), List.of()))));
		}
		if (demandInputs.isEmpty()) {
			throw new InvalidInputException("demands", "give at least one demand, or plan the approved release requests");
		}
		if (demandInputs.size() > MAX_DEMANDS) {
			throw new InvalidInputException("demands", "at most " + MAX_DEMANDS + " demands in one plan");
		}
		Map<String, String> mainPoints = network.mainPoints();
		List<AllocationModel.Demand> demands = new ArrayList<>();
		for (int i = 0; i < demandInputs.size(); i++) {
			demands.add(demand(i + 1, demandInputs.get(i), mainPoints));
		}
		Set<String> emptied = new HashSet<>(in.emptyHubs() == null ? List.of()
				: in.emptyHubs().stream().map(h -> h.strip().toUpperCase(Locale.ROOT)).toList());
		List<AllocationModel.SupplyLot> lots = stock.availableLots()
			.stream()
			.filter(l -> !emptied.contains(l.hub()))
			.map(l -> new AllocationModel.SupplyLot(l.id(), l.hub(), l.commodity(), l.onHand().doubleValue(),
					l.bestBefore(), l.intakeDate()))
			.toList();
		List<AllocationModel.Leg> legs = network.openLegs(Set.copyOf(in.closedRoutes() == null ? List.of() : in.closedRoutes()));
		List<AllocationModel.OfferSupply> offered = Boolean.TRUE.equals(request.ifpaOffers())
				? purchases.offersFor(demands, in.departOn() == null ? LocalDate.now(clock) : in.departOn()) : List.of();
		return new Inputs(demandInputs, demands, lots, offered, legs);
	}

	private long save(PlanRequest request, Long baseline, Caller caller, PlanRequest.SettingsInput in, Inputs inputs,
			AllocationModel.Result result, byte[] gzippedMps) {
		List<PlanRequest.DemandInput> demandInputs = inputs.demandInputs();
		List<AllocationModel.Demand> demands = inputs.demands();
		// What was asked is kept as given (with the release requests drawn in), so a what-if asks the same again.
		PlanRequest kept = new PlanRequest(request.label(), demandInputs, false, in, request.ifpaOffers());
		long id = jdbc.sql("""
				INSERT INTO allocation.plan (label, baseline_id, settings, status, solver, objective, transport_cost,
				    unmet_tonnes, variables, constraints, solve_millis, model_mps_gzip, solution, created_by)
				VALUES (:label, :baseline, CAST(:settings AS jsonb), :status, :solver, :objective, :transport, :unmet,
				        :variables, :constraints, :millis, :mps, :solution, :by)
				RETURNING id
				""")
			.param("label", request.label() == null ? "" : request.label().strip())
			.param("baseline", baseline)
			.param("settings", json.writeValueAsString(kept))
			.param("status", result.status())
			.param("solver", result.solver())
			.param("objective", Double.isNaN(result.objective()) ? null : result.objective())
			.param("transport", BigDecimal.valueOf(result.transportCost()))
			.param("unmet", BigDecimal.valueOf(result.demands().stream().mapToDouble(AllocationModel.DemandOutcome::unmet).sum()))
			.param("variables", result.variables())
			.param("constraints", result.constraints())
			.param("millis", result.solveMillis())
			.param("mps", gzippedMps)
			.param("solution", result.solution())
			.param("by", caller.username())
			.query(Long.class)
			.single();
		saveDemands(id, demands, demandInputs, result);
		saveLines(id, result);
		purchases.save(id, result);
		audit.record("allocation.plan-solved", "allocation-plan", id, null, Map.of("status", result.status(),
				"objective", String.valueOf(result.objective()), "demands", demands.size(), "lines", result.lines().size(),
				"purchases", result.purchases().size(),
				"baseline", baseline == null ? "" : baseline.toString()));
		return id;
	}

	/** Humanitarian releases (tier 3) first, then spot (2), then forward contracts (1). */
	public static int priorityOfTier(int tier) {
		return switch (tier) {
			case 3 -> 5;
			case 2 -> 3;
			default -> 2;
		};
	}

	private AllocationModel.Settings settings(PlanRequest.SettingsInput in) {
		int maxTransit = in.maxTransitDays() == null ? DEFAULT_MAX_TRANSIT_DAYS : in.maxTransitDays();
		if (maxTransit < 1 || maxTransit > 365) {
			throw new InvalidInputException("settings.maxTransitDays", "must be 1 to 365 days");
		}
		double penalty = in.penaltyPerTonne() == null ? DEFAULT_PENALTY : in.penaltyPerTonne().doubleValue();
		if (penalty <= 0) {
			throw new InvalidInputException("settings.penaltyPerTonne", "must be more than 0 USD");
		}
		double shelf = in.shelfLifeCostPerTonneDay() == null ? DEFAULT_SHELF_LIFE_COST
				: in.shelfLifeCostPerTonneDay().doubleValue();
		if (shelf < 0) {
			throw new InvalidInputException("settings.shelfLifeCostPerTonneDay", "must be 0 or more");
		}
		if (in.minShipmentTonnes() != null && in.minShipmentTonnes().signum() <= 0) {
			throw new InvalidInputException("settings.minShipmentTonnes", "must be more than 0 tonnes, or left out");
		}
		int seconds = in.timeLimitSeconds() == null ? DEFAULT_TIME_LIMIT_SECONDS : in.timeLimitSeconds();
		if (seconds < 1 || seconds > 600) {
			throw new InvalidInputException("settings.timeLimitSeconds", "must be 1 to 600 seconds");
		}
		LocalDate depart = in.departOn() == null ? LocalDate.now(clock) : in.departOn();
		if (depart.isBefore(LocalDate.now(clock))) {
			throw new InvalidInputException("settings.departOn", "is in the past");
		}
		return new AllocationModel.Settings(depart, maxTransit, penalty, shelf,
				in.minShipmentTonnes() == null ? null : in.minShipmentTonnes().doubleValue(),
				in.transshipment() == null || in.transshipment(), seconds * 1000L);
	}

	private AllocationModel.Demand demand(int no, PlanRequest.DemandInput in, Map<String, String> mainPoints) {
		String field = "demands[" + (no - 1) + "]";
		String country = countries.find(in.country() == null ? "" : in.country().strip())
			.orElseThrow(() -> new InvalidInputException(field + ".country", "must be the ISO3 code of an OIC member state"))
			.iso3();
		String commodity = commodity(in.commodity(), field + ".commodity");
		Set<String> accepted = new LinkedHashSet<>();
		accepted.add(commodity);
		for (String substitute : in.substitutes() == null ? List.<String>of() : in.substitutes()) {
			accepted.add(commodity(substitute, field + ".substitutes"));
		}
		if (in.tonnes() == null || in.tonnes().signum() <= 0 || in.tonnes().scale() > 3) {
			throw new InvalidInputException(field + ".tonnes", "must be more than 0 tonnes, with at most 3 decimals");
		}
		if (in.needBy() == null) {
			throw new InvalidInputException(field + ".needBy", "is required");
		}
		if (in.needBy().isAfter(LocalDate.now(clock).plusYears(5))) {
			throw new InvalidInputException(field + ".needBy", "is more than five years ahead");
		}
		if (in.tonnes().compareTo(MAX_TONNES) > 0) {
			throw new InvalidInputException(field + ".tonnes", "is implausibly large");
		}
		int priority = in.priority() == null ? 3 : in.priority();
		if (priority < 1 || priority > 5) {
			throw new InvalidInputException(field + ".priority", "must be 1 (lowest) to 5 (highest)");
		}
		String point;
		if (in.deliveryPoint() != null && !in.deliveryPoint().isBlank()) {
			point = in.deliveryPoint().strip().toUpperCase(Locale.ROOT);
			String pointCountry = jdbc.sql("SELECT country_iso3 FROM allocation.delivery_point WHERE code = :c")
				.param("c", point).query(String.class).optional()
				.orElseThrow(() -> new InvalidInputException(field + ".deliveryPoint", "is not a delivery point"));
			if (!pointCountry.equals(country)) {
				throw new InvalidInputException(field + ".deliveryPoint", "is not in " + country);
			}
		}
		else {
			point = Optional.ofNullable(mainPoints.get(country))
				.orElseThrow(() -> new InvalidInputException(field + ".country", country + " has no delivery point yet"));
		}
		Set<String> fromHubs = in.fromHubs() == null ? null
				: in.fromHubs().stream().map(h -> h.strip().toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
		return new AllocationModel.Demand(no, country, point, commodity, accepted, in.tonnes().doubleValue(), in.needBy(),
				priority, fromHubs);
	}

	private String commodity(String code, String field) {
		return commodities.find(code == null ? "" : code.strip().toLowerCase(Locale.ROOT))
			.orElseThrow(() -> new InvalidInputException(field, "'" + code + "' is not a commodity"))
			.code();
	}

	private void saveDemands(long plan, List<AllocationModel.Demand> demands, List<PlanRequest.DemandInput> inputs,
			AllocationModel.Result result) {
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < demands.size(); i++) {
			AllocationModel.Demand d = demands.get(i);
			AllocationModel.DemandOutcome outcome = result.demands().get(i);
			rows.add(new Object[] { plan, d.no(), d.country(), d.commodity(),
					d.accepted().stream().filter(c -> !c.equals(d.commodity())).toArray(String[]::new),
					BigDecimal.valueOf(d.tonnes()), Date.valueOf(d.needBy()), d.priority(), d.point(),
					inputs.get(i).releaseRequest(), BigDecimal.valueOf(outcome.met()), BigDecimal.valueOf(outcome.unmet()),
					outcome.reason() == null ? null : outcome.reason().name() });
		}
		template.batchUpdate("""
				INSERT INTO allocation.plan_demand (plan_id, demand_no, country_iso3, commodity_code, substitutes, tonnes,
				    need_by, priority, delivery_point, release_request_id, met_tonnes, unmet_tonnes, unmet_reason)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", rows, 500, (ps, r) -> {
			// The substitutes travel as a SQL array.
			for (int c = 0; c < r.length; c++) {
				if (r[c] instanceof String[] array) {
					ps.setArray(c + 1, ps.getConnection().createArrayOf("text", array));
				}
				else {
					ps.setObject(c + 1, r[c]);
				}
			}
		});
	}

	private void saveLines(long plan, AllocationModel.Result result) {
		List<Object[]> rows = new ArrayList<>();
		int no = 0;
		for (AllocationModel.Line line : result.lines()) {
			AllocationModel.Path path = line.path();
			rows.add(new Object[] { plan, ++no, line.demand(), line.lot().id(), line.lot().hub(), line.lot().commodity(),
					path.last().routeId(), path.via() == null ? null : path.via().routeId(),
					path.via() == null ? null : path.via().toHub(), path.mode(), BigDecimal.valueOf(line.tonnes()),
					BigDecimal.valueOf(line.cost()), Date.valueOf(line.departure()), Date.valueOf(line.arrival()) });
		}
		template.batchUpdate("""
				INSERT INTO allocation.plan_line (plan_id, line_no, demand_no, lot_id, hub_code, commodity_code, route_id,
				    via_route_id, via_hub, mode, tonnes, cost, departure, arrival)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", rows);
	}

}
