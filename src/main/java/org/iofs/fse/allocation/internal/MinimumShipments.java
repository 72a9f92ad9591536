package org.iofs.fse.allocation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * A minimum shipment size makes the plan a mixed-integer program: a shipment (one path from a hub to one demand,
 * whatever lots it carries) either does not go, or carries at least the minimum. One binary per shipment y, with
 * min x y <= sum of its lots' tonnes <= most x y, where most is what the demand asks.
 */
final class MinimumShipments {

	/** The tonnes of one lot in the shipment named {@code shipment}, which may carry at most {@code most}. */
	record Share(String shipment, MPVariable tonnes, double most) {
	}

	private MinimumShipments() {
	}

	static void add(MPSolver solver, List<Share> shares, double minimum) {
		Map<String, List<Share>> byShipment = new LinkedHashMap<>();
		shares.forEach(s -> byShipment.computeIfAbsent(s.shipment(), k -> new ArrayList<>()).add(s));
		byShipment.forEach((shipment, parts) -> {
			double most = parts.get(0).most();
			MPVariable goes = solver.makeBoolVar("y_" + shipment);
			// sum - min * y >= 0 and sum - most * y <= 0
			MPConstraint atLeast = solver.makeConstraint(0, Double.POSITIVE_INFINITY, "min_" + shipment);
			MPConstraint atMost = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "max_" + shipment);
			for (Share part : parts) {
				atLeast.setCoefficient(part.tonnes(), 1);
				atMost.setCoefficient(part.tonnes(), 1);
			}
			atLeast.setCoefficient(goes, -minimum);
			atMost.setCoefficient(goes, -most);
		});
	}

}
