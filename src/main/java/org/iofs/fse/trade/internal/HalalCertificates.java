package org.iofs.fse.trade.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Scope;
import org.iofs.fse.audit.AuditTrail;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.DocumentFile;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.LocalizedText;
import org.iofs.fse.shared.NotFoundException;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * IFPA companies' Halal certificates: what a certificate says (number, holder and sites, certifying body and its
 * accreditation, standard and edition, scope by HS code, dates, status), its document (a PDF or an image, at most
 * 20 MB, recognised by its bytes, SHA-256 kept), the certifying bodies and which of them each member state
 * recognises. A company's members add its certificates; the Secretariat suspends or withdraws them; administrators
 * keep the bodies and the recognition table.
 */
@Service
public class HalalCertificates {

	static final int MAX_DOCUMENT_BYTES = DocumentFile.MAX_BYTES;

	public record Certificate(long id, UUID company, String number, String holder, List<String> sites, String body,
			String accreditationBody, String accreditationNumber, String standard, String edition,
			List<String> scopeHs, String scopeNote, LocalDate issuedOn, LocalDate expiresOn, String status,
			String documentType, String documentSha256, boolean demo) {
	}

	public record NewCertificate(String number, String holder, List<String> sites, String body,
			String accreditationBody, String accreditationNumber, String standard, String edition,
			List<String> scopeHs, String scopeNote, LocalDate issuedOn, LocalDate expiresOn) {
	}

	public record Body(String code, LocalizedText names, String country) {
	}

	public record NewBody(String nameEn, String nameAr, String nameFr, String country) {
	}

	/** Whether a certificate counts for a trade, and every rule it fails. */
	public record Check(long certificate, boolean counts, List<String> failures) {
	}

	public record Document(byte[] bytes, String type, String sha256) {
	}

	private static final String SELECT = """
			SELECT id, company_id, number, holder, sites, body_code, accreditation_body, accreditation_number, standard,
			       edition, scope_hs, scope_note, issued_on, expires_on, status, document_type, document_sha256, demo
			FROM trade.halal_certificate
			""";

	private static final RowMapper<Certificate> CERTIFICATE = (rs, row) -> new Certificate(rs.getLong("id"),
			rs.getObject("company_id", UUID.class), rs.getString("number"), rs.getString("holder"),
			List.of((String[]) rs.getArray("sites").getArray()), rs.getString("body_code"),
			rs.getString("accreditation_body"), rs.getString("accreditation_number"), rs.getString("standard"),
			rs.getString("edition"), List.of((String[]) rs.getArray("scope_hs").getArray()), rs.getString("scope_note"),
			rs.getDate("issued_on").toLocalDate(), rs.getDate("expires_on").toLocalDate(), rs.getString("status"),
			rs.getString("document_type"), rs.getString("document_sha256"), rs.getBoolean("demo"));

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Companies companies;

	private final Countries countries;

	private final Clock clock;

	HalalCertificates(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, Companies companies, Countries countries,
			Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.companies = companies;
		this.countries = countries;
		this.clock = clock;
	}

	@Transactional
	public Certificate add(UUID company, NewCertificate given) {
		access.require(Action.ACT_FOR_ORGANISATION, Scope.organisation(company));
		companies.find(company).orElseThrow(() -> new InvalidInputException("company", "has not applied to IFPA"));
		String body = Texts.required(given.body(), "body").toUpperCase(Locale.ROOT);
		if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM trade.certifying_body WHERE code = :c)").param("c", body)
			.query(Boolean.class).single()) {
			throw new InvalidInputException("body", "'" + given.body() + "' is not a known certifying body");
		}
		List<String> scope = Texts.list(given.scopeHs(), 200, "scopeHs");
		if (scope.isEmpty()) {
			throw new InvalidInputException("scopeHs", "must name at least one HS code");
		}
		scope.stream().filter(hs -> !hs.matches("[0-9]{4}([0-9]{2}){0,2}")).findFirst().ifPresent(hs -> {
			throw new InvalidInputException("scopeHs", "'" + hs + "' is not an HS heading or subheading");
		});
		if (given.issuedOn() == null || given.expiresOn() == null) {
			throw new InvalidInputException("issuedOn", "and expiresOn are required");
		}
		if (!given.expiresOn().isAfter(given.issuedOn())) {
			throw new InvalidInputException("expiresOn", "must be after issuedOn");
		}
		if (given.expiresOn().isBefore(LocalDate.now(clock))) {
			throw new InvalidInputException("expiresOn", "is in the past: the certificate has expired");
		}
		String number = Texts.bounded(Texts.required(given.number(), "number"), 100, "number");
		if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM trade.halal_certificate WHERE body_code = :b AND number = :n)")
			.param("b", body).param("n", number).query(Boolean.class).single()) {
			throw new ConflictException("CERTIFICATE_EXISTS", "Certificate " + number + " of " + body + " is already recorded");
		}
		long id = jdbc.sql("""
				INSERT INTO trade.halal_certificate (company_id, number, holder, sites, body_code, accreditation_body,
				    accreditation_number, standard, edition, scope_hs, scope_note, issued_on, expires_on)
				VALUES (:company, :number, :holder, :sites, :body, :hab, :habNumber, :standard, :edition, :scope, :note,
				    :issued, :expires)
				RETURNING id
				""")
			.param("company", company)
			.param("number", number)
			.param("holder", Texts.name(given.holder(), "holder"))
			.param("sites", Texts.list(given.sites(), 50, "sites").toArray(String[]::new))
			.param("body", body)
			.param("hab", Texts.name(given.accreditationBody(), "accreditationBody"))
			.param("habNumber", Texts.bounded(Texts.required(given.accreditationNumber(), "accreditationNumber"), 100,
					"accreditationNumber"))
			.param("standard", Texts.bounded(Texts.required(given.standard(), "standard"), 100, "standard"))
			.param("edition", Texts.bounded(given.edition() == null ? "" : given.edition().strip(), 50, "edition"))
			.param("scope", scope.toArray(String[]::new))
			.param("note", Texts.bounded(given.scopeNote() == null ? "" : given.scopeNote().strip(), 2000, "scopeNote"))
			.param("issued", Date.valueOf(given.issuedOn()))
			.param("expires", Date.valueOf(given.expiresOn()))
			.query(Long.class)
			.single();
		Certificate certificate = load(id);
		audit.record("trade.certificate-added", "halal-certificate", id, null, certificate);
		return certificate;
	}

	/**
	 * The certificate's document: a PDF or a PNG or JPEG image, known by its first bytes whatever its name says, at
	 * most 20 MB; its SHA-256 is kept so that a copy can be checked against it.
	 */
	@Transactional
	public Certificate attach(long id, byte[] bytes) {
		Certificate certificate = load(id);
		access.require(Action.ACT_FOR_ORGANISATION, Scope.organisation(certificate.company()));
		if (bytes == null || bytes.length == 0) {
			throw new InvalidInputException("document", "is empty");
		}
		if (bytes.length > MAX_DOCUMENT_BYTES) {
			throw new InvalidInputException("document", "is larger than 20 MB");
		}
		String type = DocumentFile.typeOf(bytes, "document");
		String sha256 = DocumentFile.sha256(bytes);
		jdbc.sql("UPDATE trade.halal_certificate SET document = :bytes, document_type = :type, document_sha256 = :sha "
				+ "WHERE id = :id")
			.param("bytes", bytes).param("type", type).param("sha", sha256).param("id", id).update();
		audit.record("trade.certificate-document", "halal-certificate", id,
				certificate.documentSha256() == null ? null : Map.of("sha256", certificate.documentSha256()),
				Map.of("sha256", sha256, "type", type, "bytes", bytes.length));
		return load(id);
	}

	/** The document, for the company and the Secretariat only. */
	@Transactional(readOnly = true)
	public Document document(long id) {
		Certificate certificate = load(id);
		boolean secretariat = org.iofs.fse.access.CurrentCaller.get()
			.map(caller -> access.allows(caller, Action.READ_ALL, Scope.GLOBAL)).orElse(false);
		if (!secretariat) {
			access.requireOrHide(Action.ACT_FOR_ORGANISATION, Scope.organisation(certificate.company()),
					"halal certificate document", Long.toString(id));
		}
		return jdbc.sql("SELECT document, document_type, document_sha256 FROM trade.halal_certificate WHERE id = :id")
			.param("id", id)
			.query((rs, row) -> rs.getBytes("document") == null ? null
					: new Document(rs.getBytes("document"), rs.getString("document_type"), rs.getString("document_sha256")))
			.optional()
			.orElseThrow(() -> new NotFoundException("halal certificate document", Long.toString(id)));
	}

	/** A verified company's certificates are public; another's only to its members and the Secretariat. */
	@Transactional(readOnly = true)
	public List<Certificate> ofCompany(UUID company) {
		companies.get(company);
		return jdbc.sql(SELECT + " WHERE company_id = :company ORDER BY expires_on DESC, id DESC").param("company", company)
			.query(CERTIFICATE).list();
	}

	/** The Secretariat suspends, withdraws or reinstates a certificate (SUSPENDED, WITHDRAWN, VALID). */
	@Transactional
	public Certificate setStatus(long id, String status) {
		access.require(Action.PUBLISH);
		Certificate before = load(id);
		String wanted = Texts.required(status, "status").toUpperCase(Locale.ROOT);
		if (!List.of("VALID", "SUSPENDED", "WITHDRAWN").contains(wanted)) {
			throw new InvalidInputException("status", "must be VALID, SUSPENDED or WITHDRAWN");
		}
		if (wanted.equals("VALID") && before.expiresOn().isBefore(LocalDate.now(clock))) {
			throw new ConflictException("CERTIFICATE_EXPIRED", "Certificate " + id + " expired on " + before.expiresOn());
		}
		jdbc.sql("UPDATE trade.halal_certificate SET status = :s WHERE id = :id").param("s", wanted).param("id", id)
			.update();
		audit.record("trade.certificate-" + wanted.toLowerCase(Locale.ROOT), "halal-certificate", id,
				Map.of("status", before.status()), Map.of("status", wanted));
		return load(id);
	}

	/**
	 * The Halal certificate an offer names: the company's own, valid (not suspended, withdrawn or expired), covering
	 * the offer's HS code and valid through its delivery window; a 400 naming the field otherwise.
	 */
	Long requireCovering(long id, UUID company, String hsCode, LocalDate until) {
		Certificate certificate;
		try {
			certificate = load(id);
		}
		catch (NotFoundException ex) {
			throw new InvalidInputException("certificate", "names no Halal certificate");
		}
		if (!certificate.company().equals(company)) {
			throw new InvalidInputException("certificate", "is another company's");
		}
		if (!certificate.status().equals("VALID")) {
			throw new InvalidInputException("certificate", "is " + certificate.status());
		}
		if (certificate.scopeHs().stream().noneMatch(hsCode::startsWith)) {
			throw new InvalidInputException("certificate", "does not cover HS " + hsCode);
		}
		if (certificate.expiresOn().isBefore(until)) {
			throw new InvalidInputException("certificate", "expires on " + certificate.expiresOn()
					+ ", before the delivery window ends");
		}
		return certificate.id();
	}

	/** Whether a certificate counts for shipping a product (HS code) to a member on these dates. Public. */
	@Transactional(readOnly = true)
	public Check check(long id, String hsCode, String destination, LocalDate shipment, LocalDate arrival) {
		Certificate certificate = load(id);
		companies.get(certificate.company());
		String iso3 = countries.find(Texts.required(destination, "destination"))
			.orElseThrow(() -> new InvalidInputException("destination", "must be the ISO3 code of an OIC member state"))
			.iso3();
		String hs = Texts.required(hsCode, "hsCode");
		if (!hs.matches("[0-9]{4}([0-9]{2}){0,2}")) {
			throw new InvalidInputException("hsCode", "is not an HS heading or subheading");
		}
		if (shipment == null || arrival == null || arrival.isBefore(shipment)) {
			throw new InvalidInputException("arrival", "and shipment are required, arrival not before shipment");
		}
		boolean recognised = jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM trade.recognition WHERE country_iso3 = :c AND body_code = :b)
				""").param("c", iso3).param("b", certificate.body()).query(Boolean.class).single();
		List<String> failures = HalalRule.check(certificate, hs, shipment, arrival, recognised).stream()
			.map(Enum::name).toList();
		return new Check(id, failures.isEmpty(), failures);
	}

	/** Administrators keep the certifying bodies. */
	@Transactional
	public Body putBody(String code, NewBody body) {
		access.require(Action.EDIT_REFERENCE_DATA);
		String key = Texts.required(code, "code").toUpperCase(Locale.ROOT);
		if (!key.matches("[A-Z0-9-]{2,40}")) {
			throw new InvalidInputException("code", "must be 2 to 40 capital letters, digits or dashes");
		}
		String country = body.country() == null || body.country().isBlank() ? null
				: countries.find(body.country().strip()).orElseThrow(() -> new InvalidInputException("country",
						"must be the ISO3 code of an OIC member state")).iso3();
		jdbc.sql("""
				INSERT INTO trade.certifying_body (code, name_en, name_ar, name_fr, country_iso3)
				VALUES (:code, :en, :ar, :fr, :country)
				ON CONFLICT (code) DO UPDATE SET name_en = EXCLUDED.name_en, name_ar = EXCLUDED.name_ar,
				    name_fr = EXCLUDED.name_fr, country_iso3 = EXCLUDED.country_iso3
				""")
			.param("code", key).param("en", Texts.name(body.nameEn(), "nameEn"))
			.param("ar", Texts.name(body.nameAr(), "nameAr")).param("fr", Texts.name(body.nameFr(), "nameFr"))
			.param("country", country)
			.update();
		audit.record("trade.body-set", "certifying-body", key, null, Map.of("country", country == null ? "" : country));
		return bodies().stream().filter(b -> b.code().equals(key)).findFirst().orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<Body> bodies() {
		return jdbc.sql("SELECT code, name_en, name_ar, name_fr, country_iso3 FROM trade.certifying_body ORDER BY code")
			.query((rs, row) -> new Body(rs.getString("code"),
					new LocalizedText(rs.getString("name_en"), rs.getString("name_ar"), rs.getString("name_fr")),
					rs.getString("country_iso3")))
			.list();
	}

	/** Administrators say which certifying bodies a member state recognises, replacing its list. */
	@Transactional
	public List<String> recognise(String country, List<String> bodies) {
		access.require(Action.EDIT_REFERENCE_DATA);
		String iso3 = countries.get(country).iso3();
		List<String> codes = Texts.list(bodies, 500, "bodies").stream().map(b -> b.toUpperCase(Locale.ROOT)).toList();
		List<String> known = bodies().stream().map(Body::code).toList();
		codes.stream().filter(c -> !known.contains(c)).findFirst().ifPresent(c -> {
			throw new InvalidInputException("bodies", "'" + c + "' is not a known certifying body");
		});
		List<String> before = recognised(iso3);
		jdbc.sql("DELETE FROM trade.recognition WHERE country_iso3 = :c").param("c", iso3).update();
		for (String code : codes) {
			jdbc.sql("INSERT INTO trade.recognition (country_iso3, body_code) VALUES (:c, :b)").param("c", iso3)
				.param("b", code).update();
		}
		audit.record("trade.recognition-set", "country", iso3, Map.of("bodies", before), Map.of("bodies", codes));
		return recognised(iso3);
	}

	@Transactional(readOnly = true)
	public List<String> recognised(String country) {
		return jdbc.sql("SELECT body_code FROM trade.recognition WHERE country_iso3 = :c ORDER BY body_code")
			.param("c", countries.get(country).iso3()).query(String.class).list();
	}

	/** A certificate to check for one offer: the product and the offer's shipment and arrival dates. */
	record Checked(long certificate, String hsCode, LocalDate shipment, LocalDate arrival) {
	}

	/**
	 * Those of the checks whose certificate counts at one destination, by the rules of {@link #check}, read in two
	 * statements however many there are: matching checks up to two thousand offers at once, and reading each
	 * certificate and its recognition in turn took most of its answer (400 ms at 100,000 offers).
	 */
	Set<Checked> countingAt(String destination, Collection<Checked> checks) {
		if (checks.isEmpty()) {
			return Set.of();
		}
		Map<Long, Certificate> byId = new HashMap<>();
		jdbc.sql(SELECT + " WHERE id = ANY (:ids)")
			.param("ids", checks.stream().map(Checked::certificate).distinct().toArray(Long[]::new))
			.query(CERTIFICATE)
			.list()
			.forEach(certificate -> byId.put(certificate.id(), certificate));
		Set<String> recognised = Set.copyOf(jdbc.sql("SELECT body_code FROM trade.recognition WHERE country_iso3 = :c")
			.param("c", destination)
			.query(String.class)
			.list());
		Set<Checked> counting = new HashSet<>();
		for (Checked check : checks) {
			Certificate certificate = byId.get(check.certificate());
			if (certificate != null && HalalRule.check(certificate, check.hsCode(), check.shipment(), check.arrival(),
					recognised.contains(certificate.body())).isEmpty()) {
				counting.add(check);
			}
		}
		return counting;
	}

	Certificate load(long id) {
		return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(CERTIFICATE).optional()
			.orElseThrow(() -> new NotFoundException("halal certificate", Long.toString(id)));
	}

}
