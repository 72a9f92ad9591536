package org.iofs.fse.allocation.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The allocation problem as a linear program (a mixed-integer one when a minimum shipment size is set), solved
 * with OR-Tools: GLOP for the linear program, SCIP for the integer one.
 *
 * <p>A variable is the tonnes of one lot sent along one path (one route, or two with a transfer at another hub) to
 * one demand; only combinations that arrive by the need-by date, within the maximum transit, before the lot's
 * best-before date, and of a commodity the demand accepts are made. Each demand has a slack of unmet tonnes. The
 * objective is transport cost + penalty x priority x unmet tonnes + a small cost per tonne and day of shelf life
 * left, so that of two equal shipments the lot that expires first goes (FEFO). Constraints: a lot gives at most
 * what it holds, a demand is met or left unmet, a route carries at most its capacity. IFPA offers may be supply
 * too (variables {@code y}), at their landed cost, so a plan says which tonnes come from the reserves and which
 * would be bought. Everything is built in a fixed order, so the same input gives the same model and the same plan.
 */
public final class AllocationModel {

	static final double EPSILON = 1e-6;

	/**
	 * What a member state needs: tonnes of a commodity (or of one of its substitutes) at a point by a date; from any
	 * hub, or only from the hubs given (a release request is served from its reserve's hubs).
	 */
	public record Demand(int no, String country, String point, String commodity, Set<String> accepted, double tonnes,
			LocalDate needBy, int priority, Set<String> fromHubs) {

		Demand(int no, String country, String point, String commodity, Set<String> accepted, double tonnes,
				LocalDate needBy, int priority) {
			this(no, country, point, commodity, accepted, tonnes, needBy, priority, null);
		}

		boolean mayComeFrom(String hub) {
			return fromHubs == null || fromHubs.contains(hub);
		}

	}

	/** Stock that may be shipped: an available lot at a hub. */
	public record SupplyLot(long id, String hub, String commodity, double tonnes, LocalDate bestBefore, LocalDate intake) {
	}

	/**
	 * Goods that could be bought on IFPA's board for demands in one member: an offer's open tonnes at its landed cost
	 * there (price plus freight), arriving its transit days after it ships, which it does within its delivery window
	 * and not before the plan's departure day. One offer may appear once per destination; its tonnes are shared.
	 */
	public record OfferSupply(long offer, java.util.UUID seller, String hsCode, String destination, String commodity,
			double tonnes, double landedPerTonne, int transitDays, LocalDate deliveryFrom, LocalDate deliveryUntil) {
	}

	/** One route of the network: to a delivery point, or to another hub (toPoint null). */
	public record Leg(long routeId, String fromHub, String toHub, String toPoint, String mode, double costPerTonne,
			int transitDays, Double capacity) {
	}

	/** How the plan is made; a request's defaults are {@link AllocationPlans}'s. */
	public record Settings(LocalDate departOn, int maxTransitDays, double penaltyPerTonne, double shelfLifeCostPerTonneDay,
			Double minShipmentTonnes, boolean transshipment, long timeLimitMillis) {
	}

	/** A way from a hub to a delivery point: one route, or a transfer to another hub ({@code via}) then a route. */
	record Path(Leg via, Leg last) {

		String origin() {
			return via == null ? last.fromHub() : via.fromHub();
		}

		double cost() {
			return last.costPerTonne() + (via == null ? 0 : via.costPerTonne());
		}

		int transitDays() {
			return last.transitDays() + (via == null ? 0 : via.transitDays());
		}

		String mode() {
			return via == null ? last.mode() : via.mode() + "+" + last.mode();
		}

		boolean uncapacitated() {
			return last.capacity() == null && (via == null || via.capacity() == null);
		}

	}

	public record Line(int demand, SupplyLot lot, Path path, double tonnes, double cost, LocalDate departure,
			LocalDate arrival) {
	}

	/** Tonnes of an offer that the plan would buy for a demand, their landed cost, and when they arrive. */
	public record Purchase(int demand, OfferSupply offer, double tonnes, double cost, LocalDate shipment,
			LocalDate arrival) {
	}

	public record DemandOutcome(int demand, double met, double unmet, UnmetReason reason) {
	}

	public record Result(String status, String solver, double objective, double transportCost, List<Line> lines,
			List<Purchase> purchases, List<DemandOutcome> demands, long solveMillis, int variables, int constraints,
			String mps, String solution) {
	}

	/** A lot sent along a path to a demand: variable x_lot_route_demand of the program. */
	private record Candidate(SupplyLot lot, Path path, Demand demand, int variable) implements LinearProgram.ColumnName {

		@Override
		public void appendTo(StringBuilder out) {
			out.append("x_").append(lot.id()).append('_');
			Paths.appendKey(out, path);
			out.append('_').append(demand.no());
		}

	}

	private record Buy(OfferSupply offer, Demand demand, LocalDate shipment, LocalDate arrival, int variable) {
	}

	private AllocationModel() {
	}

	public static Result solve(List<Demand> demands, List<SupplyLot> lots, List<Leg> legs, Settings settings) {
		return build(demands, lots, List.of(), legs, settings).solve();
	}

	/** A plan that may also buy through IFPA: offers are supply beside the hubs' lots, at their landed cost. */
	public static Result solve(List<Demand> demands, List<SupplyLot> lots, List<OfferSupply> offers, List<Leg> legs,
			Settings settings) {
		return build(demands, lots, offers, legs, settings).solve();
	}

	/**
	 * The model built and written as MPS, not yet solved: what takes time while the solver runs (keeping the MPS
	 * text) can start in between.
	 */
	public static final class Built {

		private final LinearProgram program;

		private final String mps;

		private final List<Candidate> candidates;

		private final List<Buy> buys;

		private final List<Demand> demands;

		private final List<SupplyLot> lots;

		private final List<Leg> legs;

		private final Settings settings;

		private Built(LinearProgram program, List<Candidate> candidates, List<Buy> buys, List<Demand> demands,
				List<SupplyLot> lots, List<Leg> legs, Settings settings) {
			this.program = program;
			this.mps = program.mps();
			this.candidates = candidates;
			this.buys = buys;
			this.demands = demands;
			this.lots = lots;
			this.legs = legs;
			this.settings = settings;
		}

		public String mps() {
			return mps;
		}

		public Result solve() {
			return AllocationModel.solve(this);
		}

	}

	/** Builds the model of a plan; {@link Built#solve()} solves it. */
	public static Built build(List<Demand> demands, List<SupplyLot> lots, List<OfferSupply> offers, List<Leg> legs,
			Settings settings) {
		return build(demands, lots, offers, legs, settings, true);
	}

	/** The model with or without the dearer ways that a cheaper one without a capacity makes useless. */
	static Built build(List<Demand> demands, List<SupplyLot> lots, List<OfferSupply> offers, List<Leg> legs,
			Settings settings, boolean leaveOutDominated) {
		List<Demand> orderedDemands = demands.stream().sorted(Comparator.comparingInt(Demand::no)).toList();
		List<SupplyLot> orderedLots = lots.stream()
			.filter(l -> l.tonnes() > EPSILON && !l.bestBefore().isBefore(settings.departOn()))
			.sorted(Comparator.comparing(SupplyLot::hub).thenComparingLong(SupplyLot::id))
			.toList();
		Map<String, List<Path>> pathsByOrigin = Paths.within(legs, settings.transshipment(), settings.maxTransitDays());
		// The demands at each point that accept each commodity: a lot meets only those of its own commodity.
		Map<String, Map<String, List<Demand>>> demandsByCommodity = new HashMap<>();
		for (Demand d : orderedDemands) {
			for (String commodity : d.accepted()) {
				demandsByCommodity.computeIfAbsent(commodity, k -> new HashMap<>())
					.computeIfAbsent(d.point(), k -> new ArrayList<>())
					.add(d);
			}
		}

		// A lot, an offer and a route are at least 0 by their variables' bounds: their rows state only the upper limit.
		LinearProgram program = new LinearProgram();
		Map<Integer, Integer> demandRows = new HashMap<>();
		for (Demand d : orderedDemands) {
			int u = program.column("u_" + d.no(), 0, d.tonnes(), settings.penaltyPerTonne() * d.priority());
			int row = program.row("demand_" + d.no(), d.tonnes(), d.tonnes());
			program.coefficient(row, u, 1);
			demandRows.put(d.no(), row);
		}

		List<Candidate> candidates = new ArrayList<>();
		Map<Long, Integer> capacityRows = new HashMap<>();
		boolean integer = settings.minShipmentTonnes() != null && settings.minShipmentTonnes() > 0;
		Map<String, Map<String, List<Path>>> byPoint = Paths.byPointCheapestFirst(pathsByOrigin);
		for (SupplyLot lot : orderedLots) {
			int lotRow = -1;
			long shelfDays = ChronoUnit.DAYS.between(settings.departOn(), lot.bestBefore());
			Map<String, List<Demand>> demandsByPoint = demandsByCommodity.getOrDefault(lot.commodity(), Map.of());
			for (Map.Entry<String, List<Path>> point : byPoint.getOrDefault(lot.hub(), Map.of()).entrySet()) {
				for (Demand d : demandsByPoint.getOrDefault(point.getKey(), List.of())) {
					if (!d.mayComeFrom(lot.hub())) {
						continue;
					}
					// Days from departure: a path must arrive by the demand's need-by date and the lot's best-before.
					long latest = Math.min(shelfDays, ChronoUnit.DAYS.between(settings.departOn(), d.needBy()));
					for (Path path : point.getValue()) {
						if (path.transitDays() > latest) {
							continue;
						}
						if (lotRow < 0) {
							lotRow = program.row("lot_" + lot.id(), Double.NEGATIVE_INFINITY, lot.tonnes());
						}
						Candidate candidate = new Candidate(lot, path, d, program.columns());
						int x = program.column(candidate, 0, Math.min(lot.tonnes(), d.tonnes()),
								path.cost() + settings.shelfLifeCostPerTonneDay() * shelfDays);
						program.coefficient(lotRow, x, 1);
						program.coefficient(demandRows.get(d.no()), x, 1);
						if (path.via() != null) {
							capacity(program, capacityRows, path.via(), x);
						}
						capacity(program, capacityRows, path.last(), x);
						candidates.add(candidate);
						// A dearer way of the same lot to the same demand is never needed once a cheaper one without
						// a capacity is there: its tonnes would go the cheaper way at no more cost. Not so with a
						// smallest shipment, where moving tonnes may leave a shipment under the minimum.
						if (leaveOutDominated && !integer && path.uncapacitated()) {
							break;
						}
					}
				}
			}
		}
		List<Buy> buys = buys(program, offers, orderedDemands, demandRows, settings);
		if (integer) {
			MinimumShipments.add(program, candidates.stream()
				.map(c -> new MinimumShipments.Share(c.path().origin() + "_" + Paths.key(c.path()) + "_" + c.demand().no(),
						c.variable(), c.demand().tonnes()))
				.toList(), settings.minShipmentTonnes());
		}
		return new Built(program, candidates, buys, orderedDemands, orderedLots, legs, settings);
	}

	private static Result solve(Built built) {
		LinearProgram program = built.program;
		List<Candidate> candidates = built.candidates;
		List<Buy> buys = built.buys;
		List<Demand> orderedDemands = built.demands;
		List<SupplyLot> orderedLots = built.lots;
		List<Leg> legs = built.legs;
		Settings settings = built.settings;
		String solverName = LinearSolver.solverName(program);
		LinearSolver.Solution solution = LinearSolver.solve(program, settings.timeLimitMillis());
		boolean solved = solution.found();
		double[] values = solution.values();

		List<Line> lines = new ArrayList<>();
		Map<Integer, Double> met = new HashMap<>();
		Map<Long, Double> carried = new HashMap<>();
		double transport = 0;
		if (solved) {
			for (Candidate c : candidates) {
				double tonnes = round3(values[c.variable()]);
				if (tonnes > 0) {
					double cost = round2(tonnes * c.path().cost());
					transport += cost;
					lines.add(new Line(c.demand().no(), c.lot(), c.path(), tonnes, cost, settings.departOn(),
							settings.departOn().plusDays(c.path().transitDays())));
					met.merge(c.demand().no(), tonnes, Double::sum);
					carried.merge(c.path().last().routeId(), tonnes, Double::sum);
					if (c.path().via() != null) {
						carried.merge(c.path().via().routeId(), tonnes, Double::sum);
					}
				}
			}
		}
		List<Purchase> purchases = new ArrayList<>();
		if (solved) {
			for (Buy buy : buys) {
				double tonnes = round3(values[buy.variable()]);
				if (tonnes > 0) {
					purchases.add(new Purchase(buy.demand().no(), buy.offer(), tonnes,
							round2(tonnes * buy.offer().landedPerTonne()), buy.shipment(), buy.arrival()));
					met.merge(buy.demand().no(), tonnes, Double::sum);
				}
			}
		}
		// The reasons are worked out only when some demand is left unmet: fully met plans skip the work.
		UnmetReasons reasons = null;
		List<DemandOutcome> outcomes = new ArrayList<>();
		for (Demand d : orderedDemands) {
			double got = round3(met.getOrDefault(d.no(), 0.0));
			double missing = round3(Math.max(0, d.tonnes() - got));
			if (missing > 0 && solved && reasons == null) {
				reasons = new UnmetReasons(orderedLots, () -> Paths.within(legs, settings.transshipment(), Integer.MAX_VALUE),
						candidates.stream()
					.map(c -> new UnmetReasons.Reach(c.demand().no(), c.path()))
					.toList(), carried, settings);
			}
			outcomes.add(new DemandOutcome(d.no(), got, missing, missing > 0 && solved ? reasons.of(d, missing) : null));
		}
		return new Result(solution.status(), solverName, solution.objective(), round2(transport), lines, purchases,
				outcomes, solution.millis(), program.columns(), program.rows(), built.mps, program.solutionText(solution));
	}

	/** The route's capacity row, made the first time a variable uses the route, when the route has a capacity. */
	private static void capacity(LinearProgram program, Map<Long, Integer> capacityRows, Leg leg, int x) {
		if (leg.capacity() != null) {
			int row = capacityRows.computeIfAbsent(leg.routeId(),
					id -> program.row("capacity_" + id, Double.NEGATIVE_INFINITY, leg.capacity()));
			program.coefficient(row, x, 1);
		}
	}

	/**
	 * A variable for each offer and each demand in its destination that accepts its commodity and that it reaches by
	 * the need-by date; the offer's tonnes are shared among them. Its cost is the landed price: a reserve lot costs
	 * only its freight, so the plan buys what the reserves cannot deliver rather than leave it unmet.
	 */
	private static List<Buy> buys(LinearProgram program, List<OfferSupply> offers, List<Demand> demands,
			Map<Integer, Integer> demandRows, Settings settings) {
		List<Buy> buys = new ArrayList<>();
		Map<Long, Integer> offerRows = new HashMap<>();
		for (OfferSupply offer : offers.stream().sorted(Comparator.comparingLong(OfferSupply::offer)
			.thenComparing(OfferSupply::destination)).toList()) {
			LocalDate shipment = offer.deliveryFrom().isAfter(settings.departOn()) ? offer.deliveryFrom()
					: settings.departOn();
			LocalDate arrival = shipment.plusDays(offer.transitDays());
			if (offer.tonnes() <= EPSILON || shipment.isAfter(offer.deliveryUntil())
					|| offer.transitDays() > settings.maxTransitDays()) {
				continue;
			}
			for (Demand d : demands) {
				if (!d.country().equals(offer.destination()) || !d.accepted().contains(offer.commodity())
						|| arrival.isAfter(d.needBy())) {
					continue;
				}
				int y = program.column("y_" + offer.offer() + "_" + d.no(), 0, Math.min(offer.tonnes(), d.tonnes()),
						offer.landedPerTonne());
				int offerRow = offerRows.computeIfAbsent(offer.offer(),
						id -> program.row("offer_" + id, Double.NEGATIVE_INFINITY, offer.tonnes()));
				program.coefficient(offerRow, y, 1);
				program.coefficient(demandRows.get(d.no()), y, 1);
				buys.add(new Buy(offer, d, shipment, arrival, y));
			}
		}
		return buys;
	}

	static double round3(double tonnes) {
		return Math.round(tonnes * 1000) / 1000.0;
	}

	static double round2(double usd) {
		return Math.round(usd * 100) / 100.0;
	}

}
