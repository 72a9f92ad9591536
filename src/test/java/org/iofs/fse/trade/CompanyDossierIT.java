package org.iofs.fse.trade;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.access.Role;
import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.organisations.NewOrganisation;
import org.iofs.fse.organisations.OrganisationType;
import org.iofs.fse.organisations.Organisations;
import org.iofs.fse.support.PlatformIT;
import org.iofs.fse.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A company's application beyond its identity: sites are public once it is verified, contacts and documents are
 * seen by the company and the Secretariat only; a bad row is refused naming it with nothing stored; the company
 * exports what the platform holds and has its contacts and documents erased, the audit trail keeping only that it
 * happened. Members fill the application in on a page too.
 */
class CompanyDossierIT extends PlatformIT {

	static final UUID DOSSIER = UUID.fromString("00000000-0000-0000-0000-0000000d0551");

	static final UUID OTHER = UUID.fromString("00000000-0000-0000-0000-0000000d0552");

	static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	private String member;

	private String outsider;

	@BeforeEach
	void companies() {
		Organisations organisations = context.getBean(Organisations.class);
		organisations.ensure(DOSSIER, new NewOrganisation(OrganisationType.COMPANY, "TUN", "Dossier Foods",
				"أغذية الملف", "Aliments Dossier"));
		organisations.ensure(OTHER, new NewOrganisation(OrganisationType.COMPANY, "TUN", "Other Foods",
				"أغذية أخرى", "Autres aliments"));
		new TestAccounts(context).ensure("t.dossier", Role.COMPANY_MEMBER, DOSSIER.toString());
		new TestAccounts(context).ensure("t.other", Role.COMPANY_MEMBER, OTHER.toString());
		member = bearer("t.dossier");
		outsider = bearer("t.other");
		jdbc.sql("DELETE FROM trade.company_contact WHERE company_id = :id").param("id", DOSSIER).update();
		jdbc.sql("DELETE FROM trade.company_document WHERE company_id = :id").param("id", DOSSIER).update();
		jdbc.sql("DELETE FROM trade.company_site WHERE company_id = :id").param("id", DOSSIER).update();
		for (String table : List.of("company_contact", "company_document", "company_site", "company")) {
			jdbc.sql("DELETE FROM trade." + table + (table.equals("company") ? " WHERE organisation_id = :id"
					: " WHERE company_id = :id")).param("id", OTHER).update();
		}
	}

	@Test
	void contactsAndDocumentsAreSeenOnlyByTheCompanyAndTheSecretariatWhileSitesArePublic() throws Exception {
		HttpResponse<String> applied = http.putJson("/api/v1/trade/companies/" + DOSSIER, application("TN-DOS-1",
				"""
				[{"kind": "plant", "name": "Sfax mill", "address": "Route de Gabès km 4, Sfax", "country": "TUN"}]""",
				"""
				[{"name": "Amina Trabelsi", "title": "Export manager", "email": "Amina@Dossier.example",
				  "phone": "+216 74 000 000"}]"""), "Authorization", member);
		assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
		http.postJson("/api/v1/trade/companies/" + DOSSIER + "/verify", "{}", "Authorization", bearer("t.analyst"));

		String sites = http.get("/api/v1/trade/companies/" + DOSSIER + "/sites").body();
		assertThat((List<String>) JsonPath.read(sites, "$[*].kind")).containsExactly("PLANT");
		assertThat((List<String>) JsonPath.read(sites, "$[*].name")).containsExactly("Sfax mill");

		String contacts = "/api/v1/trade/companies/" + DOSSIER + "/contacts";
		assertThat(http.get(contacts).statusCode()).isEqualTo(401);
		assertThat(http.get(contacts, "Authorization", outsider).statusCode()).isEqualTo(403);
		assertThat(http.get(contacts, "Authorization", bearer("t.focal.yem")).statusCode()).isEqualTo(403);
		HttpResponse<String> own = http.get(contacts, "Authorization", member);
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(own.body(), "$[*].email")).containsExactly("amina@dossier.example");
		assertThat(http.get(contacts, "Authorization", bearer("t.analyst")).statusCode()).isEqualTo(200);

		HttpResponse<String> added = upload(DOSSIER, "REGISTRATION", "extrait-rne.pdf", PDF, member);
		assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
		long document = ((Number) JsonPath.read(added.body(), "$.id")).longValue();
		assertThat((String) JsonPath.read(added.body(), "$.contentType")).isEqualTo("application/pdf");
		HttpResponse<String> again = upload(DOSSIER, "REGISTRATION", "copy.pdf", PDF, member);
		assertThat(((Number) JsonPath.read(again.body(), "$.id")).longValue()).isEqualTo(document);

		String documentPath = "/api/v1/trade/companies/" + DOSSIER + "/documents/" + document;
		assertThat(http.get(documentPath).statusCode()).isEqualTo(401);
		assertThat(http.get(documentPath, "Authorization", outsider).statusCode()).isEqualTo(403);
		assertThat(http.get(documentPath, "Authorization", bearer("t.analyst")).body()).startsWith("%PDF-");
		assertThat(upload(DOSSIER, "REGISTRATION", "x.pdf", PDF, outsider).statusCode()).isEqualTo(403);

		// The public profile shows the site, never the contact.
		String page = http.get("/trade/companies/" + DOSSIER).body();
		assertThat(page).contains("Sfax mill").doesNotContain("amina@dossier.example").doesNotContain("extrait-rne");
	}

	@Test
	void aBadRowIsRefusedNamingItAndNothingOfTheApplicationIsStored() throws Exception {
		HttpResponse<String> refused = http.putJson("/api/v1/trade/companies/" + OTHER, application("TN-OTH-1", "[]",
				"""
				[{"name": "Good Person", "email": "good@other.example"},
				 {"name": "Bad Address", "email": "not-an-address"}]"""), "Authorization", outsider);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("contacts[1].email");
		assertThat(jdbc.sql("SELECT count(*) FROM trade.company WHERE organisation_id = :id").param("id", OTHER)
			.query(Long.class).single()).isZero();

		HttpResponse<String> badSite = http.putJson("/api/v1/trade/companies/" + OTHER, application("TN-OTH-1",
				"""
				[{"kind": "CASTLE", "name": "Keep", "address": "Hill", "country": "TUN"}]""", "[]"),
				"Authorization", outsider);
		assertThat(badSite.statusCode()).isEqualTo(400);
		assertThat(badSite.body()).contains("sites[0].kind");

		http.putJson("/api/v1/trade/companies/" + DOSSIER, application("TN-DOS-1", "[]", "[]"), "Authorization",
				member);
		HttpResponse<String> notAFile = upload(DOSSIER, "TAX", "tax.pdf", "GIF89a....".getBytes(), member);
		assertThat(notAFile.statusCode()).isEqualTo(400);
		assertThat(notAFile.body()).contains("document");
		assertThat(upload(DOSSIER, "PASSPORT", "p.pdf", PDF, member).body()).contains("kind");
		assertThat(jdbc.sql("SELECT count(*) FROM trade.company_document WHERE company_id = :id").param("id", DOSSIER)
			.query(Long.class).single()).isZero();
	}

	@Test
	void theCompanyExportsItsDataAndHasItsContactsAndDocumentsErasedWithTheAuditKeepingOnlyThatItHappened()
			throws Exception {
		http.putJson("/api/v1/trade/companies/" + DOSSIER, application("TN-DOS-1",
				"""
				[{"kind": "WAREHOUSE", "name": "Radès store", "address": "Port de Radès", "country": "TUN"}]""",
				"""
				[{"name": "Karim Ben Ali", "email": "karim@dossier.example"}]"""), "Authorization", member);
		upload(DOSSIER, "LICENCE", "licence.pdf", PDF, member);

		HttpResponse<String> export = http.get("/api/v1/trade/companies/" + DOSSIER + "/export", "Authorization", member);
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(export.body(), "$.company.registrationNumber")).isEqualTo("TN-DOS-1");
		assertThat((List<String>) JsonPath.read(export.body(), "$.sites[*].name")).containsExactly("Radès store");
		assertThat((List<String>) JsonPath.read(export.body(), "$.contacts[*].email"))
			.containsExactly("karim@dossier.example");
		assertThat((List<String>) JsonPath.read(export.body(), "$.documents[*].fileName"))
			.containsExactly("licence.pdf");
		assertThat(http.get("/api/v1/trade/companies/" + DOSSIER + "/export", "Authorization", outsider).statusCode())
			.isEqualTo(403);

		HttpResponse<String> wrong = http.postJson("/api/v1/trade/companies/" + DOSSIER + "/erasure",
				"{\"confirmRegistrationNumber\": \"TN-DOS-2\"}", "Authorization", member);
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(wrong.body()).contains("confirmRegistrationNumber");
		assertThat(count("trade.company_contact")).isEqualTo(1);

		HttpResponse<String> erased = http.postJson("/api/v1/trade/companies/" + DOSSIER + "/erasure",
				"{\"confirmRegistrationNumber\": \"TN-DOS-1\"}", "Authorization", member);
		assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(erased.body(), "$.contacts")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(erased.body(), "$.documents")).isEqualTo(1);
		assertThat(count("trade.company_contact")).isZero();
		assertThat(count("trade.company_document")).isZero();
		assertThat(count("trade.company_site")).isEqualTo(1);

		List<String> trail = jdbc.sql("SELECT action || ' ' || coalesce(before_state::text, '') || coalesce(after_state::text, '') "
				+ "FROM audit.audit_event WHERE entity_id = :id ORDER BY id").param("id", DOSSIER.toString())
			.query(String.class).list();
		assertThat(trail).anyMatch(row -> row.startsWith("trade.company-exported"))
			.anyMatch(row -> row.startsWith("trade.company-erased"))
			.noneMatch(row -> row.contains("karim@dossier.example"));
	}

	@Test
	void aMemberFillsTheApplicationInOnItsPage() {
		WebSession session = new WebSession(port);
		session.signIn("t.other", TestAccounts.PASSWORD);
		String mine = session.get("/trade/mine").body();
		assertThat(mine).contains("/trade/companies/" + OTHER + "/application");

		String form = "/trade/companies/" + OTHER + "/application";
		assertThat(session.get(form).statusCode()).isEqualTo(200);
		HttpResponse<String> saved = session.postRows(form, List.of(Map.entry("legalNameEn", "Other Foods SA"),
				Map.entry("legalNameAr", "أغذية أخرى"), Map.entry("legalNameFr", "Autres aliments SA"),
				Map.entry("country", "TUN"), Map.entry("registrationNumber", "TN-OTH-9"),
				Map.entry("registry", "Registre national des entreprises"), Map.entry("sectors", "milling, trading"),
				Map.entry("commodities", "wheat"), Map.entry("hsHeadings", "1001, 1101"),
				Map.entry("siteKind", "PLANT"), Map.entry("siteName", "Bizerte mill"),
				Map.entry("siteAddress", "Zone industrielle, Bizerte"), Map.entry("siteCountry", "TUN"),
				Map.entry("siteKind", "PLANT"), Map.entry("siteName", ""), Map.entry("siteAddress", ""),
				Map.entry("siteCountry", ""), Map.entry("contactName", "Leila Haddad"),
				Map.entry("contactTitle", "Director"), Map.entry("contactEmail", "leila@other.example"),
				Map.entry("contactPhone", "+216 72 000 000")), form);
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location").orElseThrow()).contains("/trade/companies/" + OTHER + "?applied");
		assertThat(jdbc.sql("SELECT hs_headings::text FROM trade.company WHERE organisation_id = :id").param("id", OTHER)
			.query(String.class).single()).isEqualTo("{1001,1101}");
		assertThat(jdbc.sql("SELECT name FROM trade.company_site WHERE company_id = :id").param("id", OTHER)
			.query(String.class).list()).containsExactly("Bizerte mill");

		String profile = session.get("/trade/companies/" + OTHER).body();
		assertThat(profile).contains("Bizerte mill").contains("leila@other.example");

		HttpResponse<String> refused = session.postRows(form, List.of(Map.entry("legalNameEn", "Other Foods SA"),
				Map.entry("legalNameAr", "أغذية أخرى"), Map.entry("legalNameFr", "Autres aliments SA"),
				Map.entry("country", "TUN"), Map.entry("registrationNumber", "TN-OTH-9"), Map.entry("registry", "R"),
				Map.entry("contactName", "No Mail"), Map.entry("contactEmail", "nope")), form);
		assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith(form);
		assertThat(session.get(form).body()).contains("contacts[0].email");

		HttpResponse<String> pdf = session.postFile("/trade/companies/" + OTHER + "/documents?kind=TAX", "tax.pdf",
				PDF, form);
		assertThat(pdf.statusCode()).isEqualTo(302);
		assertThat(session.get(form).body()).contains("tax.pdf");
	}

	private long count(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table + " WHERE company_id = :id").param("id", DOSSIER)
			.query(Long.class).single();
	}

	private static String application(String number, String sites, String contacts) {
		return """
				{"legalNameEn": "Dossier Foods", "legalNameAr": "أغذية الملف", "legalNameFr": "Aliments Dossier",
				 "country": "TUN", "registrationNumber": "%s", "registry": "Registre national des entreprises",
				 "commodities": ["wheat"], "hsHeadings": ["1001"], "sites": %s, "contacts": %s}
				""".formatted(number, sites, contacts);
	}

	private HttpResponse<String> upload(UUID company, String kind, String name, byte[] bytes, String token)
			throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/v1/trade/companies/" + company + "/documents?kind=" + kind + "&fileName=" + name))
			.header("Authorization", token)
			.header("Content-Type", "application/octet-stream")
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
