package org.iofs.fse.allocation.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.shared.LocalizedText;
import org.iofs.fse.shared.Named;
import org.iofs.fse.reserves.Hubs;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.NotFoundException;
import org.iofs.fse.shared.PageOf;
import org.iofs.fse.shared.RecordRowMapper;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The network plans are made on: delivery points (a port or a city of a member state) and routes from hubs to
 * delivery points or to other hubs, one per mode, with cost per tonne, transit days and capacity. The Secretariat
 * reads and edits it; every change is audited.
 */
@Service
public class TransportNetwork {

	public static final List<String> MODES = List.of("SEA", "RAIL", "ROAD");

	/** Where a member receives a release; its name in the three languages (English where none is given). */
	public record DeliveryPoint(String code, String country, LocalizedText names, String kind, BigDecimal latitude,
			BigDecimal longitude, boolean main, boolean demo) implements Named {

		@Override
		public String name(Locale locale) {
			return names.in(locale);
		}

	}

	private static final String POINT_COLUMNS = """
			code, country_iso3, name, coalesce(name_ar, name) AS name_ar, coalesce(name_fr, name) AS name_fr, kind,
			latitude, longitude, main, demo
			""";

	private static final RowMapper<DeliveryPoint> POINT = (rs, row) -> new DeliveryPoint(rs.getString("code"),
			rs.getString("country_iso3"),
			new LocalizedText(rs.getString("name"), rs.getString("name_ar"), rs.getString("name_fr")),
			rs.getString("kind"), rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), rs.getBoolean("main"),
			rs.getBoolean("demo"));

	/** A route; exactly one of toHub and toPoint is set. */
	public record Route(long id, String originHub, String toHub, String toPoint, String mode, BigDecimal costPerTonne,
			int transitDays, BigDecimal capacityTonnes, boolean open, boolean demo) {
	}

	/** A route as entered or imported: its key (origin, destination, mode) and what may change. */
	public record RouteInput(String originHub, String toHub, String toPoint, String mode, BigDecimal costPerTonne,
			Integer transitDays, BigDecimal capacityTonnes, Boolean open) {
	}

	/** A delivery point as set up: {@code name} in English, its Arabic and French forms optional. */
	public record DeliveryPointInput(String country, String name, String nameAr, String nameFr, String kind,
			BigDecimal latitude, BigDecimal longitude, Boolean main) {
	}

	static final String ROUTE_COLUMNS = """
			id, origin_hub, to_hub, to_point, mode, cost_per_tonne, transit_days, capacity_tonnes, open, demo
			""";

	private final JdbcClient jdbc;

	private final Hubs hubs;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Countries countries;

	TransportNetwork(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, Countries countries, Hubs hubs) {
		this.hubs = hubs;
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.countries = countries;
	}

	@Transactional(readOnly = true)
	public List<DeliveryPoint> deliveryPoints(String country) {
		access.require(Action.PLAN_ALLOCATION);
		return jdbc.sql("""
				SELECT %s
				FROM allocation.delivery_point
				WHERE CAST(:country AS text) IS NULL OR country_iso3 = :country ORDER BY country_iso3, NOT main, code
				""".formatted(POINT_COLUMNS))
			.param("country", country == null || country.isBlank() ? null : country.toUpperCase(Locale.ROOT))
			.query(POINT).list();
	}

	/** The point a demand for a country goes to unless it names one: the country's main point. */
	@Transactional(readOnly = true)
	public Optional<String> mainPointOf(String country) {
		return jdbc.sql("SELECT code FROM allocation.delivery_point WHERE country_iso3 = :c AND main")
			.param("c", country).query(String.class).optional();
	}

	@Transactional
	public DeliveryPoint putDeliveryPoint(String code, DeliveryPointInput input) {
		access.require(Action.EDIT_TRANSPORT_NETWORK);
		String key = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
		if (!key.matches("[A-Z0-9-]{2,40}")) {
			throw new InvalidInputException("code", "must be 2 to 40 capital letters, digits or dashes");
		}
		String country = countries.find(input.country() == null ? "" : input.country().strip())
			.orElseThrow(() -> new InvalidInputException("country", "must be the ISO3 code of an OIC member state"))
			.iso3();
		String name = input.name() == null ? "" : input.name().strip();
		if (name.isEmpty() || name.length() > 200) {
			throw new InvalidInputException("name", "must be 1 to 200 characters");
		}
		String kind = input.kind() == null ? "" : input.kind().strip().toUpperCase(Locale.ROOT);
		if (!List.of("PORT", "CITY").contains(kind)) {
			throw new InvalidInputException("kind", "must be PORT or CITY");
		}
		if (input.latitude() == null || input.latitude().abs().compareTo(BigDecimal.valueOf(90)) > 0) {
			throw new InvalidInputException("latitude", "must be between -90 and 90");
		}
		if (input.longitude() == null || input.longitude().abs().compareTo(BigDecimal.valueOf(180)) > 0) {
			throw new InvalidInputException("longitude", "must be between -180 and 180");
		}
		boolean main = Boolean.TRUE.equals(input.main()) || mainPointOf(country).map(key::equals).orElse(true);
		Optional<DeliveryPoint> before = point(key);
		if (main) {
			jdbc.sql("UPDATE allocation.delivery_point SET main = false WHERE country_iso3 = :c AND code <> :code")
				.param("c", country).param("code", key).update();
		}
		jdbc.sql("""
				INSERT INTO allocation.delivery_point (code, country_iso3, name, name_ar, name_fr, kind, latitude,
				    longitude, main)
				VALUES (:code, :country, :name, :nameAr, :nameFr, :kind, :lat, :lon, :main)
				ON CONFLICT (code) DO UPDATE SET country_iso3 = EXCLUDED.country_iso3, name = EXCLUDED.name,
				    name_ar = EXCLUDED.name_ar, name_fr = EXCLUDED.name_fr,
				    kind = EXCLUDED.kind, latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude, main = EXCLUDED.main
				""").param("code", key).param("country", country).param("name", name)
			.param("nameAr", translation(input.nameAr(), "nameAr")).param("nameFr", translation(input.nameFr(), "nameFr"))
			.param("kind", kind)
			.param("lat", input.latitude()).param("lon", input.longitude()).param("main", main).update();
		DeliveryPoint after = point(key).orElseThrow();
		audit.record("allocation.delivery-point-saved", "delivery-point", key, before.orElse(null), after);
		return after;
	}

	/** An optional Arabic or French name: null (the English one stands in) when blank. */
	private static String translation(String value, String field) {
		String text = value == null ? "" : value.strip();
		if (text.length() > 200) {
			throw new InvalidInputException(field, "must be at most 200 characters");
		}
		return text.isEmpty() ? null : text;
	}

	private Optional<DeliveryPoint> point(String code) {
		return jdbc.sql("""
				SELECT %s FROM allocation.delivery_point WHERE code = :code
				""".formatted(POINT_COLUMNS)).param("code", code).query(POINT).optional();
	}

	/** Routes, filtered by origin hub, mode or delivery point, a page at a time. */
	@Transactional(readOnly = true)
	public PageOf<Route> routes(String hub, String mode, String point, int page, int size) {
		access.require(Action.PLAN_ALLOCATION);
		PageOf.checkRequest(page, size);
		String where = """
				WHERE (CAST(:hub AS text) IS NULL OR origin_hub = :hub OR to_hub = :hub)
				  AND (CAST(:mode AS text) IS NULL OR mode = :mode)
				  AND (CAST(:point AS text) IS NULL OR to_point = :point)
				""";
		Map<String, Object> params = new HashMap<>();
		params.put("hub", upper(hub));
		params.put("mode", upper(mode));
		params.put("point", upper(point));
		List<Route> items = jdbc.sql("SELECT " + ROUTE_COLUMNS + " FROM allocation.route " + where
				+ " ORDER BY origin_hub, coalesce(to_point, to_hub), mode LIMIT :limit OFFSET :offset")
			.params(params).param("limit", size).param("offset", (long) page * size)
			.query(RecordRowMapper.of(Route.class)).list();
		long total = jdbc.sql("SELECT count(*) FROM allocation.route " + where).params(params).query(Long.class).single();
		return new PageOf<>(items, page, size, total);
	}

	@Transactional(readOnly = true)
	public Route route(long id) {
		access.require(Action.PLAN_ALLOCATION);
		return jdbc.sql("SELECT " + ROUTE_COLUMNS + " FROM allocation.route WHERE id = :id").param("id", id)
			.query(RecordRowMapper.of(Route.class))
			.optional()
			.orElseThrow(() -> new NotFoundException("route", Long.toString(id)));
	}

	/** Adds a route, or changes the one with the same origin, destination and mode. */
	@Transactional
	public Route putRoute(RouteInput input) {
		access.require(Action.EDIT_TRANSPORT_NETWORK);
		return save(checked(input, this::hubExists, this::pointExists)).route();
	}

	/** A route saved, and whether it was new, changed or already so. */
	record Saved(Route route, String outcome) {
	}

	/** Saves a checked route (the caller's right was checked); audited when it changes anything. */
	Saved save(RouteInput route) {
		Optional<Route> before = jdbc.sql("SELECT " + ROUTE_COLUMNS + """
				FROM allocation.route WHERE origin_hub = :origin AND mode = :mode
				  AND to_hub IS NOT DISTINCT FROM :toHub AND to_point IS NOT DISTINCT FROM :toPoint
				""").param("origin", route.originHub()).param("mode", route.mode()).param("toHub", route.toHub())
			.param("toPoint", route.toPoint()).query(RecordRowMapper.of(Route.class)).optional();
		boolean open = route.open() == null || route.open();
		if (before.isPresent() && same(before.get(), route, open)) {
			return new Saved(before.get(), "UNCHANGED");
		}
		long id = before.map(r -> {
			jdbc.sql("""
					UPDATE allocation.route SET cost_per_tonne = :cost, transit_days = :days, capacity_tonnes = :capacity,
					    open = :open WHERE id = :id
					""").param("cost", route.costPerTonne()).param("days", route.transitDays())
				.param("capacity", route.capacityTonnes()).param("open", open).param("id", r.id()).update();
			return r.id();
		}).orElseGet(() -> jdbc.sql("""
				INSERT INTO allocation.route (origin_hub, to_hub, to_point, mode, cost_per_tonne, transit_days,
				    capacity_tonnes, open)
				VALUES (:origin, :toHub, :toPoint, :mode, :cost, :days, :capacity, :open) RETURNING id
				""").param("origin", route.originHub()).param("toHub", route.toHub()).param("toPoint", route.toPoint())
			.param("mode", route.mode()).param("cost", route.costPerTonne()).param("days", route.transitDays())
			.param("capacity", route.capacityTonnes()).param("open", open).query(Long.class).single());
		Route after = jdbc.sql("SELECT " + ROUTE_COLUMNS + " FROM allocation.route WHERE id = :id").param("id", id)
			.query(RecordRowMapper.of(Route.class)).single();
		audit.record("allocation.route-saved", "route", id, before.orElse(null), after);
		return new Saved(after, before.isPresent() ? "UPDATED" : "INSERTED");
	}

	private static boolean same(Route r, RouteInput input, boolean open) {
		return r.costPerTonne().compareTo(input.costPerTonne()) == 0 && r.transitDays() == input.transitDays()
				&& (r.capacityTonnes() == null ? input.capacityTonnes() == null
						: input.capacityTonnes() != null && r.capacityTonnes().compareTo(input.capacityTonnes()) == 0)
				&& r.open() == open;
	}

	/**
	 * A route input checked field by field (a 400 naming the field); the origin and destination are looked up with
	 * the given tests, so that an import checks a whole file against one reading of the hubs and points.
	 */
	static RouteInput checked(RouteInput input, Predicate<String> hubExists,
			Predicate<String> pointExists) {
		String origin = upper(input.originHub());
		if (origin == null || !hubExists.test(origin)) {
			throw new InvalidInputException("originHub", "must be the code of a hub");
		}
		String toHub = upper(input.toHub());
		String toPoint = upper(input.toPoint());
		if ((toHub == null) == (toPoint == null)) {
			throw new InvalidInputException("toPoint", "give either a delivery point or a hub to go to, not both");
		}
		if (toHub != null && (!hubExists.test(toHub) || toHub.equals(origin))) {
			throw new InvalidInputException("toHub", "must be the code of another hub");
		}
		if (toPoint != null && !pointExists.test(toPoint)) {
			throw new InvalidInputException("toPoint", "must be the code of a delivery point");
		}
		String mode = upper(input.mode());
		if (mode == null || !MODES.contains(mode)) {
			throw new InvalidInputException("mode", "must be SEA, RAIL or ROAD");
		}
		if (input.costPerTonne() == null || input.costPerTonne().signum() < 0 || input.costPerTonne().scale() > 2
				|| input.costPerTonne().compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
			throw new InvalidInputException("costPerTonne", "must be 0 or more USD, with at most 2 decimals");
		}
		if (input.transitDays() == null || input.transitDays() < 0 || input.transitDays() > 365) {
			throw new InvalidInputException("transitDays", "must be 0 to 365 days");
		}
		if (input.capacityTonnes() != null && (input.capacityTonnes().signum() <= 0 || input.capacityTonnes().scale() > 3)) {
			throw new InvalidInputException("capacityTonnes", "must be more than 0 tonnes, with at most 3 decimals, or empty");
		}
		return new RouteInput(origin, toHub, toPoint, mode, input.costPerTonne(), input.transitDays(),
				input.capacityTonnes(), input.open());
	}

	boolean hubExists(String code) {
		return hubs.exists(code);
	}

	boolean pointExists(String code) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM allocation.delivery_point WHERE code = :c)").param("c", code)
			.query(Boolean.class).single();
	}

	/** The open routes, as legs of the model (closed ones and those given stay out). */
	/**
	 * The open routes as the model's legs, read straight into them: a plan on 500 hubs reads 85,000 routes, and
	 * mapping each to a {@link Route} by reflection first took longer than building the model.
	 */
	List<AllocationModel.Leg> openLegs(Set<Long> closed) {
		List<AllocationModel.Leg> legs = new ArrayList<>();
		jdbc.sql("""
				SELECT id, origin_hub, to_hub, to_point, mode, cost_per_tonne::float8, transit_days,
				       capacity_tonnes::float8
				FROM allocation.route WHERE open ORDER BY id
				""").query(rs -> {
			long id = rs.getLong(1);
			if (!closed.contains(id)) {
				double capacity = rs.getDouble(8);
				Double limit = rs.wasNull() ? null : capacity;
				legs.add(new AllocationModel.Leg(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getDouble(6), rs.getInt(7), limit));
			}
		});
		return legs;
	}

	/** Each member's main delivery point, where a demand goes unless it names another. */
	Map<String, String> mainPoints() {
		Map<String, String> points = new HashMap<>();
		jdbc.sql("SELECT country_iso3, code FROM allocation.delivery_point WHERE main")
			.query(rs -> {
				points.put(rs.getString(1), rs.getString(2));
			});
		return points;
	}

	private static String upper(String value) {
		return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
	}

}
