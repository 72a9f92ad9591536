package org.iofs.fse.reserves.internal;

import org.iofs.fse.reserves.Hubs;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators set up the reserve systems (names, committee, rules, financial part, members), their hubs
 * (kind, country, operator, location, storage conditions, capacity per commodity) and members' pledges. Creating
 * and updating are one call each (PUT by code); every change is audited.
 */
@Service
public class ReserveAdministration {

	public record ReserveSetup(String nameEn, String nameAr, String nameFr, String committee, String rules,
			BigDecimal financialTonnes, List<String> members) {
	}

	/**
	 * A hub as its administrator sets it up: {@code name} and {@code operator} in English, their Arabic and French
	 * forms (the English one stands in while they are not given), storage conditions as {@link StorageCondition}
	 * codes.
	 */
	public record HubSetup(String name, String nameAr, String nameFr, String kind, String country, String reserve,
			String operator, String operatorAr, String operatorFr, BigDecimal latitude, BigDecimal longitude,
			List<String> storageConditions, Map<String, BigDecimal> capacities) {
	}

	public record NewPledge(String country, String commodity, BigDecimal tonnes, String grade, LocalDate validFrom,
			LocalDate validUntil, Boolean mustReplenish) {
	}

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Countries countries;

	private final Commodities commodities;

	private final ReserveSystems reserves;

	private final Hubs hubs;

	ReserveAdministration(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, Countries countries,
			Commodities commodities, ReserveSystems reserves, Hubs hubs) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.countries = countries;
		this.commodities = commodities;
		this.reserves = reserves;
		this.hubs = hubs;
	}

	@Transactional
	public ReserveSystems.Reserve putReserve(String code, ReserveSetup setup) {
		access.require(Action.EDIT_REFERENCE_DATA);
		String key = code(code);
		BigDecimal financial = setup.financialTonnes() == null ? BigDecimal.ZERO : setup.financialTonnes();
		if (financial.signum() < 0) {
			throw new InvalidInputException("financialTonnes", "may not be negative");
		}
		List<String> members = (setup.members() == null ? List.<String>of() : setup.members()).stream()
			.map(m -> countries.get(m).iso3())
			.distinct()
			.toList();
		jdbc.sql("""
				INSERT INTO reserves.reserve (code, name_en, name_ar, name_fr, committee, rules, financial_tonnes)
				VALUES (:code, :en, :ar, :fr, :committee, :rules, :financial)
				ON CONFLICT (code) DO UPDATE SET name_en = EXCLUDED.name_en, name_ar = EXCLUDED.name_ar,
				    name_fr = EXCLUDED.name_fr, committee = EXCLUDED.committee, rules = EXCLUDED.rules,
				    financial_tonnes = EXCLUDED.financial_tonnes
				""")
			.param("code", key)
			.param("en", name(setup.nameEn(), "nameEn"))
			.param("ar", name(setup.nameAr(), "nameAr"))
			.param("fr", name(setup.nameFr(), "nameFr"))
			.param("committee", Inputs.text(setup.committee(), 2000, "committee"))
			.param("rules", Inputs.text(setup.rules(), 4000, "rules"))
			.param("financial", financial)
			.update();
		jdbc.sql("DELETE FROM reserves.reserve_member WHERE reserve_code = :code AND NOT (country_iso3 = ANY (:members))")
			.param("code", key)
			.param("members", members.toArray(String[]::new))
			.update();
		for (String member : members) {
			jdbc.sql("INSERT INTO reserves.reserve_member VALUES (:code, :c) ON CONFLICT DO NOTHING")
				.param("code", key)
				.param("c", member)
				.update();
		}
		audit.record("reserves.reserve-set", "reserve", key, null, Map.of("members", members, "financialTonnes", financial));
		return reserves.get(key);
	}

	@Transactional
	public Hubs.Hub putHub(String code, HubSetup setup) {
		access.require(Action.EDIT_REFERENCE_DATA);
		String key = code(code);
		String kind = Inputs.required(setup.kind(), "kind").toUpperCase(Locale.ROOT);
		if (!List.of("WAREHOUSE", "SILO", "PORT").contains(kind)) {
			throw new InvalidInputException("kind", "must be WAREHOUSE, SILO or PORT");
		}
		String reserve = setup.reserve() == null || setup.reserve().isBlank() ? null : reserves.get(setup.reserve()).code();
		coordinate(setup.latitude(), 90, "latitude");
		coordinate(setup.longitude(), 180, "longitude");
		jdbc.sql("""
				INSERT INTO reserves.hub (code, name, name_ar, name_fr, kind, country_iso3, reserve_code, operator,
				    operator_ar, operator_fr, latitude, longitude, conditions)
				VALUES (:code, :name, :nameAr, :nameFr, :kind, :country, :reserve, :operator, :operatorAr, :operatorFr,
				    :lat, :lon, :conditions)
				ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_ar = EXCLUDED.name_ar,
				    name_fr = EXCLUDED.name_fr, kind = EXCLUDED.kind,
				    country_iso3 = EXCLUDED.country_iso3, reserve_code = EXCLUDED.reserve_code,
				    operator = EXCLUDED.operator, operator_ar = EXCLUDED.operator_ar, operator_fr = EXCLUDED.operator_fr,
				    latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude, conditions = EXCLUDED.conditions
				""")
			.param("code", key)
			.param("name", name(setup.name(), "name"))
			.param("nameAr", optionalName(setup.nameAr(), "nameAr"))
			.param("nameFr", optionalName(setup.nameFr(), "nameFr"))
			.param("kind", kind)
			.param("country", countries.get(Inputs.required(setup.country(), "country")).iso3())
			.param("reserve", reserve)
			.param("operator", Inputs.text(setup.operator(), 200, "operator"))
			.param("operatorAr", Inputs.text(setup.operatorAr(), 200, "operatorAr"))
			.param("operatorFr", Inputs.text(setup.operatorFr(), 200, "operatorFr"))
			.param("lat", setup.latitude())
			.param("lon", setup.longitude())
			.param("conditions", StorageCondition.codes(setup.storageConditions(), "storageConditions")
				.toArray(String[]::new))
			.update();
		if (setup.capacities() != null) {
			jdbc.sql("DELETE FROM reserves.hub_capacity WHERE hub_code = :code").param("code", key).update();
			setup.capacities().forEach((commodity, tonnes) -> jdbc.sql("""
					INSERT INTO reserves.hub_capacity (hub_code, commodity_code, tonnes) VALUES (:code, :commodity, :tonnes)
					""")
				.param("code", key)
				.param("commodity", commodities.get(commodity).code())
				.param("tonnes", Tonnes.positive(tonnes, "capacities." + commodity))
				.update());
		}
		audit.record("reserves.hub-set", "hub", key, null, Map.of("kind", kind, "reserve", reserve == null ? "" : reserve));
		return hubs.get(key);
	}

	@Transactional
	public ReserveSystems.Pledge addPledge(String reserveCode, NewPledge pledge) {
		access.require(Action.EDIT_REFERENCE_DATA);
		String reserve = reserves.get(reserveCode).code();
		String country = countries.get(Inputs.required(pledge.country(), "country")).iso3();
		if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM reserves.reserve_member WHERE reserve_code = :r AND country_iso3 = :c)")
			.param("r", reserve).param("c", country).query(Boolean.class).single()) {
			throw new InvalidInputException("country", country + " is not a member of reserve " + reserve);
		}
		if (pledge.validFrom() == null || pledge.validUntil() == null || pledge.validUntil().isBefore(pledge.validFrom())) {
			throw new InvalidInputException("validUntil", "validFrom and validUntil are required, in that order");
		}
		long id = jdbc.sql("""
				INSERT INTO reserves.pledge (reserve_code, country_iso3, commodity_code, tonnes, grade, valid_from,
				    valid_until, must_replenish)
				VALUES (:r, :c, :commodity, :tonnes, :grade, :from, :until, :replenish) RETURNING id
				""")
			.param("r", reserve)
			.param("c", country)
			.param("commodity", commodities.tradable(Inputs.required(pledge.commodity(), "commodity"), "commodity").code())
			.param("tonnes", Tonnes.positive(pledge.tonnes(), "tonnes"))
			.param("grade", Grade.code(pledge.grade(), "grade"))
			.param("from", Date.valueOf(pledge.validFrom()))
			.param("until", Date.valueOf(pledge.validUntil()))
			.param("replenish", !Boolean.FALSE.equals(pledge.mustReplenish()))
			.query(Long.class)
			.single();
		audit.record("reserves.pledge-added", "pledge", id, null, Map.of("reserve", reserve, "country", country,
				"tonnes", pledge.tonnes()));
		return reserves.pledges(reserve, country).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
	}

	/** The Secretariat records that a member restored tonnes to its pledge after a release (never below zero). */
	@Transactional
	public ReserveSystems.Pledge restore(String reserveCode, long pledgeId, BigDecimal tonnes) {
		access.require(Action.PUBLISH);
		String reserve = reserves.get(reserveCode).code();
		BigDecimal quantity = Tonnes.positive(tonnes, "tonnes");
		int changed = jdbc.sql("""
				UPDATE reserves.pledge SET to_restore = to_restore - :t
				WHERE id = :id AND reserve_code = :r AND to_restore >= :t
				""").param("t", quantity).param("id", pledgeId).param("r", reserve).update();
		if (changed == 0) {
			throw new ConflictException("NOTHING_TO_RESTORE", "Pledge " + pledgeId + " has less than "
					+ quantity.toPlainString() + " t to restore, or is not a pledge of " + reserve);
		}
		audit.record("reserves.pledge-restored", "pledge", pledgeId, null, Map.of("tonnes", quantity));
		return reserves.pledges(reserve, null).stream().filter(p -> p.id() == pledgeId).findFirst().orElseThrow();
	}

	private static String code(String code) {
		String key = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
		if (!key.matches("[A-Z0-9-]{2,40}")) {
			throw new InvalidInputException("code", "must be 2 to 40 letters, digits or hyphens");
		}
		return key;
	}

	private static String name(String value, String field) {
		return Inputs.text(Inputs.required(value, field), 200, field);
	}

	/** An optional translation of a name: null (the English one stands in) when blank. */
	private static String optionalName(String value, String field) {
		String text = Inputs.text(value, 200, field);
		return text.isEmpty() ? null : text;
	}

	private static void coordinate(BigDecimal value, int limit, String field) {
		if (value != null && value.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
			throw new InvalidInputException(field, "is outside -" + limit + ".." + limit);
		}
	}



}
