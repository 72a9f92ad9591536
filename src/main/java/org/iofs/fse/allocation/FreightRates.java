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
 * shipment (IFPA's matching): which members have a seaport in the network, and the cheapest open route from a hub
 * in one member to a delivery point in another, with its mode, cost and transit days. These are planning figures,
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
		Map<String, String> countryOfHub = new HashMap<>();
		hubs.all().stream().filter(hub -> origins.contains(hub.country()))
			.forEach(hub -> countryOfHub.put(hub.code(), hub.country()));
		Map<String, Leg> cheapest = new HashMap<>();
		if (countryOfHub.isEmpty()) {
			return cheapest;
		}
		List<Object[]> routes = jdbc.sql("""
				SELECT r.origin_hub, r.to_point, r.mode, r.cost_per_tonne, r.transit_days
				FROM allocation.route r JOIN allocation.delivery_point p ON p.code = r.to_point
				WHERE r.open AND p.country_iso3 = :destination AND r.origin_hub = ANY (:hubs)
				ORDER BY r.cost_per_tonne, r.transit_days
				""").param("destination", destination).param("hubs", countryOfHub.keySet().toArray(String[]::new))
			.query((rs, row) -> new Object[] { rs.getString("origin_hub"), rs.getString("to_point"),
					rs.getString("mode"), rs.getBigDecimal("cost_per_tonne"), rs.getInt("transit_days") })
			.list();
		for (Object[] route : routes) {
			String origin = countryOfHub.get((String) route[0]);
			cheapest.putIfAbsent(origin, new Leg(origin, destination, (String) route[0], (String) route[1],
					(String) route[2], (BigDecimal) route[3], (Integer) route[4]));
		}
		return cheapest;
	}

}
