package org.iofs.fse.projects.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.foodbalance.FoodBalanceFacts;
import org.iofs.fse.reserves.Hubs;
import org.iofs.fse.shared.Inputs;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.LocalizedText;
import org.iofs.fse.trade.TradeVolumes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's results (IATI {@code result}): indicators with a baseline, a target per year and an actual per year.
 * An indicator linked to a figure the platform holds has its actuals measured from that figure, never typed: a
 * member's self-sufficiency ratio or production of a commodity (the Food Balance Database's published balances), a
 * hub's storage capacity (the reserves module, one reading per year), tonnes traded through IFPA (deals contracted
 * and not cancelled). The Secretariat defines indicators; {@link #measure} reads the figures again, nightly and
 * after each change, so that the project page shows the target against the path the data actually took.
 */
@Service
public class ProjectResults {

	public enum Unit {
		TONNES, THOUSAND_TONNES, PERCENT, COUNT, USD
	}

	/** The platform figure an indicator is measured from, with the unit that figure comes in. */
	public enum Link {

		NONE(null), SELF_SUFFICIENCY(Unit.PERCENT), PRODUCTION(Unit.THOUSAND_TONNES), HUB_CAPACITY(Unit.TONNES),
		IFPA_TONNES(Unit.TONNES);

		final Unit unit;

		Link(Unit unit) {
			this.unit = unit;
		}

	}

	public record Period(int year, BigDecimal target, BigDecimal actual, String actualSource) {
	}

	public record Indicator(long id, int resultType, LocalizedText titles, String unit, boolean ascending,
			int baselineYear, BigDecimal baselineValue, String link, String linkCountry, String linkCommodity,
			String linkHub, List<Period> periods) {
	}

	/** A target for a year, and for an indicator not linked to platform data, the actual of a past year. */
	public record PeriodInput(Integer year, BigDecimal target, BigDecimal actual) {
	}

	public record IndicatorInput(Integer resultType, String titleEn, String titleAr, String titleFr, String unit,
			Boolean ascending, Integer baselineYear, BigDecimal baselineValue, String link, String linkCountry,
			String linkCommodity, String linkHub, List<PeriodInput> periods) {
	}

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Projects projects;

	private final Countries countries;

	private final Commodities commodities;

	private final Hubs hubs;

	private final FoodBalanceFacts balances;

	private final TradeVolumes trade;

	private final Clock clock;

	ProjectResults(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, Projects projects, Countries countries,
			Commodities commodities, Hubs hubs, FoodBalanceFacts balances, TradeVolumes trade, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.projects = projects;
		this.countries = countries;
		this.commodities = commodities;
		this.hubs = hubs;
		this.balances = balances;
		this.trade = trade;
		this.clock = clock;
	}

	/** A project's indicators, for whoever may read the project. */
	@Transactional(readOnly = true)
	public List<Indicator> of(long projectId) {
		projects.get(projectId);
		return ofProjects(List.of(projectId)).getOrDefault(projectId, List.of());
	}

	/** The Secretariat sets a project's indicators, all of them: checked whole, then stored at once. */
	@Transactional
	public List<Indicator> replace(long projectId, List<IndicatorInput> inputs) {
		access.require(Action.PUBLISH);
		projects.load(projectId);
		List<IndicatorInput> checked = check(inputs == null ? List.of() : inputs);
		List<Indicator> before = ofProjects(List.of(projectId)).getOrDefault(projectId, List.of());
		jdbc.sql("DELETE FROM projects.result_indicator WHERE project_id = :id").param("id", projectId).update();
		for (int i = 0; i < checked.size(); i++) {
			IndicatorInput in = checked.get(i);
			long id = jdbc.sql("""
					INSERT INTO projects.result_indicator (project_id, position, result_type, title_en, title_ar,
					    title_fr, unit, ascending, baseline_year, baseline_value, link, link_country, link_commodity,
					    link_hub)
					VALUES (:project, :position, :type, :en, :ar, :fr, :unit, :ascending, :baselineYear, :baseline,
					    :link, :country, :commodity, :hub)
					RETURNING id
					""").param("project", projectId).param("position", i).param("type", in.resultType())
				.param("en", in.titleEn()).param("ar", in.titleAr()).param("fr", in.titleFr()).param("unit", in.unit())
				.param("ascending", in.ascending()).param("baselineYear", in.baselineYear())
				.param("baseline", in.baselineValue()).param("link", in.link()).param("country", in.linkCountry())
				.param("commodity", in.linkCommodity()).param("hub", in.linkHub())
				.query(Long.class).single();
			for (PeriodInput period : in.periods()) {
				jdbc.sql("""
						INSERT INTO projects.result_period (indicator_id, year, target, actual, actual_source)
						VALUES (:id, :year, :target, :actual, :source)
						""").param("id", id).param("year", period.year()).param("target", period.target())
					.param("actual", period.actual()).param("source", period.actual() == null ? null : "ENTERED")
					.update();
			}
		}
		List<Indicator> after = ofProjects(List.of(projectId)).getOrDefault(projectId, List.of());
		audit.record("projects.results-set", "project", projectId, before, after);
		return after;
	}

	/**
	 * Reads each linked indicator's figure again (one project's, or every project's when null) and writes the
	 * measured actual of each year from the baseline to this one. Returns how many yearly actuals it wrote. Not
	 * audited per run: it writes what the platform's data already says, under the source MEASURED.
	 */
	@Transactional
	public int measure(Long projectId) {
		int year = LocalDate.now(clock).getYear();
		List<Object[]> linked = jdbc.sql("""
				SELECT id, link, link_country, link_commodity, link_hub, baseline_year FROM projects.result_indicator
				WHERE link <> 'NONE' AND (CAST(:project AS bigint) IS NULL OR project_id = :project)
				""").param("project", projectId)
			.query((rs, row) -> new Object[] { rs.getLong("id"), rs.getString("link"), rs.getString("link_country"),
					rs.getString("link_commodity"), rs.getString("link_hub"), rs.getInt("baseline_year") })
			.list();
		int written = 0;
		Timestamp now = Timestamp.from(clock.instant());
		for (Object[] indicator : linked) {
			long id = (Long) indicator[0];
			Link link = Link.valueOf((String) indicator[1]);
			Map<Integer, BigDecimal> figures = figures(link, (String) indicator[2], (String) indicator[3],
					(String) indicator[4], year);
			if (link != Link.HUB_CAPACITY) {
				// Balances and deals keep their history: a year the data no longer gives loses its measured actual.
				jdbc.sql("""
						UPDATE projects.result_period SET actual = NULL, actual_source = NULL, measured_at = NULL
						WHERE indicator_id = :id AND actual_source = 'MEASURED' AND NOT (year = ANY (:years))
						""").param("id", id).param("years", figures.keySet().toArray(Integer[]::new)).update();
			}
			for (Map.Entry<Integer, BigDecimal> figure : figures.entrySet()) {
				if (figure.getKey() < (Integer) indicator[5] || figure.getKey() > year || figure.getValue() == null) {
					continue;
				}
				written += jdbc.sql("""
						INSERT INTO projects.result_period (indicator_id, year, actual, actual_source, measured_at)
						VALUES (:id, :year, :actual, 'MEASURED', :now)
						ON CONFLICT (indicator_id, year) DO UPDATE
						SET actual = EXCLUDED.actual, actual_source = 'MEASURED', measured_at = EXCLUDED.measured_at
						""").param("id", id).param("year", figure.getKey())
					.param("actual", figure.getValue().setScale(2, java.math.RoundingMode.HALF_EVEN))
					.param("now", now).update();
			}
		}
		return written;
	}

	/** A platform figure year by year, as a linked indicator of that link would measure it. */
	Map<Integer, BigDecimal> figuresOf(String link, String country, String commodity) {
		return figures(Link.valueOf(link), country, commodity, null, LocalDate.now(clock).getYear());
	}

	private Map<Integer, BigDecimal> figures(Link link, String country, String commodity, String hub, int year) {
		Map<Integer, BigDecimal> figures = new TreeMap<>();
		switch (link) {
			case SELF_SUFFICIENCY -> balances.yearly(country, commodity)
				.forEach(m -> figures.put(m.year(), m.selfSufficiency()));
			case PRODUCTION -> balances.yearly(country, commodity).forEach(m -> figures.put(m.year(), m.production()));
			case HUB_CAPACITY -> figures.put(year, hubs.capacityTonnes(hub));
			case IFPA_TONNES -> figures.putAll(trade.tonnesByYear(commodity, country));
			case NONE -> {
			}
		}
		return figures;
	}

	/** Indicators of many projects, two queries for any number of them (the IATI export reads them in pages). */
	Map<Long, List<Indicator>> ofProjects(List<Long> ids) {
		Map<Long, List<Indicator>> byProject = new HashMap<>();
		if (ids.isEmpty()) {
			return byProject;
		}
		Long[] keys = ids.toArray(Long[]::new);
		Map<Long, List<Period>> periods = new HashMap<>();
		jdbc.sql("""
				SELECT p.indicator_id, p.year, p.target, p.actual, p.actual_source FROM projects.result_period p
				JOIN projects.result_indicator i ON i.id = p.indicator_id
				WHERE i.project_id = ANY (:ids) ORDER BY p.indicator_id, p.year
				""").param("ids", keys)
			.query((rs, row) -> periods.computeIfAbsent(rs.getLong("indicator_id"), k -> new ArrayList<>())
				.add(new Period(rs.getInt("year"), rs.getBigDecimal("target"), rs.getBigDecimal("actual"),
						rs.getString("actual_source"))))
			.list();
		jdbc.sql("SELECT * FROM projects.result_indicator WHERE project_id = ANY (:ids) ORDER BY project_id, position")
			.param("ids", keys)
			.query((rs, row) -> byProject.computeIfAbsent(rs.getLong("project_id"), k -> new ArrayList<>())
				.add(new Indicator(rs.getLong("id"), rs.getInt("result_type"),
						new LocalizedText(rs.getString("title_en"), rs.getString("title_ar"), rs.getString("title_fr")),
						rs.getString("unit"), rs.getBoolean("ascending"), rs.getInt("baseline_year"),
						rs.getBigDecimal("baseline_value"), rs.getString("link"), rs.getString("link_country"),
						rs.getString("link_commodity"), rs.getString("link_hub"),
						periods.getOrDefault(rs.getLong("id"), List.of()))))
			.list();
		return byProject;
	}

	private List<IndicatorInput> check(List<IndicatorInput> inputs) {
		int thisYear = LocalDate.now(clock).getYear();
		List<IndicatorInput> checked = new ArrayList<>();
		for (int i = 0; i < inputs.size(); i++) {
			IndicatorInput in = inputs.get(i);
			String at = "indicators[" + i + "]";
			if (in == null) {
				throw new InvalidInputException(at, "is empty");
			}
			int type = in.resultType() == null ? 2 : in.resultType();
			if (type < 1 || type > 3) {
				throw new InvalidInputException(at + ".resultType", "must be 1 output, 2 outcome or 3 impact");
			}
			Link link = ProjectRules.choice(Link.class, in.link() == null ? "NONE" : in.link(), at + ".link");
			Unit unit = link.unit != null && (in.unit() == null || in.unit().isBlank()) ? link.unit
					: ProjectRules.choice(Unit.class, in.unit(), at + ".unit");
			if (link.unit != null && unit != link.unit) {
				throw new InvalidInputException(at + ".unit", "must be " + link.unit + ": the figure " + link
						+ " is measured in it");
			}
			String country = null;
			String commodity = null;
			String hub = null;
			if (link == Link.SELF_SUFFICIENCY || link == Link.PRODUCTION || link == Link.IFPA_TONNES) {
				boolean required = link != Link.IFPA_TONNES;
				country = blank(in.linkCountry()) ? null : countries.find(in.linkCountry().strip())
					.orElseThrow(() -> new InvalidInputException(at + ".linkCountry",
							"must be the ISO3 code of an OIC member state")).iso3();
				commodity = blank(in.linkCommodity()) ? null : commodities.find(in.linkCommodity().strip())
					.orElseThrow(() -> new InvalidInputException(at + ".linkCommodity", "is not a commodity")).code();
				if (required && country == null) {
					throw new InvalidInputException(at + ".linkCountry", "is required to measure " + link);
				}
				if (required && commodity == null) {
					throw new InvalidInputException(at + ".linkCommodity", "is required to measure " + link);
				}
			}
			if (link == Link.HUB_CAPACITY) {
				hub = blank(in.linkHub()) ? "" : in.linkHub().strip().toUpperCase(java.util.Locale.ROOT);
				if (!hubs.exists(hub)) {
					throw new InvalidInputException(at + ".linkHub", "must be the code of a hub");
				}
			}
			if (in.baselineYear() == null || in.baselineYear() < 1960 || in.baselineYear() > thisYear) {
				throw new InvalidInputException(at + ".baselineYear", "must be a year from 1960 to this one");
			}
			if (in.baselineValue() == null) {
				throw new InvalidInputException(at + ".baselineValue", "is required");
			}
			List<PeriodInput> periods = new ArrayList<>();
			Set<Integer> years = new HashSet<>();
			List<PeriodInput> given = in.periods() == null ? List.of() : in.periods();
			for (int p = 0; p < given.size(); p++) {
				PeriodInput period = given.get(p);
				String pat = at + ".periods[" + p + "]";
				if (period == null || period.year() == null || period.year() < 1960 || period.year() > 2100) {
					throw new InvalidInputException(pat + ".year", "must be a year from 1960 to 2100");
				}
				if (!years.add(period.year())) {
					throw new InvalidInputException(pat + ".year", period.year() + " is named twice");
				}
				if (period.year() < in.baselineYear()) {
					throw new InvalidInputException(pat + ".year", "comes before the baseline year");
				}
				if (period.actual() != null && link != Link.NONE) {
					throw new InvalidInputException(pat + ".actual",
							"is measured from the platform's data for a linked indicator, not entered");
				}
				if (period.actual() != null && period.year() > thisYear) {
					throw new InvalidInputException(pat + ".actual", "is for a year still to come");
				}
				if (unit != Unit.PERCENT && (negative(period.target()) || negative(period.actual()))) {
					throw new InvalidInputException(pat, "a quantity cannot be negative");
				}
				if (period.target() == null && period.actual() == null) {
					throw new InvalidInputException(pat, "needs a target or an actual");
				}
				periods.add(period);
			}
			checked.add(new IndicatorInput(type, Inputs.name(in.titleEn(), 300, at + ".titleEn"),
					Inputs.name(in.titleAr(), 300, at + ".titleAr"), Inputs.name(in.titleFr(), 300, at + ".titleFr"),
					unit.name(), in.ascending() == null || in.ascending(), in.baselineYear(), in.baselineValue(),
					link.name(), country, commodity, hub, periods));
		}
		return checked;
	}

	private static boolean negative(BigDecimal value) {
		return value != null && value.signum() < 0;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
