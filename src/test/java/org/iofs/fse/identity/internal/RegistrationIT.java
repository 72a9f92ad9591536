package org.iofs.fse.identity.internal;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.support.PlatformIT;
import org.iofs.fse.support.TestMailServer;
import org.iofs.fse.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A company registers itself: its account stays closed until the e-mailed link (in the registrant's language) is
 * opened, once; then its member signs in, files the company's IFPA application, and awaits the Secretariat's
 * verification. Bad registrations are named and leave nothing behind.
 */
class RegistrationIT extends PlatformIT {

	static final Pattern LINK = Pattern.compile("/register/verify\\?token=([A-Za-z0-9_-]+)");

	@Test
	void aCompanyRegistersVerifiesItsAddressAndApplies() throws Exception {
		String email = "t.register." + System.nanoTime() + "@example.org";
		String username = "t.reg." + (System.nanoTime() % 1_000_000);
		WebSession browser = new WebSession(port);
		HttpResponse<String> registered = browser.post("/register?lang=fr", form(username, email, "Sahel Grains Export "
				+ username), "/register?lang=fr");
		assertThat(registered.statusCode()).isEqualTo(200);
		assertThat(registered.body()).contains("id=\"registered\"").contains(email);

		await().atMost(Duration.ofSeconds(10)).until(() -> !TestMailServer.receivedBy(email).isEmpty());
		MimeMessage mail = TestMailServer.receivedBy(email).get(0);
		assertThat(mail.getSubject()).as("in the registrant's language").contains("Ouvrez votre compte");
		Matcher link = LINK.matcher((String) mail.getContent());
		assertThat(link.find()).isTrue();

		WebSession before = new WebSession(port);
		before.signIn(username, TestAccounts.PASSWORD);
		assertThat(before.get("/account/tokens").statusCode()).as("closed until the address is verified")
			.isNotEqualTo(200);

		HttpResponse<String> verified = new WebSession(port).get("/register/verify?token=" + link.group(1));
		assertThat(verified.statusCode()).isEqualTo(302);
		assertThat(verified.headers().firstValue("Location").orElseThrow()).endsWith("/login?verified");
		assertThat(new WebSession(port).get("/register/verify?token=" + link.group(1)).body())
			.as("a link opens once").contains("data-refusal=\"LINK_UNKNOWN\"");

		String token = "Bearer " + TestAccounts.issue(http, username);
		UUID organisation = jdbc.sql("SELECT organisation_id FROM identity.account WHERE username = :u")
			.param("u", username).query(UUID.class).single();
		HttpResponse<String> applied = http.putJson("/api/v1/trade/companies/" + organisation, """
				{"legalNameEn": "Sahel Grains Export", "legalNameAr": "ساحل للحبوب", "legalNameFr": "Sahel Céréales Export",
				 "country": "MLI", "registrationNumber": "%s", "registry": "RCCM Bamako"}
				""".formatted(username), "Authorization", token);
		assertThat(applied.statusCode()).as(applied.body()).isIn(200, 201);
		assertThat((String) JsonPath.read(applied.body(), "$.kycStatus")).isEqualTo("APPLIED");
		assertThat(jdbc.sql("SELECT action FROM audit.audit_event WHERE entity_id = :id ORDER BY id")
			.param("id", jdbc.sql("SELECT id::text FROM identity.account WHERE username = :u").param("u", username)
				.query(String.class).single())
			.query(String.class).list()).contains("account.registered", "account.email-verified");
	}

	@Test
	void badRegistrationsAreNamedAndLeaveNothing() {
		WebSession browser = new WebSession(port);
		String email = "t.register.bad." + System.nanoTime() + "@example.org";
		Map<String, String> shortPassword = form("t.reg.bad", email, "Bad Password Foods");
		shortPassword.put("password", "short");
		assertThat(browser.post("/register", shortPassword, "/register").body()).contains("data-refusal=\"INVALID\"")
			.contains(">password<");
		Map<String, String> taken = form("t.analyst", email, "Taken Username Foods");
		assertThat(browser.post("/register", taken, "/register").body()).contains(">username<");
		assertThat(jdbc.sql("SELECT count(*) FROM organisations.organisation WHERE name_en IN ('Bad Password Foods', "
				+ "'Taken Username Foods')").query(Long.class).single()).as("nothing half-written").isZero();
		assertThat(TestMailServer.receivedBy(email)).isEmpty();
		assertThat(browser.get("/register/verify?token=not-a-token").body()).contains("data-refusal=\"LINK_UNKNOWN\"");
	}

	private static Map<String, String> form(String username, String email, String company) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("username", username);
		fields.put("displayName", "Aminata Traoré");
		fields.put("email", email);
		fields.put("password", TestAccounts.PASSWORD);
		fields.put("companyNameEn", company);
		fields.put("companyNameAr", "شركة " + company);
		fields.put("companyNameFr", "Société " + company);
		fields.put("country", "MLI");
		return fields;
	}


}
