package org.iofs.fse.allocation.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iofs.fse.allocation.internal.AllocationModel.Leg;
import org.iofs.fse.allocation.internal.AllocationModel.Path;

/** The ways from each hub to the delivery points: one route, or a transfer to another hub then a route. */
final class Paths {

	private Paths() {
	}

	/** Every path from each hub within a transit limit, in a fixed order. */
	static Map<String, List<Path>> within(List<Leg> legs, boolean transshipment, int maxTransitDays) {
		List<Leg> ordered = legs.stream().sorted(Comparator.comparingLong(Leg::routeId)).toList();
		Map<String, List<Leg>> toHubs = new HashMap<>();
		Map<String, List<Leg>> toPoints = new HashMap<>();
		for (Leg leg : ordered) {
			(leg.toPoint() == null ? toHubs : toPoints).computeIfAbsent(leg.fromHub(), k -> new ArrayList<>()).add(leg);
		}
		Map<String, List<Path>> paths = new LinkedHashMap<>();
		for (Leg leg : ordered) {
			if (leg.toPoint() != null && leg.transitDays() <= maxTransitDays) {
				paths.computeIfAbsent(leg.fromHub(), k -> new ArrayList<>()).add(new Path(null, leg));
			}
		}
		if (transshipment) {
			for (Leg first : ordered) {
				if (first.toPoint() != null) {
					continue;
				}
				for (Leg second : toPoints.getOrDefault(first.toHub(), List.of())) {
					if ((long) first.transitDays() + second.transitDays() <= maxTransitDays) {
						paths.computeIfAbsent(first.fromHub(), k -> new ArrayList<>()).add(new Path(first, second));
					}
				}
			}
		}
		return paths;
	}

	/**
	 * Each hub's paths grouped by the point they lead to (points in the order of their first path), cheapest first,
	 * then quickest, then in their fixed order.
	 */
	static Map<String, Map<String, List<Path>>> byPointCheapestFirst(Map<String, List<Path>> pathsByOrigin) {
		Map<String, Map<String, List<Path>>> grouped = new HashMap<>();
		Comparator<Path> cheapest = Comparator.comparingDouble(Path::cost).thenComparingInt(Path::transitDays);
		pathsByOrigin.forEach((hub, paths) -> {
			Map<String, List<Path>> byPoint = new LinkedHashMap<>();
			paths.forEach(p -> byPoint.computeIfAbsent(p.last().toPoint(), k -> new ArrayList<>()).add(p));
			byPoint.values().forEach(list -> list.sort(cheapest));
			grouped.put(hub, byPoint);
		});
		return grouped;
	}

	static String key(Path path) {
		StringBuilder key = new StringBuilder();
		appendKey(key, path);
		return key.toString();
	}

	static void appendKey(StringBuilder out, Path path) {
		if (path.via() != null) {
			out.append('r').append(path.via().routeId());
		}
		out.append('r').append(path.last().routeId());
	}

}
