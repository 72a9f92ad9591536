package org.iofs.fse.projects.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.access.CurrentCaller;
import org.iofs.fse.access.Scope;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.shared.ConflictException;
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

	/**
	 * A participating organisation: its name (in English), in Arabic and French when given (else the English one
	 * stands), IATI identifier if it has one, role 1 to 4, IATI organisation type.
	 */
	public record Participant(String name, String nameAr, String nameFr, String ref, int role, String type) {

		public Participant(String name, String ref, int role, String type) {
			this(name, null, null, ref, role, type);
		}

		/** The name in the reader's language, the English one where none was given. */
		public String name(java.util.Locale locale) {
			String local = switch (locale.getLanguage()) {
				case "ar" -> nameAr;
				case "fr" -> nameFr;
				default -> name;
			};
			return local == null || local.isBlank() ? name : local;
		}

	}

	/** A place the project works at, a point on the map; exactness 1 exact, 2 approximate (IATI's codes). */
	public record Location(LocalizedText names, String country, BigDecimal latitude, BigDecimal longitude,
			Integer exactness) {
	}

	/** {@code seekingUsd}: the US dollars the project seeks from investors, null when it seeks none. */
	public record Project(long id, String code, LocalizedText titles, LocalizedText descriptions, String kind,
			String stage, int iatiStatus, String valueChainStage, List<String> commodities, List<Share> countries,
			List<Share> sectors, List<Participant> organisations, List<Location> locations, LocalDate plannedStart,
			LocalDate plannedEnd, LocalDate actualStart, LocalDate actualEnd, BigDecimal seekingUsd, boolean published,
			Instant updatedAt, boolean demo) {
	}

	/** What the Secretariat sends, in full each time. */
	public record Input(String code, String titleEn, String titleAr, String titleFr, String descriptionEn,
			String descriptionAr, String descriptionFr, String kind, String stage, String valueChainStage,
			List<String> commodities, List<Share> countries, List<Share> sectors, List<Participant> organisations,
			List<Location> locations, LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart,
			LocalDate actualEnd, BigDecimal seekingUsd, Boolean published) {
	}

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Countries countries;

	private final ProjectRules rules;

	private final Clock clock;

	Projects(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, Countries countries, ProjectRules rules,
			Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.countries = countries;
		this.rules = rules;
		this.clock = clock;
	}

	@Transactional
	public Project create(Input input) {
		access.require(Action.PUBLISH);
		ProjectRules.Checked checked = rules.check(input);
		if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM projects.project WHERE code = :code)").param("code", checked.code())
			.query(Boolean.class).single()) {
			throw new ConflictException("PROJECT_EXISTS", "A project is already recorded as " + checked.code());
		}
		long id = jdbc.sql("""
				INSERT INTO projects.project (code, title_en, title_ar, title_fr, description_en, description_ar,
				    description_fr, kind, stage, value_chain_stage, commodities, planned_start, planned_end,
				    actual_start, actual_end, seeking_usd, published, updated_at)
				VALUES (:code, :titleEn, :titleAr, :titleFr, :descriptionEn, :descriptionAr, :descriptionFr, :kind,
				    :stage, :valueChain, :commodities, :plannedStart, :plannedEnd, :actualStart, :actualEnd,
				    :seekingUsd, :published, :now)
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
		ProjectRules.Checked checked = rules.check(input);
		if (!checked.code().equals(before.code())) {
			throw new InvalidInputException("code", "cannot change: the IATI identifier is made from it");
		}
		jdbc.sql("""
				UPDATE projects.project SET title_en = :titleEn, title_ar = :titleAr, title_fr = :titleFr,
				    description_en = :descriptionEn, description_ar = :descriptionAr, description_fr = :descriptionFr,
				    kind = :kind, stage = :stage, value_chain_stage = :valueChain, commodities = :commodities,
				    planned_start = :plannedStart, planned_end = :plannedEnd, actual_start = :actualStart,
				    actual_end = :actualEnd, seeking_usd = :seekingUsd, published = :published, updated_at = :now
				WHERE id = :id
				""").params(checked.columns(clock)).param("id", id).update();
		for (String table : List.of("project_country", "project_sector", "project_organisation",
				"project_location")) {
			jdbc.sql("DELETE FROM projects." + table + " WHERE project_id = :id").param("id", id).update();
		}
		writeLists(id, checked);
		Project after = load(id);
		audit.record("projects.project-updated", "project", id, before, after);
		return after;
	}

	/** Whether a project is recorded under this code (codes as stored: upper case). */
	@Transactional(readOnly = true)
	public boolean exists(String code) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM projects.project WHERE code = :code)")
			.param("code", code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT)).query(Boolean.class)
			.single();
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

	/** The ids of every published project, for the IATI export to read page by page. */
	@Transactional(readOnly = true)
	public List<Long> publishedIds() {
		return jdbc.sql("SELECT id FROM projects.project WHERE published ORDER BY id").query(Long.class).list();
	}

	Project load(long id) {
		List<Project> found = loadAll(List.of(id));
		if (found.isEmpty()) {
			throw new NotFoundException("project", Long.toString(id));
		}
		return found.get(0);
	}

	/** Projects with their lists, five queries for any number of them. */
	List<Project> loadAll(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Long[] keys = ids.toArray(Long[]::new);
		Map<Long, List<Share>> countryShares = shares("project_country", "country_iso3", keys);
		Map<Long, List<Share>> sectorShares = shares("project_sector", "code", keys);
		Map<Long, List<Participant>> participants = new HashMap<>();
		jdbc.sql("SELECT project_id, name, name_ar, name_fr, ref, role, type FROM projects.project_organisation "
				+ "WHERE project_id = ANY (:ids) ORDER BY project_id, position").param("ids", keys)
			.query((rs, row) -> participants.computeIfAbsent(rs.getLong("project_id"), k -> new ArrayList<>())
				.add(new Participant(rs.getString("name"), rs.getString("name_ar"), rs.getString("name_fr"),
						rs.getString("ref"), rs.getInt("role"), rs.getString("type"))))
			.list();
		Map<Long, List<Location>> locations = new HashMap<>();
		jdbc.sql("SELECT * FROM projects.project_location WHERE project_id = ANY (:ids) ORDER BY project_id, position")
			.param("ids", keys)
			.query((rs, row) -> locations.computeIfAbsent(rs.getLong("project_id"), k -> new ArrayList<>())
				.add(new Location(new LocalizedText(rs.getString("name_en"), rs.getString("name_ar"),
						rs.getString("name_fr")), rs.getString("country_iso3"), rs.getBigDecimal("latitude"),
						rs.getBigDecimal("longitude"), rs.getInt("exactness"))))
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
						participants.getOrDefault(id, List.of()), locations.getOrDefault(id, List.of()),
						date(rs.getDate("planned_start")), date(rs.getDate("planned_end")),
						date(rs.getDate("actual_start")), date(rs.getDate("actual_end")),
						rs.getBigDecimal("seeking_usd"), rs.getBoolean("published"), rs.getTimestamp("updated_at").toInstant(), rs.getBoolean("demo")));
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

	private void writeLists(long id, ProjectRules.Checked checked) {
		for (Share share : checked.countries()) {
			jdbc.sql("INSERT INTO projects.project_country (project_id, country_iso3, percentage) VALUES (:id, :c, :p)")
				.param("id", id).param("c", share.code()).param("p", share.percentage()).update();
		}
		for (Share share : checked.sectors()) {
			jdbc.sql("INSERT INTO projects.project_sector (project_id, code, percentage) VALUES (:id, :c, :p)")
				.param("id", id).param("c", share.code()).param("p", share.percentage()).update();
		}
		for (int i = 0; i < checked.organisations().size(); i++) {
			Participant p = checked.organisations().get(i);
			jdbc.sql("""
					INSERT INTO projects.project_organisation (project_id, position, name, name_ar, name_fr, ref, role, type)
					VALUES (:id, :position, :name, :nameAr, :nameFr, :ref, :role, :type)
					""").param("id", id).param("position", i).param("name", p.name())
				.param("nameAr", p.nameAr()).param("nameFr", p.nameFr()).param("ref", p.ref())
				.param("role", p.role()).param("type", p.type()).update();
		}
		for (int i = 0; i < checked.locations().size(); i++) {
			Location l = checked.locations().get(i);
			jdbc.sql("""
					INSERT INTO projects.project_location (project_id, position, name_en, name_ar, name_fr,
					    country_iso3, latitude, longitude, exactness)
					VALUES (:id, :position, :en, :ar, :fr, :country, :latitude, :longitude, :exactness)
					""").param("id", id).param("position", i).param("en", l.names().en()).param("ar", l.names().ar())
				.param("fr", l.names().fr()).param("country", l.country()).param("latitude", l.latitude())
				.param("longitude", l.longitude()).param("exactness", l.exactness()).update();
		}
	}

	private static LocalDate date(Date date) {
		return date == null ? null : date.toLocalDate();
	}

}
