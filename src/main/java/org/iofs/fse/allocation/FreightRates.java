package org.iofs.fse.allocation;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.iofs.fse.reserves.Hubs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the transport network says about moving goods between member states, for other modules that price a
 * shipment (IFPA's matching): which members have a seaport in the network, the cheapest open route from a hub
 * in one member to a delivery point in another, with its mode, cost and transit days, and where a named place lies. These are planning figures,
 * not secrets: they carry no stock and no plan, so they are read without a caller's scope.
 */
@Service
public class FreightRates {

	/** The cheapest open route from a hub in the origin member to a delivery point in the destination member. */
	public record Leg(String originCountry, String destinationCountry, String originHub, String toPoint, String mode,
			BigDecimal costPerTonne, int transitDays) {
	}

	private final JdbcClient jdbc;

	private final Hubs hubs;

	FreightRates(JdbcClient jdbc, Hubs hubs) {
		this.jdbc = jdbc;
		this.hubs = hubs;
	}

	/** The members with a seaport among their delivery points: where a sea-only Incoterm can name a port. */
	@Transactional(readOnly = true)
	public Set<String> membersWithSeaport() {
		return Set.copyOf(jdbc.sql("SELECT DISTINCT country_iso3 FROM allocation.delivery_point WHERE kind = 'PORT'")
			.query(String.class).list());
	}

	/**
	 * For each origin member, the cheapest open route from one of its hubs to the destination member, if the network
	 * has one; one query for all origins.
	 */
	@Transactional(readOnly = true)
	public Map<String, Leg> cheapestTo(String destination, Collection<String> origins) {
		return cheapestBetween(origins, List.of(destination)).getOrDefault(destination, new HashMap<>());
	}

	/**
	 * For each destination member, and each origin member, the cheapest open route from a hub of the origin to a
	 * delivery point of the destination, where the network has one; one query for every pair.
	 */
	@Transactional(readOnly = true)
	public Map<String, Map<String, Leg>> cheapestBetween(Collection<String> origins, Collection<String> destinations) {
		Map<String, String> countryOfHub = new HashMap<>();
		hubs.all().stream().filter(hub -> origins.contains(hub.country()))
			.forEach(hub -> countryOfHub.put(hub.code(), hub.country()));
		Map<String, Map<String, Leg>> cheapest = new HashMap<>();
		if (countryOfHub.isEmpty() || destinations.isEmpty()) {
			return cheapest;
		}
		jdbc.sql("""
				SELECT r.origin_hub, r.to_point, r.mode, r.cost_per_tonne, r.transit_days, p.country_iso3 AS destination
				FROM allocation.route r JOIN allocation.delivery_point p ON p.code = r.to_point
				WHERE r.open AND p.country_iso3 = ANY (:destinations) AND r.origin_hub = ANY (:hubs)
				ORDER BY r.cost_per_tonne, r.transit_days
				""").param("destinations", destinations.toArray(String[]::new))
			.param("hubs", countryOfHub.keySet().toArray(String[]::new))
			.query((rs, row) -> {
				String origin = countryOfHub.get(rs.getString("origin_hub"));
				String destination = rs.getString("destination").trim();
				cheapest.computeIfAbsent(destination, k -> new HashMap<>()).putIfAbsent(origin,
						new Leg(origin, destination, rs.getString("origin_hub"), rs.getString("to_point"),
								rs.getString("mode"), rs.getBigDecimal("cost_per_tonne"), rs.getInt("transit_days")));
				return row;
			})
			.list();
		return cheapest;
	}

	/** Where a named place lies, when the network knows a delivery point or a hub of that name: [latitude, longitude]. */
	public record Place(String country, BigDecimal latitude, BigDecimal longitude) {
	}

	/**
	 * The delivery points and hubs of the network whose name (in any of its languages) is one of these, case and
	 * accents aside: how an offer's named place (FOB Port Klang) becomes where its goods leave from. One query.
	 */
	@Transactional(readOnly = true)
	public Map<String, Place> places(Collection<String> names) {
		Map<String, Place> found = new HashMap<>();
		Map<String, String> byKey = new HashMap<>();
		names.stream().filter(n -> n != null && !n.isBlank()).forEach(n -> byKey.put(key(n), n));
		if (byKey.isEmpty()) {
			return found;
		}
		hubs.all().forEach(hub -> java.util.stream.Stream.of(hub.names().en(), hub.names().ar(), hub.names().fr())
			.filter(name -> name != null && byKey.containsKey(key(name)) && hub.latitude() != null)
			.forEach(name -> found.putIfAbsent(byKey.get(key(name)), new Place(hub.country(), hub.latitude(),
					hub.longitude()))));
		jdbc.sql("""
				SELECT name, name_ar, name_fr, country_iso3, latitude, longitude FROM allocation.delivery_point
				WHERE latitude IS NOT NULL AND (lower(name) = ANY (:keys) OR lower(name_ar) = ANY (:keys)
				      OR lower(name_fr) = ANY (:keys))
				ORDER BY code
				""").param("keys", byKey.keySet().toArray(String[]::new))
			.query((rs, row) -> {
				for (String column : List.of("name", "name_ar", "name_fr")) {
					String name = rs.getString(column);
					if (name != null && byKey.containsKey(key(name))) {
						found.putIfAbsent(byKey.get(key(name)), new Place(rs.getString("country_iso3").trim(),
								rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude")));
					}
				}
				return row;
			})
			.list();
		return found;
	}

	private static String key(String name) {
		return name.strip().toLowerCase(java.util.Locale.ROOT);
	}

}
