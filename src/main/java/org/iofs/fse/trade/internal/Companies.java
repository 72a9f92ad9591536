package org.iofs.fse.trade.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.access.CurrentCaller;
import org.iofs.fse.access.Scope;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.organisations.OrganisationType;
import org.iofs.fse.organisations.Organisations;
import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.LocalizedText;
import org.iofs.fse.shared.Named;
import org.iofs.fse.shared.NotFoundException;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * IFPA's member companies: a company's members apply for it (its legal names in three languages, country,
 * registration number and registry, sectors, commodities and HS headings) and keep the application up to date;
 * the Secretariat verifies, suspends or refuses it with a note. The board shows verified companies to everyone; an
 * application that is not verified is seen only by its company and the Secretariat.
 */
@Service
public class Companies {

	public record Company(UUID id, LocalizedText legalNames, String country, String registrationNumber,
			String registry, List<String> sectors, List<String> commodities, List<String> hsHeadings, String kycStatus,
			String kycNote, Instant appliedAt, Instant decidedAt, LocalDate verifiedOn, boolean demo) implements Named {

		@Override
		public String name(Locale locale) {
			return legalNames.in(locale);
		}

		public boolean verified() {
			return KycStatus.VERIFIED.name().equals(kycStatus);
		}

	}

	/**
	 * What a company's members send, in full each time (PUT); sites and contacts left out (null) stay as they are,
	 * an empty list removes them.
	 */
	public record Application(String legalNameEn, String legalNameAr, String legalNameFr, String country,
			String registrationNumber, String registry, List<String> sectors, List<String> commodities,
			List<String> hsHeadings, List<CompanyDossier.Site> sites, List<CompanyDossier.Contact> contacts) {
	}

	public record Decision(String status, String note) {
	}

	private static final String SELECT = """
			SELECT organisation_id, legal_name_en, legal_name_ar, legal_name_fr, country_iso3, registration_number,
			       registry, sectors, commodities, hs_headings, kyc_status, kyc_note, applied_at, decided_at,
			       verified_on, demo
			FROM trade.company
			""";

	private static final RowMapper<Company> COMPANY = (rs, row) -> new Company(
			rs.getObject("organisation_id", UUID.class),
			new LocalizedText(rs.getString("legal_name_en"), rs.getString("legal_name_ar"), rs.getString("legal_name_fr")),
			rs.getString("country_iso3"), rs.getString("registration_number"), rs.getString("registry"),
			List.of((String[]) rs.getArray("sectors").getArray()), List.of((String[]) rs.getArray("commodities").getArray()),
			List.of((String[]) rs.getArray("hs_headings").getArray()), rs.getString("kyc_status"),
			rs.getString("kyc_note"), rs.getTimestamp("applied_at").toInstant(),
			rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(),
			rs.getDate("verified_on") == null ? null : rs.getDate("verified_on").toLocalDate(), rs.getBoolean("demo"));

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Organisations organisations;

	private final Countries countries;

	private final Commodities commodities;

	private final BoardAnswers board;

	private final Clock clock;

	Companies(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, Organisations organisations, Countries countries,
			Commodities commodities, BoardAnswers board, Clock clock) {
		this.board = board;
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.organisations = organisations;
		this.countries = countries;
		this.commodities = commodities;
		this.clock = clock;
	}

	/**
	 * A company's members apply for it, or update the application; a change to a verified company's legal identity
	 * (names, country, registration) sends it back to be verified again.
	 */
	@Transactional
	public Company apply(UUID organisation, Application application) {
		access.require(Action.ACT_FOR_ORGANISATION, Scope.organisation(organisation));
		OrganisationType type = organisations.typeOf(organisation).orElseThrow(() -> new NotFoundException("organisation",
				organisation.toString()));
		if (type != OrganisationType.COMPANY) {
			throw new InvalidInputException("organisation", "is not a company");
		}
		String country = countries.find(Texts.required(application.country(), "country"))
			.orElseThrow(() -> new InvalidInputException("country", "must be the ISO3 code of an OIC member state"))
			.iso3();
		List<String> traded = Texts.list(application.commodities(), 50, "commodities").stream()
			.map(code -> commodities.find(code.toLowerCase(Locale.ROOT))
				.orElseThrow(() -> new InvalidInputException("commodities", "'" + code + "' is not a commodity"))
				.code())
			.distinct()
			.toList();
		List<String> headings = Texts.list(application.hsHeadings(), 100, "hsHeadings");
		headings.stream().filter(h -> !h.matches("[0-9]{4}")).findFirst().ifPresent(h -> {
			throw new InvalidInputException("hsHeadings", "'" + h + "' is not a four-digit HS heading");
		});
		var before = find(organisation);
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("en", Texts.name(application.legalNameEn(), "legalNameEn"));
		row.put("ar", Texts.name(application.legalNameAr(), "legalNameAr"));
		row.put("fr", Texts.name(application.legalNameFr(), "legalNameFr"));
		row.put("country", country);
		row.put("number", Texts.bounded(Texts.required(application.registrationNumber(), "registrationNumber"), 100,
				"registrationNumber"));
		row.put("registry", Texts.bounded(Texts.required(application.registry(), "registry"), 200, "registry"));
		boolean identityChanged = before.map(b -> !b.legalNames().equals(new LocalizedText((String) row.get("en"),
				(String) row.get("ar"), (String) row.get("fr"))) || !b.country().equals(country)
				|| !b.registrationNumber().equals(row.get("number"))).orElse(true);
		int taken = jdbc.sql("""
				SELECT count(*) FROM trade.company
				WHERE country_iso3 = :country AND registration_number = :number AND organisation_id <> :id
				""").param("country", country).param("number", row.get("number")).param("id", organisation)
			.query(Integer.class).single();
		if (taken > 0) {
			throw new ConflictException("REGISTRATION_TAKEN",
					"Another company is registered under " + row.get("number") + " in " + country);
		}
		jdbc.sql("""
				INSERT INTO trade.company (organisation_id, legal_name_en, legal_name_ar, legal_name_fr, country_iso3,
				    registration_number, registry, sectors, commodities, hs_headings, applied_at)
				VALUES (:id, :en, :ar, :fr, :country, :number, :registry, :sectors, :commodities, :headings, :now)
				ON CONFLICT (organisation_id) DO UPDATE SET legal_name_en = EXCLUDED.legal_name_en,
				    legal_name_ar = EXCLUDED.legal_name_ar, legal_name_fr = EXCLUDED.legal_name_fr,
				    country_iso3 = EXCLUDED.country_iso3, registration_number = EXCLUDED.registration_number,
				    registry = EXCLUDED.registry, sectors = EXCLUDED.sectors, commodities = EXCLUDED.commodities,
				    hs_headings = EXCLUDED.hs_headings,
				    kyc_status = CASE WHEN :identityChanged THEN 'APPLIED' ELSE trade.company.kyc_status END,
				    applied_at = CASE WHEN :identityChanged THEN EXCLUDED.applied_at ELSE trade.company.applied_at END,
				    verified_on = CASE WHEN :identityChanged THEN NULL ELSE trade.company.verified_on END
				""")
			.params(row)
			.param("id", organisation)
			.param("sectors", Texts.list(application.sectors(), 20, "sectors").toArray(String[]::new))
			.param("commodities", traded.toArray(String[]::new))
			.param("headings", headings.toArray(String[]::new))
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.param("identityChanged", identityChanged)
			.update();
		Company after = find(organisation).orElseThrow();
		audit.record(before.isEmpty() ? "trade.company-applied" : "trade.company-updated", "company", organisation,
				before.orElse(null), after);
		// A change of names or country, or a verified company sent back to be verified, shows on its offers' lines.
		board.changed();
		return after;
	}

	/** The Secretariat verifies, suspends or refuses a company, with a note (required unless verifying). */
	@Transactional
	public Company decide(UUID organisation, Decision decision) {
		Caller caller = access.require(Action.PUBLISH);
		Company before = find(organisation).orElseThrow(() -> new NotFoundException("company", organisation.toString()));
		KycStatus status = Arrays.stream(KycStatus.values())
			.filter(s -> s != KycStatus.APPLIED && s.name().equalsIgnoreCase(Objects.toString(decision.status(), "")))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("status", "must be VERIFIED, SUSPENDED or REFUSED"));
		String note = Texts.bounded(decision.note() == null ? "" : decision.note().strip(), 2000, "note");
		if (status != KycStatus.VERIFIED && note.isEmpty()) {
			throw new InvalidInputException("note", "is required to suspend or refuse a company");
		}
		LocalDate today = LocalDate.now(clock);
		jdbc.sql("""
				UPDATE trade.company SET kyc_status = :status, kyc_note = :note, decided_at = :now, decided_by = :by,
				    verified_on = CASE WHEN :status = 'VERIFIED' THEN coalesce(verified_on, :today) ELSE NULL END
				WHERE organisation_id = :id
				""")
			.param("status", status.name())
			.param("note", note)
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.param("by", caller.username())
			.param("today", Date.valueOf(today))
			.param("id", organisation)
			.update();
		Company after = find(organisation).orElseThrow();
		audit.record("trade.company-" + status.name().toLowerCase(Locale.ROOT), "company", organisation,
				Map.of("status", before.kycStatus()), Map.of("status", status.name(), "note", note));
		board.changed();
		return after;
	}

	/**
	 * One company: a verified one is public; any other only to its members and the Secretariat (anyone else is
	 * told it does not exist).
	 */
	@Transactional(readOnly = true)
	public Company get(UUID organisation) {
		Company company = find(organisation).orElseThrow(() -> new NotFoundException("company", organisation.toString()));
		if (!company.verified() && !maySeeUnverified(organisation)) {
			throw new NotFoundException("company", organisation.toString());
		}
		return company;
	}

	/** Companies by status: verified ones for everyone; the Secretariat may list any status. */
	@Transactional(readOnly = true)
	public List<Company> list(String status) {
		boolean secretariat = CurrentCaller.get().map(c -> access.allows(c, Action.READ_ALL, Scope.GLOBAL)).orElse(false);
		String wanted = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
		if (!secretariat && wanted != null && !wanted.equals(KycStatus.VERIFIED.name())) {
			return List.of();
		}
		return jdbc.sql(SELECT + """
				WHERE (CAST(:status AS text) IS NULL OR kyc_status = :status) AND (:all OR kyc_status = 'VERIFIED')
				ORDER BY legal_name_en LIMIT 1000
				""").param("status", wanted).param("all", secretariat).query(COMPANY).list();
	}

	/** A company as a row of the board names it. */
	public record CompanyName(UUID id, LocalizedText legalNames, String country) implements Named {

		@Override
		public String name(Locale locale) {
			return legalNames.in(locale);
		}

	}

	/**
	 * The names and countries of companies by id, for the board's fifty rows: one statement (no transaction of its
	 * own) reading three names and a country rather than every field of the company with its lists.
	 */
	public Map<UUID, CompanyName> names(java.util.Collection<UUID> ids) {
		Map<UUID, CompanyName> byId = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return byId;
		}
		jdbc.sql("""
				SELECT organisation_id, legal_name_en, legal_name_ar, legal_name_fr, country_iso3 FROM trade.company
				WHERE organisation_id = ANY (:ids)
				""").param("ids", ids.stream().distinct().toArray(UUID[]::new))
			.query((rs, row) -> new CompanyName(rs.getObject(1, UUID.class),
					new LocalizedText(rs.getString(2), rs.getString(3), rs.getString(4)), rs.getString(5)))
			.list().forEach(c -> byId.put(c.id(), c));
		return byId;
	}

	/** Companies by id, for pages that name the companies of many rows (the board shows verified ones only). */
	@Transactional(readOnly = true)
	public Map<UUID, Company> byIds(java.util.Collection<UUID> ids) {
		Map<UUID, Company> byId = new LinkedHashMap<>();
		jdbc.sql(SELECT + " WHERE organisation_id = ANY (:ids)").param("ids", ids.stream().distinct().toArray(UUID[]::new))
			.query(COMPANY).list().forEach(c -> byId.put(c.id(), c));
		return byId;
	}

	/** The company a caller acts for must be verified to publish or trade. */
	Company requireVerified(UUID organisation) {
		Company company = find(organisation).orElseThrow(() -> new InvalidInputException("company",
				"has not applied to IFPA"));
		if (!company.verified()) {
			throw new ConflictException("COMPANY_NOT_VERIFIED", "Company " + organisation + " is " + company.kycStatus()
					+ "; only a verified company publishes or trades");
		}
		return company;
	}

	/** The verified companies of a member, earliest verified first. */
	public List<UUID> verifiedIn(String iso3) {
		return jdbc.sql("""
				SELECT organisation_id FROM trade.company WHERE country_iso3 = :c AND kyc_status = 'VERIFIED'
				ORDER BY verified_on, organisation_id
				""").param("c", iso3).query(UUID.class).list();
	}

	public java.util.Optional<Company> find(UUID organisation) {
		return jdbc.sql(SELECT + " WHERE organisation_id = :id").param("id", organisation).query(COMPANY).optional();
	}

	private boolean maySeeUnverified(UUID organisation) {
		return CurrentCaller.get()
			.map(c -> access.allows(c, Action.READ_ALL, Scope.GLOBAL)
					|| access.allows(c, Action.ACT_FOR_ORGANISATION, Scope.organisation(organisation)))
			.orElse(false);
	}

}
