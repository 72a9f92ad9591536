package org.iofs.fse.trade.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.iofs.fse.countries.Countries;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.NotFoundException;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rest of a company's application: its sites (public with the company once it is verified, since buyers read
 * where goods come from), its contacts and its documents (seen only by the company's members and the Secretariat).
 * The company exports all of it, and has its contacts and documents erased; the audit trail keeps that both
 * happened, never the erased data, which is also why contacts are audited by count and documents by hash.
 */
@Service
public class CompanyDossier {

	public enum SiteKind {
		PLANT, WAREHOUSE, OFFICE, FARM, PORT_TERMINAL
	}

	public enum DocumentKind {
		REGISTRATION, TAX, LICENCE, OWNERSHIP, OTHER
	}

	public record Site(String kind, String name, String address, String country) {
	}

	public record Contact(String name, String title, String email, String phone) {
	}

	public record DocumentInfo(long id, String kind, String fileName, String contentType, int sizeBytes,
			String sha256, Instant uploadedAt, String uploadedBy) {
	}

	public record Document(DocumentInfo info, byte[] content) {
	}

	/** Everything the platform holds about a company's application, as the company downloads it. */
	public record Export(Companies.Company company, List<Site> sites, List<Contact> contacts,
			List<DocumentInfo> documents, List<HalalCertificates.Certificate> certificates, Instant exportedAt) {
	}

	/** What erasure removed. */
	public record Erasure(int contacts, int documents) {
	}

	private static final RowMapper<Site> SITE = (rs, row) -> new Site(rs.getString("kind"), rs.getString("name"),
			rs.getString("address"), rs.getString("country_iso3"));

	private static final RowMapper<Contact> CONTACT = (rs, row) -> new Contact(rs.getString("name"),
			rs.getString("title"), rs.getString("email"), rs.getString("phone"));

	private static final String DOCUMENT_COLUMNS = "id, kind, file_name, content_type, size_bytes, sha256, uploaded_at, uploaded_by";

	private static final RowMapper<DocumentInfo> DOCUMENT = (rs, row) -> new DocumentInfo(rs.getLong("id"),
			rs.getString("kind"), rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size_bytes"),
			rs.getString("sha256"), rs.getTimestamp("uploaded_at").toInstant(), rs.getString("uploaded_by"));

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Companies companies;

	private final HalalCertificates certificates;

	private final Countries countries;

	private final Clock clock;

	CompanyDossier(JdbcClient jdbc, AccessPolicy access, AuditTrail audit, Companies companies,
			HalalCertificates certificates, Countries countries, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.companies = companies;
		this.certificates = certificates;
		this.countries = countries;
		this.clock = clock;
	}

	/** The application in one transaction: the legal identity, then the sites and contacts it names. */
	@Transactional
	public Companies.Company apply(UUID company, Companies.Application application) {
		Companies.Company applied = companies.apply(company, application);
		replace(company, application.sites(), application.contacts());
		return applied;
	}

	/** The company's sites: public once it is verified, like the company itself. */
	@Transactional(readOnly = true)
	public List<Site> sites(UUID company) {
		companies.get(company);
		return sitesOf(company);
	}

	@Transactional(readOnly = true)
	public List<Contact> contacts(UUID company) {
		requireInsider(company);
		return contactsOf(company);
	}

	/**
	 * The company's members replace its sites and its contacts, each list in full; sites are where goods come from,
	 * so a change to them is audited in full, while contacts are people and are audited by count only.
	 */
	@Transactional
	public void replace(UUID company, List<Site> sites, List<Contact> contacts) {
		access.require(Action.ACT_FOR_ORGANISATION, Scope.organisation(company));
		companies.find(company).orElseThrow(() -> new InvalidInputException("company", "has not applied to IFPA"));
		if (sites != null) {
			List<Site> cleaned = checkedSites(sites);
			List<Site> before = sitesOf(company);
			if (!before.equals(cleaned)) {
				jdbc.sql("DELETE FROM trade.company_site WHERE company_id = :id").param("id", company).update();
				for (int i = 0; i < cleaned.size(); i++) {
					Site site = cleaned.get(i);
					jdbc.sql("""
							INSERT INTO trade.company_site (company_id, kind, name, address, country_iso3, position)
							VALUES (:company, :kind, :name, :address, :country, :position)
							""").param("company", company).param("kind", site.kind()).param("name", site.name())
						.param("address", site.address()).param("country", site.country()).param("position", i)
						.update();
				}
				audit.record("trade.company-sites", "company", company, Map.of("sites", before),
						Map.of("sites", cleaned));
			}
		}
		if (contacts != null) {
			List<Contact> cleaned = checkedContacts(contacts);
			List<Contact> before = contactsOf(company);
			if (!before.equals(cleaned)) {
				jdbc.sql("DELETE FROM trade.company_contact WHERE company_id = :id").param("id", company).update();
				for (int i = 0; i < cleaned.size(); i++) {
					Contact contact = cleaned.get(i);
					jdbc.sql("""
							INSERT INTO trade.company_contact (company_id, name, title, email, phone, position)
							VALUES (:company, :name, :title, :email, :phone, :position)
							""").param("company", company).param("name", contact.name())
						.param("title", contact.title()).param("email", contact.email())
						.param("phone", contact.phone()).param("position", i).update();
				}
				audit.record("trade.company-contacts", "company", company, Map.of("contacts", before.size()),
						Map.of("contacts", cleaned.size()));
			}
		}
	}

	/**
	 * A document of the application: a PDF or a PNG or JPEG image, known by its bytes whatever its name says, at
	 * most 20 MB, SHA-256 kept. The same file sent again is the document already stored, not a second one.
	 */
	@Transactional
	public DocumentInfo addDocument(UUID company, String kind, String fileName, byte[] bytes) {
		Caller caller = access.require(Action.ACT_FOR_ORGANISATION, Scope.organisation(company));
		companies.find(company).orElseThrow(() -> new InvalidInputException("company", "has not applied to IFPA"));
		DocumentKind documentKind = Arrays.stream(DocumentKind.values())
			.filter(k -> k.name().equalsIgnoreCase(Objects.toString(kind, "").strip()))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("kind",
					"must be one of " + Arrays.toString(DocumentKind.values())));
		String name = Texts.name(fileName, "fileName");
		if (bytes == null || bytes.length == 0) {
			throw new InvalidInputException("document", "is empty");
		}
		if (bytes.length > HalalCertificates.MAX_DOCUMENT_BYTES) {
			throw new InvalidInputException("document", "is larger than 20 MB");
		}
		String type = org.iofs.fse.shared.DocumentFile.typeOf(bytes, "document");
		String sha256 = org.iofs.fse.shared.DocumentFile.sha256(bytes);
		var existing = jdbc.sql("SELECT " + DOCUMENT_COLUMNS + " FROM trade.company_document "
				+ "WHERE company_id = :company AND sha256 = :sha").param("company", company).param("sha", sha256)
			.query(DOCUMENT).optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		long id = jdbc.sql("""
				INSERT INTO trade.company_document (company_id, kind, file_name, content_type, size_bytes, sha256,
				    content, uploaded_at, uploaded_by)
				VALUES (:company, :kind, :name, :type, :size, :sha, :content, :at, :by)
				RETURNING id
				""").param("company", company).param("kind", documentKind.name()).param("name", name)
			.param("type", type).param("size", bytes.length).param("sha", sha256).param("content", bytes)
			.param("at", Timestamp.from(clock.instant())).param("by", caller.username())
			.query(Long.class).single();
		DocumentInfo info = documentInfo(company, id);
		audit.record("trade.company-document-added", "company", company, null,
				Map.of("document", id, "kind", info.kind(), "sha256", sha256, "bytes", bytes.length));
		return info;
	}

	@Transactional(readOnly = true)
	public List<DocumentInfo> documents(UUID company) {
		requireInsider(company);
		return documentsOf(company);
	}

	@Transactional(readOnly = true)
	public Document document(UUID company, long id) {
		requireInsider(company);
		DocumentInfo info = documentInfo(company, id);
		byte[] content = jdbc.sql("SELECT content FROM trade.company_document WHERE id = :id").param("id", id)
			.query(byte[].class).single();
		return new Document(info, content);
	}

	@Transactional
	public void removeDocument(UUID company, long id) {
		access.require(Action.ACT_FOR_ORGANISATION, Scope.organisation(company));
		DocumentInfo info = documentInfo(company, id);
		jdbc.sql("DELETE FROM trade.company_document WHERE id = :id").param("id", id).update();
		audit.record("trade.company-document-removed", "company", company,
				Map.of("document", id, "kind", info.kind(), "sha256", info.sha256()), null);
	}

	/** All the platform holds about the company's application, for its members and the Secretariat; audited. */
	@Transactional
	public Export export(UUID company) {
		requireInsider(company);
		Companies.Company found = companies.find(company)
			.orElseThrow(() -> new NotFoundException("company", company.toString()));
		Export export = new Export(found, sitesOf(company), contactsOf(company), documentsOf(company),
				certificates.ofCompany(company), clock.instant());
		audit.record("trade.company-exported", "company", company, null,
				Map.of("sites", export.sites().size(), "contacts", export.contacts().size(), "documents",
						export.documents().size()));
		return export;
	}

	/**
	 * The company's members have its personal data erased: its contacts and its documents go; the company, its
	 * sites and its trade stay, being the record of trade its partners rely on. The company confirms with its
	 * registration number, so that no slip of a button erases it.
	 */
	@Transactional
	public Erasure erase(UUID company, String confirmRegistrationNumber) {
		access.require(Action.ACT_FOR_ORGANISATION, Scope.organisation(company));
		Companies.Company found = companies.find(company)
			.orElseThrow(() -> new NotFoundException("company", company.toString()));
		if (!found.registrationNumber().equals(Objects.toString(confirmRegistrationNumber, "").strip())) {
			throw new InvalidInputException("confirmRegistrationNumber", "does not match the company's registration number");
		}
		int contacts = jdbc.sql("DELETE FROM trade.company_contact WHERE company_id = :id").param("id", company).update();
		int documents = jdbc.sql("DELETE FROM trade.company_document WHERE company_id = :id").param("id", company)
			.update();
		audit.record("trade.company-erased", "company", company, null,
				Map.of("contacts", contacts, "documents", documents));
		return new Erasure(contacts, documents);
	}

	/** Whether the current caller sees the company's contacts and documents: its members and the Secretariat. */
	public boolean insider(UUID company) {
		return CurrentCaller.get()
			.map(c -> access.allows(c, Action.READ_ALL, Scope.GLOBAL)
					|| access.allows(c, Action.ACT_FOR_ORGANISATION, Scope.organisation(company)))
			.orElse(false);
	}

	private void requireInsider(UUID company) {
		if (CurrentCaller.get().map(c -> access.allows(c, Action.READ_ALL, Scope.GLOBAL)).orElse(false)) {
			return;
		}
		access.require(Action.ACT_FOR_ORGANISATION, Scope.organisation(company));
	}

	private List<Site> sitesOf(UUID company) {
		return jdbc.sql("SELECT kind, name, address, country_iso3 FROM trade.company_site WHERE company_id = :id "
				+ "ORDER BY position").param("id", company).query(SITE).list();
	}

	private List<Contact> contactsOf(UUID company) {
		return jdbc.sql("SELECT name, title, email, phone FROM trade.company_contact WHERE company_id = :id "
				+ "ORDER BY position").param("id", company).query(CONTACT).list();
	}

	private List<DocumentInfo> documentsOf(UUID company) {
		return jdbc.sql("SELECT " + DOCUMENT_COLUMNS + " FROM trade.company_document WHERE company_id = :id ORDER BY id")
			.param("id", company).query(DOCUMENT).list();
	}

	private DocumentInfo documentInfo(UUID company, long id) {
		return jdbc.sql("SELECT " + DOCUMENT_COLUMNS + " FROM trade.company_document WHERE company_id = :company "
				+ "AND id = :id").param("company", company).param("id", id).query(DOCUMENT).optional()
			.orElseThrow(() -> new NotFoundException("company document", Long.toString(id)));
	}

	private List<Site> checkedSites(List<Site> sites) {
		if (sites.size() > 50) {
			throw new InvalidInputException("sites", "has more than 50 entries");
		}
		List<Site> cleaned = new ArrayList<>();
		for (int i = 0; i < sites.size(); i++) {
			Site site = sites.get(i);
			String field = "sites[" + i + "]";
			if (site == null) {
				throw new InvalidInputException(field, "is empty");
			}
			String kind = Arrays.stream(SiteKind.values())
				.filter(k -> k.name().equalsIgnoreCase(Objects.toString(site.kind(), "").strip()))
				.findFirst()
				.orElseThrow(() -> new InvalidInputException(field + ".kind",
						"must be one of " + Arrays.toString(SiteKind.values())))
				.name();
			String country = countries.find(Texts.required(site.country(), field + ".country"))
				.orElseThrow(() -> new InvalidInputException(field + ".country",
						"must be the ISO3 code of an OIC member state"))
				.iso3();
			cleaned.add(new Site(kind, Texts.name(site.name(), field + ".name"),
					Texts.bounded(Texts.required(site.address(), field + ".address"), 500, field + ".address"),
					country));
		}
		return cleaned;
	}

	private static List<Contact> checkedContacts(List<Contact> contacts) {
		if (contacts.size() > 20) {
			throw new InvalidInputException("contacts", "has more than 20 entries");
		}
		List<Contact> cleaned = new ArrayList<>();
		for (int i = 0; i < contacts.size(); i++) {
			Contact contact = contacts.get(i);
			String field = "contacts[" + i + "]";
			if (contact == null) {
				throw new InvalidInputException(field, "is empty");
			}
			String email = Texts.required(contact.email(), field + ".email").toLowerCase(Locale.ROOT);
			if (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
				throw new InvalidInputException(field + ".email", "is not an e-mail address");
			}
			String phone = Objects.toString(contact.phone(), "").strip();
			if (!phone.matches("(\\+?[0-9 ()-]{6,30})?")) {
				throw new InvalidInputException(field + ".phone", "is not a telephone number (digits, spaces, + ( ) -)");
			}
			String title = Texts.bounded(Objects.toString(contact.title(), "").strip(), 200, field + ".title");
			cleaned.add(new Contact(Texts.name(contact.name(), field + ".name"), title, email, phone));
		}
		return cleaned;
	}

}
