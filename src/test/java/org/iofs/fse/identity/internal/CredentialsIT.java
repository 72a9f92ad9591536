package org.iofs.fse.identity.internal;

import org.iofs.fse.identity.TestAccounts;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.access.Role;
import org.iofs.fse.support.PlatformIT;
import org.iofs.fse.support.TestClock;
import org.iofs.fse.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** Credentials die with a password change or a disabled account; two-step verification guards sign-in and tokens. */
class CredentialsIT extends PlatformIT {

	private static final Pattern SECRET = Pattern.compile("id=\"secret\"[^>]*>([A-Z2-7]+)<");

	private static final Pattern RECOVERY = Pattern.compile("<li class=\"col-6 col-md-4\">([a-z2-7]{4}-[a-z2-7]{4})</li>");

	@AfterEach
	void realTimeAgain() {
		context.getBean(TestClock.class).reset();
	}

	@Test
	void aPasswordResetRevokesEveryTokenOfTheAccount() {
		String id = new TestAccounts(context).ensure("t.cred.reset", Role.ANALYST, "").toString();
		String token = "Bearer " + TestAccounts.issue(http, "t.cred.reset");
		assertThat(http.get("/api/v1/auth/tokens", "Authorization", token).statusCode()).isEqualTo(200);

		http.postJson("/api/v1/admin/users/" + id + "/password", "{\"password\": \"" + TestAccounts.PASSWORD + "\"}",
				"Authorization", bearer("t.admin"));

		assertThat(http.get("/api/v1/auth/tokens", "Authorization", token).statusCode()).isEqualTo(401);
		assertThat(jdbc.sql("SELECT count(*) FROM identity.api_token WHERE account_id = CAST(:id AS uuid) AND revoked_at IS NULL")
			.param("id", id).query(Long.class).single()).isZero();
	}

	@Test
	void disablingRevokesTokensAndEnablingDoesNotBringThemBack() {
		String id = new TestAccounts(context).ensure("t.cred.disable", Role.ANALYST, "").toString();
		String token = "Bearer " + TestAccounts.issue(http, "t.cred.disable");
		String admin = bearer("t.admin");

		http.postJson("/api/v1/admin/users/" + id + "/disable", "", "Authorization", admin);
		http.postJson("/api/v1/admin/users/" + id + "/enable", "", "Authorization", admin);

		assertThat(http.get("/api/v1/auth/tokens", "Authorization", token).statusCode()).isEqualTo(401);
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action = 'token.revoked-all' AND entity_id = :id")
			.param("id", id).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void changingYourOwnPasswordRevokesYourTokensAndEndsYourSessions() {
		new TestAccounts(context).ensure("t.cred.change", Role.ANALYST, "");
		String token = "Bearer " + TestAccounts.issue(http, "t.cred.change");
		WebSession browser = new WebSession(port);
		browser.signIn("t.cred.change", TestAccounts.PASSWORD);
		assertThat(browser.get("/account/security").statusCode()).isEqualTo(200);

		HttpResponse<String> wrong = http.postJson("/api/v1/account/password",
				"{\"currentPassword\": \"not-my-password\", \"newPassword\": \"a-new-password-2026\"}", "Authorization", token);
		HttpResponse<String> changed = http.postJson("/api/v1/account/password",
				"{\"currentPassword\": \"" + TestAccounts.PASSWORD + "\", \"newPassword\": \"a-new-password-2026\"}",
				"Authorization", token);

		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(wrong.body(), "$.field")).isEqualTo("currentPassword");
		assertThat(changed.statusCode()).isEqualTo(204);
		assertThat(http.get("/api/v1/auth/tokens", "Authorization", token).statusCode()).isEqualTo(401);
		assertThat(browser.get("/account/security").statusCode()).isEqualTo(302);
		assertThat(new WebSession(port).signIn("t.cred.change", TestAccounts.PASSWORD).headers().firstValue("Location"))
			.get().asString().endsWith("/login?error");
		assertThat(new WebSession(port).signIn("t.cred.change", "a-new-password-2026").headers().firstValue("Location"))
			.get().asString().doesNotContain("error");
	}

	@Test
	void administratorsListAndRevokeAnyAccountsTokens() {
		String id = new TestAccounts(context).ensure("t.cred.list", Role.ANALYST, "").toString();
		String token = "Bearer " + TestAccounts.issue(http, "t.cred.list");
		String admin = bearer("t.admin");

		HttpResponse<String> listed = http.get("/api/v1/admin/users/" + id + "/tokens", "Authorization", admin);
		List<String> ids = JsonPath.read(listed.body(), "$[?(@.revokedAt == null)].id");
		HttpResponse<String> analystTries = http.get("/api/v1/admin/users/" + id + "/tokens", "Authorization",
				bearer("t.analyst"));
		WebSession adminPage = new WebSession(port);
		adminPage.signIn("t.admin", TestAccounts.PASSWORD);
		assertThat(adminPage.get("/admin/users/" + id).body()).contains("id=\"account-tokens\"")
			.contains("/admin/users/" + id + "/tokens/" + ids.get(0) + "/revoke");
		HttpResponse<String> revoked = http.send("DELETE", "/api/v1/admin/users/" + id + "/tokens/" + ids.get(0),
				"Authorization", admin);

		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(listed.body()).doesNotContain(token.substring(7));
		assertThat(analystTries.statusCode()).isEqualTo(403);
		assertThat(revoked.statusCode()).isEqualTo(204);
		assertThat(http.get("/api/v1/auth/tokens", "Authorization", token).statusCode()).isEqualTo(401);
	}

	@Test
	void aTokenLivesAtMostTheLongestLifetimeSet() {
		assertThat(issue("t.analyst", 91, null).statusCode()).isEqualTo(400);
		assertThat(issue("t.analyst", 90, null).statusCode()).isEqualTo(201);
	}

	@Test
	void twoStepVerificationGuardsSignInAndTokens() {
		new TestAccounts(context).ensure("t.cred.totp", Role.ANALYST, "");
		TestClock clock = context.getBean(TestClock.class);
		Instant start = Instant.now();
		clock.fix(start);
		WebSession browser = new WebSession(port);
		browser.signIn("t.cred.totp", TestAccounts.PASSWORD);

		String enrolment = browser.post("/account/security/second-factor/begin", Map.of(), "/account/security").body();
		Matcher secret = SECRET.matcher(enrolment);
		assertThat(secret.find()).as(enrolment).isTrue();
		assertThat(enrolment).contains("id=\"qr-code\"").contains("src=\"data:image/svg+xml;base64,");
		String wrongFirst = browser.post("/account/security/second-factor/confirm", Map.of("code", "000000"),
				"/account/security").body();
		assertThat(wrongFirst).contains("is-invalid");
		String confirmed = browser.post("/account/security/second-factor/confirm",
				Map.of("code", SecondFactors.currentCode(secret.group(1), start)), "/account/security").body();
		Matcher recovery = RECOVERY.matcher(confirmed);
		assertThat(recovery.find()).as(confirmed).isTrue();
		String recoveryCode = recovery.group(1);

		// The password alone no longer signs in, nor does a code already used.
		assertThat(new WebSession(port).signIn("t.cred.totp", TestAccounts.PASSWORD).headers().firstValue("Location"))
			.get().asString().endsWith("/login?code");
		assertThat(signIn("t.cred.totp", SecondFactors.currentCode(secret.group(1), start))).endsWith("/login?code");
		HttpResponse<String> withoutCode = issue("t.cred.totp", 1, null);
		assertThat(withoutCode.statusCode()).isEqualTo(401);
		assertThat((String) JsonPath.read(withoutCode.body(), "$.field")).isEqualTo("code");

		Instant later = start.plusSeconds(90);
		clock.fix(later);
		assertThat(signIn("t.cred.totp", SecondFactors.currentCode(secret.group(1), later))).doesNotContain("login");
		assertThat(issue("t.cred.totp", 1, recoveryCode).statusCode()).isEqualTo(201);
		assertThat(issue("t.cred.totp", 1, recoveryCode).statusCode()).as("a recovery code is good once").isEqualTo(401);
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action = 'account.second-factor-on' AND actor_username = 't.cred.totp'")
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void administratorsWithoutASecondFactorAreReminded() {
		WebSession admin = new WebSession(port);
		admin.signIn("t.admin", TestAccounts.PASSWORD);
		WebSession analyst = new WebSession(port);
		analyst.signIn("t.analyst", TestAccounts.PASSWORD);

		assertThat(admin.get("/").body()).contains("id=\"second-factor-reminder\"");
		assertThat(analyst.get("/").body()).doesNotContain("id=\"second-factor-reminder\"");
	}

	private String signIn(String username, String code) {
		return new WebSession(port).post("/login", Map.of("username", username, "password", TestAccounts.PASSWORD, "code", code),
				"/login").headers().firstValue("Location").orElse("");
	}

	private HttpResponse<String> issue(String username, int days, String code) {
		return http.postJson("/api/v1/auth/tokens", """
				{"username": "%s", "password": "%s", "name": "credentials", "expiresInDays": %d%s}
				""".formatted(username, TestAccounts.PASSWORD, days, code == null ? "" : ", \"code\": \"" + code + "\""));
	}

}
