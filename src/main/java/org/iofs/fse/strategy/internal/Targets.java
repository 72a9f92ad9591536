package org.iofs.fse.strategy.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.shared.Inputs;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Secretariat's targets for a commodity: the OIC's or a group's self-sufficiency ratio or production in a target
 * year, one per scope and measure. Everyone reads them (they are published strategy); analysts and administrators
 * set and remove them, and each change is audited.
 */
@Service
class Targets {

	enum Scope {

		OIC, ARAB, AFRICAN, ASIAN

	}

	enum Measure {

		/** The self-sufficiency ratio, in %. */
		SELF_SUFFICIENCY,
		/** Production, in thousand tonnes. */
		PRODUCTION

	}

	record Target(long id, String commodity, Scope scope, Measure measure, int year, BigDecimal value, String note,
			String setBy, Instant updatedAt) {
	}

	static final BigDecimal MAX_RATIO = BigDecimal.valueOf(1000);

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Commodities commodities;

	private final Clock clock;

	private final StrategyCache cache;

	Targets(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, Commodities commodities, Clock clock,
			StrategyCache cache) {
		this.cache = cache;
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.commodities = commodities;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	List<Target> of(String commodity) {
		return jdbc.sql("""
				SELECT id, commodity_code, scope, measure, target_year, value, note, set_by, updated_at
				FROM strategy.target WHERE commodity_code = :commodity ORDER BY measure DESC, scope, id
				""").param("commodity", commodity)
			.query((rs, row) -> new Target(rs.getLong("id"), rs.getString("commodity_code"),
					Scope.valueOf(rs.getString("scope")), Measure.valueOf(rs.getString("measure")),
					rs.getInt("target_year"), rs.getBigDecimal("value"), rs.getString("note"), rs.getString("set_by"),
					rs.getTimestamp("updated_at").toInstant()))
			.list();
	}

	/** Sets the target of a scope and measure (replacing the one there was). */
	@Transactional
	Target set(String commodityCode, String scopeText, String measureText, Integer year, BigDecimal value,
			String note) {
		Caller caller = access.require(Action.PUBLISH);
		String commodity = commodities.get(commodityCode).code();
		Scope scope = Inputs.choice(Scope.class, scopeText, "scope");
		Measure measure = Inputs.choice(Measure.class, measureText, "measure");
		int thisYear = LocalDate.now(clock).getYear();
		if (year == null || year <= thisYear || year > 2100) {
			throw new InvalidInputException("year", "must be a year after " + thisYear + " and at most 2100, was " + year);
		}
		if (value == null || value.signum() < 0 || measure == Measure.SELF_SUFFICIENCY && value.compareTo(MAX_RATIO) > 0) {
			throw new InvalidInputException("value", measure == Measure.SELF_SUFFICIENCY
					? "must be a ratio between 0 and 1000 %, was " + value
					: "must be thousand tonnes, 0 or more, was " + value);
		}
		String text = note == null ? "" : note.strip();
		if (text.length() > 2000) {
			throw new InvalidInputException("note", "must be at most 2000 characters, was " + text.length());
		}
		List<Target> before = of(commodity).stream().filter(t -> t.scope() == scope && t.measure() == measure).toList();
		long id = jdbc.sql("""
				INSERT INTO strategy.target (commodity_code, scope, measure, target_year, value, note, set_by, updated_at)
				VALUES (:commodity, :scope, :measure, :year, :value, :note, :by, :at)
				ON CONFLICT (commodity_code, scope, measure) DO UPDATE SET target_year = EXCLUDED.target_year,
				    value = EXCLUDED.value, note = EXCLUDED.note, set_by = EXCLUDED.set_by,
				    updated_at = EXCLUDED.updated_at, demo = false
				RETURNING id
				""").param("commodity", commodity).param("scope", scope.name()).param("measure", measure.name())
			.param("year", year).param("value", value).param("note", text).param("by", caller.username())
			.param("at", Timestamp.from(clock.instant())).query(Long.class).single();
		Target target = get(id);
		cache.forget();
		audit.record("strategy.target-set", "strategy-target", id, before.isEmpty() ? null : summary(before.get(0)),
				summary(target));
		return target;
	}

	@Transactional
	void remove(long id) {
		access.require(Action.PUBLISH);
		Target target = get(id);
		jdbc.sql("DELETE FROM strategy.target WHERE id = :id").param("id", id).update();
		cache.forget();
		audit.record("strategy.target-removed", "strategy-target", id, summary(target), null);
	}

	private Target get(long id) {
		return jdbc.sql("SELECT commodity_code FROM strategy.target WHERE id = :id").param("id", id)
			.query(String.class).optional()
			.flatMap(commodity -> of(commodity).stream().filter(t -> t.id() == id).findFirst())
			.orElseThrow(() -> new NotFoundException("target", String.valueOf(id)));
	}

	private static Map<String, Object> summary(Target target) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("commodity", target.commodity());
		summary.put("scope", target.scope().name());
		summary.put("measure", target.measure().name());
		summary.put("year", target.year());
		summary.put("value", target.value());
		summary.put("note", target.note());
		return summary;
	}

}
