package org.iofs.fse.allocation.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.platform.DemoData;
import org.iofs.fse.reserves.Hubs;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A demo transport network: one delivery point per member at its capital (a port where the country has a coast),
 * and routes from each demo hub to every point, by each mode that can make the trip, costed from the great-circle
 * distance as {@link DemoModes} documents; each hub also has road routes to its two nearest hubs. Marked demo,
 * generated only into an empty network.
 */
@Order(20)
@Component
class DemoNetwork implements DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoNetwork.class);

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final Countries countries;

	private final Hubs hubs;

	DemoNetwork(JdbcClient jdbc, JdbcTemplate template, Countries countries, Hubs hubs) {
		this.jdbc = jdbc;
		this.template = template;
		this.countries = countries;
		this.hubs = hubs;
	}

	@Override
	@Transactional
	public void ensure() {
		if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM allocation.delivery_point)").query(Boolean.class).single()) {
			return;
		}
		List<Object[]> points = new ArrayList<>();
		for (Country country : countries.all()) {
			if (country.capital() == null || country.capital().latitude() == null) {
				continue;
			}
			boolean coastal = !DemoModes.LANDLOCKED.contains(country.iso3());
			var names = country.capital().names();
			points.add(new Object[] { "DP-" + country.iso3(), country.iso3(), names.en(), names.ar(), names.fr(),
					coastal ? "PORT" : "CITY", country.capital().latitude(), country.capital().longitude() });
		}
		template.batchUpdate("""
				INSERT INTO allocation.delivery_point (code, country_iso3, name, name_ar, name_fr, kind, latitude,
				    longitude, main, demo)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, true, true)
				""", points);
		List<Hubs.Hub> demoHubs = hubs.all().stream().filter(h -> h.demo() && h.latitude() != null).toList();
		List<Object[]> routes = new ArrayList<>();
		for (Hubs.Hub hub : demoHubs) {
			for (Object[] point : points) {
				double km = DemoModes.greatCircleKm(hub.latitude().doubleValue(), hub.longitude().doubleValue(),
						((BigDecimal) point[6]).doubleValue(), ((BigDecimal) point[7]).doubleValue());
				boolean bothCoastal = !DemoModes.LANDLOCKED.contains(hub.country())
						&& !DemoModes.LANDLOCKED.contains((String) point[1]);
				for (DemoModes mode : DemoModes.values()) {
					if (mode.canGo(km, bothCoastal)) {
						routes.add(new Object[] { hub.code(), null, point[0], mode.name(), mode.costPerTonne(km),
								mode.transitDays(km), mode.capacityTonnes() });
					}
				}
			}
			demoHubs.stream()
				.filter(other -> !other.code().equals(hub.code()))
				.map(other -> Map.entry(other, DemoModes.greatCircleKm(hub.latitude().doubleValue(),
						hub.longitude().doubleValue(), other.latitude().doubleValue(), other.longitude().doubleValue())))
				.sorted(Map.Entry.comparingByValue())
				.limit(2)
				.filter(nearest -> DemoModes.ROAD.canGo(nearest.getValue(), false))
				.forEach(nearest -> routes.add(new Object[] { hub.code(), nearest.getKey().code(), null, "ROAD",
						DemoModes.ROAD.costPerTonne(nearest.getValue()), DemoModes.ROAD.transitDays(nearest.getValue()),
						null }));
		}
		template.batchUpdate("""
				INSERT INTO allocation.route (origin_hub, to_hub, to_point, mode, cost_per_tonne, transit_days,
				    capacity_tonnes, demo)
				VALUES (?, ?, ?, ?, ?, ?, ?, true)
				""", routes);
		log.info("Demo transport network: {} delivery points, {} routes", points.size(), routes.size());
	}

}
