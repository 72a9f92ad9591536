package org.iofs.fse.projects.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.access.CurrentCaller;
import org.iofs.fse.access.Scope;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.Inputs;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.LocalizedText;
import org.iofs.fse.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The project portfolio: the Secretariat records a project and keeps it up to date; visitors read the published
 * ones; a member's focal point reads its member's projects, published or not. Shares of member states and of
 * sectors each sum to 100, dates come in order and no actual date lies ahead, every code is one the platform
 * knows: a project that breaks a rule is refused naming the field, with nothing stored.
 */
@Service
public class Projects {

	public enum Kind {
		REGIONAL_CLUSTER, NATIONAL_PROJECT, PROGRAMME, TECHNICAL_ASSISTANCE
	}

	/** The stages of the IsDB project cycle, each with the IATI activity status it is published as. */
	public enum Stage {

		IDENTIFICATION(1), PREPARATION(1), APPRAISAL(1), APPROVAL(1), EFFECTIVENESS(2), IMPLEMENTATION(2),
		COMPLETION(3), EVALUATION(4);

		final int iatiStatus;

		Stage(int iatiStatus) {
			this.iatiStatus = iatiStatus;
		}

	}

	public enum ValueChainStage {
		INPUTS, PRODUCTION, STORAGE, PROCESSING, TRADE, CONSUMPTION
	}

	public record Share(String code, BigDecimal percentage) {
	}

	/** A participating organisation: name, IATI identifier if it has one, role 1 to 4, IATI organisation type. */
	public record Participant(String name, String ref, int role, String type) {
	}

	public record Project(long id, String code, LocalizedText titles, LocalizedText descriptions, String kind,
			String stage, int iatiStatus, String valueChainStage, List<String> commodities, List<Share> countries,
			List<Share> sectors, List<Participant> organisations, LocalDate plannedStart, LocalDate plannedEnd,
			LocalDate actualStart, LocalDate actualEnd, boolean published, Instant updatedAt, boolean demo) {
	}

	/** What the Secretariat sends, in full each time. */
	public record Input(String code, String titleEn, String titleAr, String titleFr, String descriptionEn,
			String descriptionAr, String descriptionFr, String kind, String stage, String valueChainStage,
			List<String> commodities, List<Share> countries, List<Share> sectors, List<Participant> organisations,
			LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart, LocalDate actualEnd,
			Boolean published) {
	}

	/** The IATI organisation types a participant may have (codelist OrganisationType). */
	static final Set<String> ORGANISATION_TYPES = Set.of("10", "11", "15", "21", "22", "23", "24", "30", "40", "60",
			"70", "71", "72", "73", "80", "90");

	private static final BigDecimal HUNDRED = new BigDecimal("100");

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Countries countries;

	private final Commodities commodities;

	private final DacSectors sectors;

	private final Clock clock;

	Projects(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, Countries countries, Commodities commodities,
			DacSectors sectors, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.countries = countries;
		this.commodities = commodities;
		this.sectors = sectors;
		this.clock = clock;
	}

	@Transactional
	public Project create(Input input) {
		access.require(Action.PUBLISH);
		Checked checked = check(input);
		if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM projects.project WHERE code = :code)").param("code", checked.code)
			.query(Boolean.class).single()) {
			throw new ConflictException("PROJECT_EXISTS", "A project is already recorded as " + checked.code);
		}
		long id = jdbc.sql("""
				INSERT INTO projects.project (code, title_en, title_ar, title_fr, description_en, description_ar,
				    description_fr, kind, stage, value_chain_stage, commodities, planned_start, planned_end,
				    actual_start, actual_end, published, updated_at)
				VALUES (:code, :titleEn, :titleAr, :titleFr, :descriptionEn, :descriptionAr, :descriptionFr, :kind,
				    :stage, :valueChain, :commodities, :plannedStart, :plannedEnd, :actualStart, :actualEnd,
				    :published, :now)
				RETURNING id
				""").params(checked.columns(clock)).query(Long.class).single();
		writeLists(id, checked);
		Project created = load(id);
		audit.record("projects.project-created", "project", id, null, created);
		return created;
	}

	@Transactional
	public Project update(long id, Input input) {
		access.require(Action.PUBLISH);
		Project before = load(id);
		Checked checked = check(input);
		if (!checked.code.equals(before.code())) {
			throw new InvalidInputException("code", "cannot change: the IATI identifier is made from it");
		}
		jdbc.sql("""
				UPDATE projects.project SET title_en = :titleEn, title_ar = :titleAr, title_fr = :titleFr,
				    description_en = :descriptionEn, description_ar = :descriptionAr, description_fr = :descriptionFr,
				    kind = :kind, stage = :stage, value_chain_stage = :valueChain, commodities = :commodities,
				    planned_start = :plannedStart, planned_end = :plannedEnd, actual_start = :actualStart,
				    actual_end = :actualEnd, published = :published, updated_at = :now
				WHERE id = :id
				""").params(checked.columns(clock)).param("id", id).update();
		for (String table : List.of("project_country", "project_sector", "project_organisation")) {
			jdbc.sql("DELETE FROM projects." + table + " WHERE project_id = :id").param("id", id).update();
		}
		writeLists(id, checked);
		Project after = load(id);
		audit.record("projects.project-updated", "project", id, before, after);
		return after;
	}

	/** A published project for everyone; an unpublished one for the Secretariat and its members' focal points. */
	@Transactional(readOnly = true)
	public Project get(long id) {
		Project project = jdbc.sql("SELECT id FROM projects.project WHERE id = :id").param("id", id).query(Long.class)
			.optional()
			.map(this::load)
			.filter(found -> found.published() || mayReadUnpublished(found))
			.orElseThrow(() -> new NotFoundException("project", Long.toString(id)));
		return project;
	}

	/** The projects the caller may read, newest first; a member's when a country is named. */
	@Transactional(readOnly = true)
	public List<Project> list(String country) {
		String iso3 = country == null || country.isBlank() ? null
				: countries.find(country.strip()).orElseThrow(() -> new InvalidInputException("country",
						"must be the ISO3 code of an OIC member state")).iso3();
		List<Long> ids = jdbc.sql("""
				SELECT p.id FROM projects.project p
				WHERE CAST(:country AS text) IS NULL
				   OR EXISTS (SELECT 1 FROM projects.project_country c WHERE c.project_id = p.id AND c.country_iso3 = :country)
				ORDER BY p.id DESC LIMIT 2000
				""").param("country", iso3).query(Long.class).list();
		return loadAll(ids).stream().filter(p -> p.published() || mayReadUnpublished(p)).toList();
	}

	/** Every published project, for the IATI export. */
	@Transactional(readOnly = true)
	public List<Project> published() {
		return loadAll(jdbc.sql("SELECT id FROM projects.project WHERE published ORDER BY id").query(Long.class).list());
	}

	Project load(long id) {
		List<Project> found = loadAll(List.of(id));
		if (found.isEmpty()) {
			throw new NotFoundException("project", Long.toString(id));
		}
		return found.get(0);
	}

	/** Projects with their lists, four queries for any number of them. */
	List<Project> loadAll(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Long[] keys = ids.toArray(Long[]::new);
		Map<Long, List<Share>> countryShares = shares("project_country", "country_iso3", keys);
		Map<Long, List<Share>> sectorShares = shares("project_sector", "code", keys);
		Map<Long, List<Participant>> participants = new HashMap<>();
		jdbc.sql("SELECT project_id, name, ref, role, type FROM projects.project_organisation "
				+ "WHERE project_id = ANY (:ids) ORDER BY project_id, position").param("ids", keys)
			.query((rs, row) -> participants.computeIfAbsent(rs.getLong("project_id"), k -> new ArrayList<>())
				.add(new Participant(rs.getString("name"), rs.getString("ref"), rs.getInt("role"), rs.getString("type"))))
			.list();
		Map<Long, Project> byId = new HashMap<>();
		jdbc.sql("SELECT * FROM projects.project WHERE id = ANY (:ids)").param("ids", keys)
			.query((rs, row) -> {
				long id = rs.getLong("id");
				Stage stage = Stage.valueOf(rs.getString("stage"));
				return byId.put(id, new Project(id, rs.getString("code"),
						new LocalizedText(rs.getString("title_en"), rs.getString("title_ar"), rs.getString("title_fr")),
						new LocalizedText(rs.getString("description_en"), rs.getString("description_ar"),
								rs.getString("description_fr")),
						rs.getString("kind"), stage.name(), stage.iatiStatus, rs.getString("value_chain_stage"),
						List.of((String[]) rs.getArray("commodities").getArray()),
						countryShares.getOrDefault(id, List.of()), sectorShares.getOrDefault(id, List.of()),
						participants.getOrDefault(id, List.of()), date(rs.getDate("planned_start")),
						date(rs.getDate("planned_end")), date(rs.getDate("actual_start")), date(rs.getDate("actual_end")),
						rs.getBoolean("published"), rs.getTimestamp("updated_at").toInstant(), rs.getBoolean("demo")));
			})
			.list();
		return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
	}

	private Map<Long, List<Share>> shares(String table, String column, Long[] keys) {
		Map<Long, List<Share>> shares = new HashMap<>();
		jdbc.sql("SELECT project_id, " + column + " AS code, percentage FROM projects." + table
				+ " WHERE project_id = ANY (:ids) ORDER BY project_id, percentage DESC, " + column)
			.param("ids", keys)
			.query((rs, row) -> shares.computeIfAbsent(rs.getLong("project_id"), k -> new ArrayList<>())
				.add(new Share(rs.getString("code").strip(), rs.getBigDecimal("percentage").stripTrailingZeros())))
			.list();
		return shares;
	}

	private boolean mayReadUnpublished(Project project) {
		Optional<Caller> caller = CurrentCaller.get();
		return caller.isPresent() && (access.allows(caller.get(), Action.READ_ALL, Scope.GLOBAL)
				|| project.countries().stream().anyMatch(share -> access.allows(caller.get(), Action.READ_COUNTRY_DATA,
						Scope.country(share.code()))));
	}

	private void writeLists(long id, Checked checked) {
		for (Share share : checked.countries) {
			jdbc.sql("INSERT INTO projects.project_country (project_id, country_iso3, percentage) VALUES (:id, :c, :p)")
				.param("id", id).param("c", share.code()).param("p", share.percentage()).update();
		}
		for (Share share : checked.sectors) {
			jdbc.sql("INSERT INTO projects.project_sector (project_id, code, percentage) VALUES (:id, :c, :p)")
				.param("id", id).param("c", share.code()).param("p", share.percentage()).update();
		}
		for (int i = 0; i < checked.organisations.size(); i++) {
			Participant p = checked.organisations.get(i);
			jdbc.sql("""
					INSERT INTO projects.project_organisation (project_id, position, name, ref, role, type)
					VALUES (:id, :position, :name, :ref, :role, :type)
					""").param("id", id).param("position", i).param("name", p.name()).param("ref", p.ref())
				.param("role", p.role()).param("type", p.type()).update();
		}
	}

	/** An input that passed every rule, ready to store. */
	private record Checked(String code, String titleEn, String titleAr, String titleFr, String descriptionEn,
			String descriptionAr, String descriptionFr, Kind kind, Stage stage, ValueChainStage valueChain,
			List<String> commodities, List<Share> countries, List<Share> sectors, List<Participant> organisations,
			LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart, LocalDate actualEnd,
			boolean published) {

		Map<String, Object> columns(Clock clock) {
			Map<String, Object> columns = new HashMap<>();
			columns.put("code", code);
			columns.put("titleEn", titleEn);
			columns.put("titleAr", titleAr);
			columns.put("titleFr", titleFr);
			columns.put("descriptionEn", descriptionEn);
			columns.put("descriptionAr", descriptionAr);
			columns.put("descriptionFr", descriptionFr);
			columns.put("kind", kind.name());
			columns.put("stage", stage.name());
			columns.put("valueChain", valueChain.name());
			columns.put("commodities", commodities.toArray(String[]::new));
			columns.put("plannedStart", Date.valueOf(plannedStart));
			columns.put("plannedEnd", plannedEnd == null ? null : Date.valueOf(plannedEnd));
			columns.put("actualStart", actualStart == null ? null : Date.valueOf(actualStart));
			columns.put("actualEnd", actualEnd == null ? null : Date.valueOf(actualEnd));
			columns.put("published", published);
			columns.put("now", Timestamp.from(clock.instant()));
			return columns;
		}

	}

	private Checked check(Input input) {
		if (input == null) {
			throw new InvalidInputException("project", "is required");
		}
		String code = required(input.code(), "code").toUpperCase(Locale.ROOT);
		if (!code.matches("[A-Z0-9][A-Z0-9-]{1,39}")) {
			throw new InvalidInputException("code", "must be 2 to 40 letters, digits and hyphens");
		}
		List<String> traded = (input.commodities() == null ? List.<String>of() : input.commodities()).stream()
			.map(c -> commodities.find(Objects.toString(c, "")).orElseThrow(() -> new InvalidInputException("commodities",
					"'" + c + "' is not a commodity")).code())
			.distinct()
			.toList();
		List<Share> countryShares = shares(input.countries(), "countries", iso3 -> countries.find(iso3)
			.map(c -> c.iso3()).orElse(null), "the ISO3 code of an OIC member state");
		List<Share> sectorShares = shares(input.sectors(), "sectors", dac -> sectors.contains(dac) ? dac : null,
				"a DAC 5-digit sector the platform lists");
		List<Participant> participants = participants(input.organisations());
		LocalDate today = LocalDate.now(clock);
		if (input.plannedStart() == null) {
			throw new InvalidInputException("plannedStart", "is required");
		}
		if (input.plannedEnd() != null && input.plannedEnd().isBefore(input.plannedStart())) {
			throw new InvalidInputException("plannedEnd", "comes before plannedStart");
		}
		if (input.actualStart() != null && input.actualStart().isAfter(today)) {
			throw new InvalidInputException("actualStart", "is in the future");
		}
		if (input.actualEnd() != null) {
			if (input.actualStart() == null) {
				throw new InvalidInputException("actualEnd", "needs an actualStart");
			}
			if (input.actualEnd().isBefore(input.actualStart())) {
				throw new InvalidInputException("actualEnd", "comes before actualStart");
			}
			if (input.actualEnd().isAfter(today)) {
				throw new InvalidInputException("actualEnd", "is in the future");
			}
		}
		return new Checked(code, name(input.titleEn(), "titleEn"), name(input.titleAr(), "titleAr"),
				name(input.titleFr(), "titleFr"), description(input.descriptionEn(), "descriptionEn"),
				description(input.descriptionAr(), "descriptionAr"), description(input.descriptionFr(), "descriptionFr"),
				choice(Kind.class, input.kind(), "kind"), choice(Stage.class, input.stage(), "stage"),
				choice(ValueChainStage.class, input.valueChainStage(), "valueChainStage"), traded, countryShares,
				sectorShares, participants, input.plannedStart(), input.plannedEnd(), input.actualStart(),
				input.actualEnd(), Boolean.TRUE.equals(input.published()));
	}

	/** Shares that name known codes, once each, and sum to exactly 100. */
	private static List<Share> shares(List<Share> given, String field,
			java.util.function.Function<String, String> known, String what) {
		if (given == null || given.isEmpty()) {
			throw new InvalidInputException(field, "must name at least one, with percentages summing to 100");
		}
		List<Share> shares = new ArrayList<>();
		BigDecimal sum = BigDecimal.ZERO;
		for (int i = 0; i < given.size(); i++) {
			Share share = given.get(i);
			String at = field + "[" + i + "]";
			String code = share == null ? null : known.apply(Objects.toString(share.code(), "").strip());
			if (code == null) {
				throw new InvalidInputException(at + ".code", "must be " + what);
			}
			if (shares.stream().anyMatch(s -> s.code().equals(code))) {
				throw new InvalidInputException(at + ".code", "'" + code + "' is named twice");
			}
			BigDecimal percentage = share.percentage();
			if (percentage == null || percentage.signum() <= 0 || percentage.compareTo(HUNDRED) > 0
					|| percentage.scale() > 2) {
				throw new InvalidInputException(at + ".percentage", "must be above 0 and at most 100, to 2 decimals");
			}
			sum = sum.add(percentage);
			shares.add(new Share(code, percentage));
		}
		if (sum.compareTo(HUNDRED) != 0) {
			throw new InvalidInputException(field, "percentages sum to " + sum.toPlainString() + ", not 100");
		}
		return shares;
	}

	private static List<Participant> participants(List<Participant> given) {
		if (given == null || given.isEmpty()) {
			throw new InvalidInputException("organisations", "must name at least one participating organisation");
		}
		List<Participant> participants = new ArrayList<>();
		for (int i = 0; i < given.size(); i++) {
			Participant p = given.get(i);
			String at = "organisations[" + i + "]";
			if (p == null) {
				throw new InvalidInputException(at, "is empty");
			}
			if (p.role() < 1 || p.role() > 4) {
				throw new InvalidInputException(at + ".role", "must be 1 funding, 2 accountable, 3 extending or 4 implementing");
			}
			String type = Objects.toString(p.type(), "").strip();
			if (!ORGANISATION_TYPES.contains(type)) {
				throw new InvalidInputException(at + ".type", "must be an IATI organisation type code");
			}
			String ref = Objects.toString(p.ref(), "").strip();
			if (ref.length() > 100 || !ref.matches("[A-Za-z0-9-]*")) {
				throw new InvalidInputException(at + ".ref", "must be an IATI organisation identifier");
			}
			participants.add(new Participant(name(p.name(), at + ".name"), ref, p.role(), type));
		}
		return participants;
	}

	private static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
		return Arrays.stream(type.getEnumConstants())
			.filter(e -> e.name().equalsIgnoreCase(Objects.toString(value, "").strip()))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException(field,
					"must be one of " + Arrays.toString(type.getEnumConstants())));
	}

	private static String required(String value, String field) {
		return Inputs.required(value, field);
	}

	private static String name(String value, String field) {
		return Inputs.name(value, 300, field);
	}

	/** IATI requires a description; the platform publishes it in its three languages. */
	private static String description(String value, String field) {
		String text = required(value, field);
		if (text.length() > 5000) {
			throw new InvalidInputException(field, "is longer than 5,000 characters");
		}
		return text;
	}

	private static LocalDate date(Date date) {
		return date == null ? null : date.toLocalDate();
	}

}
