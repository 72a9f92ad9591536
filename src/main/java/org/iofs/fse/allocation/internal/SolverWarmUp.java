package org.iofs.fse.allocation.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A made-up plan, held in memory only, that the platform builds and solves a few times once it is ready
 * ({@link SolverPreload}). The first plan after a start otherwise ran the model's building, its MPS text, its
 * compression and OR-Tools' Java side before the JIT compiler had seen them: 150 to 250 ms longer than the plans
 * after it (bench/allocation-plan.sh), enough to take a 60-hub plan over its second. Nothing is read or saved, and
 * no name here is a real hub, member or route.
 */
final class SolverWarmUp {

	/**
	 * A network of the size IOFS plans on (sixty hubs, a point in each of the 57 members): a made-up plan of 16 hubs
	 * and 24 points, three times in 154 ms, left the first 500-hub plan after a start at 4.1 to 5.2 s; this one,
	 * three times in about a second on a thread of its own, at 3.5 to 3.8 s (bench/README.md).
	 */
	static final int HUBS = 60;

	static final int POINTS = 57;

	static final List<String> COMMODITIES = List.of("wheat", "rice", "maize");

	static final List<String> MODES = List.of("ROAD", "RAIL", "SEA");

	private SolverWarmUp() {
	}

	/** The made-up plan for a departure on {@code today}: every hub holds every commodity, every point needs it. */
	static AllocationModel.Built problem(LocalDate today) {
		List<AllocationModel.SupplyLot> lots = new ArrayList<>();
		List<AllocationModel.Leg> legs = new ArrayList<>();
		long id = 1;
		for (int h = 0; h < HUBS; h++) {
			for (String commodity : COMMODITIES) {
				for (int l = 0; l < 2; l++) {
					lots.add(new AllocationModel.SupplyLot(id++, "H" + h, commodity, 300 + 97 * ((h + l) % 11),
							today.plusDays(30 + 41L * ((h + l) % 9)), today.minusDays(10 + h)));
				}
			}
			for (int p = 0; p < POINTS; p++) {
				for (int m = 0; m < MODES.size(); m++) {
					// Dearer ways that arrive sooner, and every fourth route with a capacity, as on a real network.
					legs.add(new AllocationModel.Leg(id++, "H" + h, null, "P" + p, MODES.get(m),
							20 + (h * 7 + p * 13) % 50 + 15 * (MODES.size() - m), 2 + (h + p) % 12 + 4 * m,
							(h + p + m) % 4 == 0 ? 400.0 + 50 * p : null));
				}
			}
			legs.add(new AllocationModel.Leg(id++, "H" + h, "H" + ((h + 1) % HUBS), null, "ROAD", 8 + h % 5, 2, null));
		}
		List<AllocationModel.Demand> demands = new ArrayList<>();
		for (int p = 0; p < POINTS; p++) {
			for (String commodity : COMMODITIES) {
				demands.add(new AllocationModel.Demand(demands.size() + 1, "W" + p, "P" + p, commodity, Set.of(commodity),
						150 + 40 * (p % 7), today.plusDays(15 + p % 30), 1 + p % 5));
			}
		}
		return AllocationModel.build(demands, lots, List.of(), legs,
				new AllocationModel.Settings(today, 45, 10_000, 0.001, null, true, 10_000));
	}

}
