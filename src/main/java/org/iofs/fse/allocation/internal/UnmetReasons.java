package org.iofs.fse.allocation.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Why a demand is left (partly) unmet, from the solved model: no stock of an accepted commodity at all; no path
 * reaches its delivery point; paths reach it but not by the need-by date (or not within the maximum transit); stock
 * would arrive after its best-before date; a route it could use is full; a remainder below the minimum shipment; or
 * what could reach it in time was not enough (or went to demands of higher priority, or cheaper to serve).
 */
final class UnmetReasons {

	/** A demand that a path could serve with some lot (a variable of the model). */
	record Reach(int demand, AllocationModel.Path path) {
	}

	private final List<AllocationModel.SupplyLot> lots;

	// Paths of any length, to tell "no route" from "no route in time"; enumerated at the first demand that no path
	// reached in time.
	private final Supplier<Map<String, List<AllocationModel.Path>>> allPaths;

	private Map<String, List<AllocationModel.Path>> pathsByOrigin;

	private final Map<Integer, List<AllocationModel.Path>> reachByDemand = new HashMap<>();

	private final Map<Long, Double> carriedByRoute;

	private final AllocationModel.Settings settings;

	UnmetReasons(List<AllocationModel.SupplyLot> lots, Supplier<Map<String, List<AllocationModel.Path>>> allPaths,
			List<Reach> reaches, Map<Long, Double> carriedByRoute, AllocationModel.Settings settings) {
		this.lots = lots;
		this.allPaths = allPaths;
		this.carriedByRoute = carriedByRoute;
		this.settings = settings;
		reaches.forEach(r -> reachByDemand.computeIfAbsent(r.demand(), k -> new ArrayList<>()).add(r.path()));
	}

	UnmetReason of(AllocationModel.Demand demand, double missing) {
		List<AllocationModel.Path> reach = reachByDemand.get(demand.no());
		if (reach == null) {
			return unreachable(demand);
		}
		Double minimum = settings.minShipmentTonnes();
		if (minimum != null && minimum > 0 && missing < minimum) {
			return UnmetReason.MIN_SHIPMENT;
		}
		for (AllocationModel.Path path : reach) {
			if (full(path.last()) || (path.via() != null && full(path.via()))) {
				return UnmetReason.CAPACITY;
			}
		}
		return UnmetReason.NOT_ENOUGH_STOCK;
	}

	private UnmetReason unreachable(AllocationModel.Demand demand) {
		Set<String> accepted = demand.accepted();
		List<AllocationModel.SupplyLot> stock = lots.stream()
			.filter(l -> accepted.contains(l.commodity()) && demand.mayComeFrom(l.hub()))
			.toList();
		if (stock.isEmpty()) {
			return UnmetReason.NO_STOCK;
		}
		if (pathsByOrigin == null) {
			pathsByOrigin = allPaths.get();
		}
		boolean anyPath = false;
		boolean inTime = false;
		for (AllocationModel.SupplyLot lot : stock) {
			for (AllocationModel.Path path : pathsByOrigin.getOrDefault(lot.hub(), List.of())) {
				if (!demand.point().equals(path.last().toPoint())) {
					continue;
				}
				anyPath = true;
				LocalDate arrival = settings.departOn().plusDays(path.transitDays());
				if (!arrival.isAfter(demand.needBy()) && path.transitDays() <= settings.maxTransitDays()) {
					inTime = true;
				}
			}
		}
		if (!anyPath) {
			return UnmetReason.NO_ROUTE;
		}
		return inTime ? UnmetReason.EXPIRES_BEFORE_ARRIVAL : UnmetReason.NO_ROUTE_IN_TIME;
	}

	private boolean full(AllocationModel.Leg leg) {
		return leg.capacity() != null
				&& carriedByRoute.getOrDefault(leg.routeId(), 0.0) >= leg.capacity() - AllocationModel.EPSILON;
	}

}
