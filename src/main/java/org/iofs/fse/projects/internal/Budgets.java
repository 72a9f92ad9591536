package org.iofs.fse.projects.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.shared.Inputs;
import org.iofs.fse.shared.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's money ahead: yearly budgets (indicative or committed) and planned disbursements per financier, as
 * IATI publishes them, each over at most a year. Valued in US dollars at the rate of the period's first month, or
 * for a month still to come the latest rate held before it.
 */
@Service
public class Budgets {

	public enum Kind {
		BUDGET, PLANNED_DISBURSEMENT
	}

	public record Budget(long id, String kind, int status, LocalDate periodStart, LocalDate periodEnd, String currency,
			BigDecimal value, BigDecimal valueUsd, String financierName, String financierType) {
	}

	public record BudgetInput(String kind, Integer status, LocalDate periodStart, LocalDate periodEnd, String currency,
			BigDecimal value, String financierName, String financierType) {
	}

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Projects projects;

	Budgets(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, Projects projects) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.projects = projects;
	}

	@Transactional(readOnly = true)
	public List<Budget> of(long projectId) {
		projects.get(projectId);
		return ofProjects(List.of(projectId)).getOrDefault(projectId, List.of());
	}

	/** The Secretariat sets a project's budgets and planned disbursements, all of them, checked whole first. */
	@Transactional
	public List<Budget> replace(long projectId, List<BudgetInput> inputs) {
		access.require(Action.PUBLISH);
		projects.load(projectId);
		List<Object[]> rows = new ArrayList<>();
		List<BudgetInput> given = inputs == null ? List.of() : inputs;
		for (int i = 0; i < given.size(); i++) {
			rows.add(check(given.get(i), "budgets[" + i + "]"));
		}
		List<Budget> before = ofProjects(List.of(projectId)).getOrDefault(projectId, List.of());
		jdbc.sql("DELETE FROM projects.project_budget WHERE project_id = :id").param("id", projectId).update();
		for (Object[] row : rows) {
			jdbc.sql("""
					INSERT INTO projects.project_budget (project_id, kind, status, period_start, period_end, currency,
					    value, value_usd, financier_name, financier_type)
					VALUES (:project, :kind, :status, :start, :end, :currency, :value, :usd, :name, :type)
					""").param("project", projectId).param("kind", row[0]).param("status", row[1])
				.param("start", row[2]).param("end", row[3]).param("currency", row[4]).param("value", row[5])
				.param("usd", row[6]).param("name", row[7]).param("type", row[8]).update();
		}
		List<Budget> after = ofProjects(List.of(projectId)).getOrDefault(projectId, List.of());
		audit.record("projects.budgets-set", "project", projectId, before, after);
		return after;
	}

	private Object[] check(BudgetInput in, String at) {
		if (in == null) {
			throw new InvalidInputException(at, "is empty");
		}
		Kind kind = ProjectRules.choice(Kind.class, in.kind(), at + ".kind");
		int status = in.status() == null ? 1 : in.status();
		if (status != 1 && status != 2) {
			throw new InvalidInputException(at + ".status", "must be 1 indicative or 2 committed");
		}
		if (in.periodStart() == null) {
			throw new InvalidInputException(at + ".periodStart", "is required");
		}
		if (in.periodEnd() == null) {
			throw new InvalidInputException(at + ".periodEnd", "is required");
		}
		if (in.periodEnd().isBefore(in.periodStart())) {
			throw new InvalidInputException(at + ".periodEnd", "comes before periodStart");
		}
		if (!in.periodEnd().isBefore(in.periodStart().plusYears(1))) {
			throw new InvalidInputException(at + ".periodEnd", "makes the period longer than a year");
		}
		if (in.value() == null || in.value().signum() <= 0 || in.value().scale() > 2) {
			throw new InvalidInputException(at + ".value", "must be above 0, to the cent");
		}
		String currency = Inputs.required(in.currency(), at + ".currency").toUpperCase(Locale.ROOT);
		BigDecimal rate = rateOnOrBefore(currency, in.periodStart(), at + ".currency");
		String financierName = Objects.toString(in.financierName(), "").strip();
		String financierType = Objects.toString(in.financierType(), "").strip();
		if (financierName.length() > 200) {
			throw new InvalidInputException(at + ".financierName", "is longer than 200 characters");
		}
		if (!financierType.isEmpty() && !ProjectRules.ORGANISATION_TYPES.contains(financierType)) {
			throw new InvalidInputException(at + ".financierType", "must be an IATI organisation type code");
		}
		return new Object[] { kind.name(), status, Date.valueOf(in.periodStart()), Date.valueOf(in.periodEnd()),
				currency, in.value(), in.value().multiply(rate).setScale(2, RoundingMode.HALF_EVEN), financierName,
				financierType };
	}

	private BigDecimal rateOnOrBefore(String currency, LocalDate day, String field) {
		if (currency.equals("USD")) {
			return BigDecimal.ONE;
		}
		return jdbc.sql("""
				SELECT usd_per_unit FROM projects.fx_rate WHERE currency = :currency AND month <= :day
				ORDER BY month DESC LIMIT 1
				""").param("currency", currency).param("day", Date.valueOf(day)).query(BigDecimal.class).optional()
			.orElseThrow(() -> new InvalidInputException(field, "has no rate up to " + day
					+ ": load the currency's rates first"));
	}

	Map<Long, List<Budget>> ofProjects(List<Long> ids) {
		Map<Long, List<Budget>> byProject = new HashMap<>();
		jdbc.sql("""
				SELECT id, project_id, kind, status, period_start, period_end, currency, value, value_usd,
				       financier_name, financier_type
				FROM projects.project_budget WHERE project_id = ANY (:ids) ORDER BY project_id, kind, period_start, id
				""").param("ids", ids.toArray(Long[]::new))
			.query((rs, row) -> byProject.computeIfAbsent(rs.getLong("project_id"), k -> new ArrayList<>())
				.add(new Budget(rs.getLong("id"), rs.getString("kind"), rs.getInt("status"),
						rs.getDate("period_start").toLocalDate(), rs.getDate("period_end").toLocalDate(),
						rs.getString("currency"), rs.getBigDecimal("value"), rs.getBigDecimal("value_usd"),
						rs.getString("financier_name"), rs.getString("financier_type"))))
			.list();
		return byProject;
	}

}
