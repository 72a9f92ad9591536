package org.iofs.fse.trade.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.iofs.fse.access.Role;
import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.organisations.NewOrganisation;
import org.iofs.fse.organisations.OrganisationType;
import org.iofs.fse.organisations.Organisations;
import org.iofs.fse.support.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A company records its Halal certificate and its document (recognised by its bytes, hashed), seen by itself and the
 * Secretariat only; whether the certificate counts for a shipment is answered rule by rule; the nightly job expires
 * certificates and warns sixty days ahead, once.
 */
class HalalCertificatesIT extends PlatformIT {

	static final UUID HALAL_CO = UUID.fromString("00000000-0000-0000-0000-0000000ca1a1");

	@Test
	void aCertificateItsDocumentAndWhetherItCounts() throws Exception {
		context.getBean(Organisations.class).ensure(HALAL_CO, new NewOrganisation(OrganisationType.COMPANY, "MYS",
				"Halal Test Co", "شركة الحلال للاختبار", "Société halal test"));
		new TestAccounts(context).ensure("t.halal", Role.COMPANY_MEMBER, HALAL_CO.toString());
		String company = bearer("t.halal");
		String admin = bearer("t.admin");
		http.putJson("/api/v1/trade/companies/" + HALAL_CO, """
				{"legalNameEn": "Halal Test Co", "legalNameAr": "شركة الحلال", "legalNameFr": "Société halal",
				 "country": "MYS", "registrationNumber": "HAL-0001", "registry": "SSM"}
				""", "Authorization", company);
		http.postJson("/api/v1/trade/companies/" + HALAL_CO + "/verify", "{}", "Authorization", bearer("t.analyst"));
		assertThat(http.putJson("/api/v1/trade/certifying-bodies/TEST-HCB", """
				{"nameEn": "Test halal body", "nameAr": "جهة حلال للاختبار", "nameFr": "Organisme halal test", "country": "MYS"}
				""", "Authorization", admin).statusCode()).isEqualTo(200);
		http.putJson("/api/v1/trade/recognitions/YEM", "{\"bodies\": [\"TEST-HCB\"]}", "Authorization", admin);
		http.putJson("/api/v1/trade/recognitions/TCD", "{\"bodies\": []}", "Authorization", admin);
		LocalDate today = LocalDate.now();
		String number = "HC-" + System.nanoTime();

		HttpResponse<String> added = http.postJson("/api/v1/trade/companies/" + HALAL_CO + "/certificates", """
				{"number": "%s", "holder": "Halal Test Co", "sites": ["Port Klang mill"], "body": "TEST-HCB",
				 "accreditationBody": "Department of Standards Malaysia", "accreditationNumber": "HAB-07",
				 "standard": "MS 1500", "edition": "2019", "scopeHs": ["1001", "110100"],
				 "issuedOn": "%s", "expiresOn": "%s"}
				""".formatted(number, today.minusMonths(6), today.plusDays(40)), "Authorization", company);
		assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
		long id = ((Number) JsonPath.read(added.body(), "$.id")).longValue();
		HttpResponse<String> expired = http.postJson("/api/v1/trade/companies/" + HALAL_CO + "/certificates", """
				{"number": "X-%s", "holder": "H", "body": "TEST-HCB", "accreditationBody": "D", "accreditationNumber": "1",
				 "standard": "MS 1500", "scopeHs": ["1001"], "issuedOn": "2020-01-01", "expiresOn": "2021-01-01"}
				""".formatted(number), "Authorization", company);
		assertThat(expired.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(expired.body(), "$.field")).isEqualTo("expiresOn");

		HttpResponse<String> text = put("/api/v1/trade/certificates/" + id + "/document",
				"not a pdf, whatever its name".getBytes(StandardCharsets.UTF_8), company);
		assertThat(text.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(text.body(), "$.field")).isEqualTo("document");
		byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		HttpResponse<String> attached = put("/api/v1/trade/certificates/" + id + "/document", pdf, company);
		assertThat(attached.statusCode()).as(attached.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(attached.body(), "$.documentSha256"))
			.isEqualTo(HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf)));
		assertThat((String) JsonPath.read(attached.body(), "$.documentType")).isEqualTo("application/pdf");
		assertThat(http.get("/api/v1/trade/certificates/" + id + "/document", "Authorization", company).body())
			.startsWith("%PDF-");
		assertThat(http.get("/api/v1/trade/certificates/" + id + "/document", "Authorization", bearer("t.company"))
			.statusCode()).as("another company").isEqualTo(404);
		assertThat(http.get("/api/v1/trade/certificates/" + id + "/document", "Authorization", bearer("t.analyst"))
			.statusCode()).isEqualTo(200);
		List<Integer> listed = JsonPath.read(http.get("/api/v1/trade/companies/" + HALAL_CO + "/certificates").body(),
				"$[*].id");
		assertThat(listed).contains((int) id);

		String ok = check(id, "110100", "YEM", today.plusDays(5), today.plusDays(30));
		assertThat((Boolean) JsonPath.read(ok, "$.counts")).isTrue();
		String late = check(id, "100199", "TCD", today.plusDays(30), today.plusDays(60));
		assertThat((List<String>) JsonPath.read(late, "$.failures")).containsExactly("EXPIRED_BEFORE_ARRIVAL",
				"BODY_NOT_RECOGNISED");
		assertThat((List<String>) JsonPath.read(check(id, "1006", "YEM", today, today.plusDays(5)), "$.failures"))
			.containsExactly("OUT_OF_SCOPE");

		CertificateExpiry expiry = context.getBean(CertificateExpiry.class);
		assertThat(expiry.run().warned()).as("expires within 60 days: warned").contains(id);
		assertThat(expiry.run().warned()).as("once").doesNotContain(id);
		jdbc.sql("UPDATE trade.halal_certificate SET expires_on = CAST(:d AS date) WHERE id = :id")
			.param("d", java.sql.Date.valueOf(today.minusDays(1))).param("id", id).update();
		assertThat(expiry.run().expired()).isPositive();

		jdbc.sql("UPDATE trade.offer SET valid_until = current_date - 1 WHERE id = (SELECT max(id) FROM trade.offer) "
				+ "AND status IN ('PUBLISHED', 'PARTLY_TAKEN', 'DRAFT')").update();
		long stale = jdbc.sql("SELECT count(*) FROM trade.offer WHERE status IN ('PUBLISHED', 'PARTLY_TAKEN', 'DRAFT') "
				+ "AND valid_until < current_date").query(Long.class).single();
		assertThat(expiry.run().offersExpired()).as("offers past their validity").isEqualTo((int) stale);
		assertThat(jdbc.sql("SELECT count(*) FROM trade.offer WHERE status IN ('PUBLISHED', 'PARTLY_TAKEN', 'DRAFT') "
				+ "AND valid_until < current_date").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT status FROM trade.halal_certificate WHERE id = :id").param("id", id)
			.query(String.class).single()).isEqualTo("EXPIRED");
		// The expiry is news for the company, told once, and audited.
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				jdbc.sql("SELECT count(DISTINCT dedup_key) FROM notifications.notification WHERE dedup_key = :k")
					.param("k", "certificate-expired:" + id).query(Long.class).single()).isEqualTo(1));
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action = 'trade.certificate-expired' "
				+ "AND entity_id = :id").param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(1);
	}

	private String check(long id, String hs, String destination, LocalDate shipment, LocalDate arrival) {
		return http.get("/api/v1/trade/certificates/" + id + "/check?hsCode=" + hs + "&destination=" + destination
				+ "&shipment=" + shipment + "&arrival=" + arrival).body();
	}

	private HttpResponse<String> put(String path, byte[] body, String token) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", token)
			.header("Content-Type", "application/octet-stream")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
