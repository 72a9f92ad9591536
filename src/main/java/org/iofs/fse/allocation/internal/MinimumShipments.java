package org.iofs.fse.allocation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimum shipment size makes the plan a mixed-integer program: a shipment (one path from a hub to one demand,
 * whatever lots it carries) either does not go, or carries at least the minimum. One binary per shipment y, with
 * min x y <= sum of its lots' tonnes <= most x y, where most is what the demand asks.
 */
final class MinimumShipments {

	/** The tonnes of one lot (a variable of the program) in the shipment named {@code shipment}, at most {@code most}. */
	record Share(String shipment, int tonnes, double most) {
	}

	private MinimumShipments() {
	}

	static void add(LinearProgram program, List<Share> shares, double minimum) {
		Map<String, List<Share>> byShipment = new LinkedHashMap<>();
		shares.forEach(s -> byShipment.computeIfAbsent(s.shipment(), k -> new ArrayList<>()).add(s));
		byShipment.forEach((shipment, parts) -> {
			double most = parts.get(0).most();
			int goes = program.binary("y_" + shipment, 0);
			// sum - min * y >= 0 and sum - most * y <= 0
			int atLeast = program.row("min_" + shipment, 0, Double.POSITIVE_INFINITY);
			int atMost = program.row("max_" + shipment, Double.NEGATIVE_INFINITY, 0);
			for (Share part : parts) {
				program.coefficient(atLeast, part.tonnes(), 1);
				program.coefficient(atMost, part.tonnes(), 1);
			}
			program.coefficient(atLeast, goes, -minimum);
			program.coefficient(atMost, goes, -most);
		});
	}

}
