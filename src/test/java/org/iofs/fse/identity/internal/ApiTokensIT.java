package org.iofs.fse.identity.internal;

import org.iofs.fse.identity.TestAccounts;
import java.net.http.HttpResponse;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.iofs.fse.access.Role;
import org.iofs.fse.support.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

class ApiTokensIT extends PlatformIT {

	@Test
	void issuesATokenShownOnceAndStoredOnlyAsAHash() {
		HttpResponse<String> issued = http.postJson("/api/v1/auth/tokens", """
				{"username": "t.analyst", "password": "%s", "name": "reporting", "expiresInDays": 7}
				""".formatted(TestAccounts.PASSWORD));
		String token = JsonPath.read(issued.body(), "$.token");

		assertThat(issued.statusCode()).isEqualTo(201);
		assertThat((String) JsonPath.read(issued.body(), "$.expiresAt")).isNotBlank();
		assertThat(jdbc.sql("SELECT count(*) FROM identity.api_token WHERE token_hash = :t").param("t", token)
			.query(Long.class).single()).isZero();
		String listed = http.get("/api/v1/auth/tokens", "Authorization", "Bearer " + token).body();
		assertThat(listed).contains("reporting").doesNotContain(token);
		assertThat(http.get("/api/v1/organisations", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
	}

	@Test
	void aRevokedTokenNoLongerAuthenticates() {
		String token = TestAccounts.issue(http, "t.focal.yem");
		List<String> ids = JsonPath.read(http.get("/api/v1/auth/tokens", "Authorization", "Bearer " + token).body(), "$[*].id");

		for (String id : ids) {
			assertThat(http.send("DELETE", "/api/v1/auth/tokens/" + id, "Authorization", "Bearer " + token).statusCode())
				.isIn(204, 401);
		}

		HttpResponse<String> after = http.get("/api/v1/auth/tokens", "Authorization", "Bearer " + token);
		assertThat(after.statusCode()).isEqualTo(401);
		assertThat(after.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void anExpiredTokenNoLongerAuthenticates() {
		String token = TestAccounts.issue(http, "t.hub");
		jdbc.sql("UPDATE identity.api_token SET expires_at = now() - interval '1 second' WHERE token_hash = :h")
			.param("h", ApiTokens.hash(token))
			.update();

		assertThat(http.get("/api/v1/auth/tokens", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
	}

	@Test
	void malformedTokensAreRefusedNotIgnored() {
		for (String header : List.of("Bearer ", "Bearer nonsense", "Bearer fse_short", "Bearer fse_" + "x".repeat(43),
				"Bearer " + "a".repeat(5000))) {
			HttpResponse<String> response = http.get("/api/v1/countries", "Authorization", header.strip());
			assertThat(response.statusCode()).as(header.length() > 60 ? "long header" : header).isEqualTo(401);
		}
	}

	@Test
	void aDisabledAccountsTokensStopWorking() {
		TestAccounts accounts = new TestAccounts(context);
		var id = accounts.ensure("t.to.disable", Role.ANALYST, "");
		String token = TestAccounts.issue(http, "t.to.disable");
		String admin = bearer("t.admin");
		// Used once before, so that the platform has it in mind when the account is disabled.
		assertThat(http.get("/api/v1/auth/tokens", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);

		http.postJson("/api/v1/admin/users/" + id + "/disable", "", "Authorization", admin);

		assertThat(http.get("/api/v1/auth/tokens", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
	}

	@Test
	void onlyTheOwnerRevokesAToken() {
		String owner = TestAccounts.issue(http, "t.company");
		String id = JsonPath.read(http.get("/api/v1/auth/tokens", "Authorization", "Bearer " + owner).body(), "$[0].id");

		HttpResponse<String> other = http.send("DELETE", "/api/v1/auth/tokens/" + id, "Authorization",
				bearer("t.focal.pak"));

		assertThat(other.statusCode()).isEqualTo(404);
		assertThat(http.get("/api/v1/auth/tokens", "Authorization", "Bearer " + owner).statusCode()).isEqualTo(200);
	}

	@Test
	void refusesBadRequestsNamingTheField() {
		assertThat(field(issue("t.analyst", TestAccounts.PASSWORD, "x", 0))).isEqualTo("expiresInDays");
		assertThat(field(issue("t.analyst", TestAccounts.PASSWORD, "x", 366))).isEqualTo("expiresInDays");
		assertThat(field(issue("t.analyst", TestAccounts.PASSWORD, "n".repeat(101), 7))).isEqualTo("name");
		new TestAccounts(context).ensure("t.wrong.password", Role.ANALYST, "");
		HttpResponse<String> wrongPassword = issue("t.wrong.password", "not-the-password", "x", 7);
		HttpResponse<String> unknownUser = issue("nobody.at.all", "not-the-password", "x", 7);
		assertThat(wrongPassword.statusCode()).isEqualTo(unknownUser.statusCode()).isEqualTo(401);
		assertThat(wrongPassword.body()).isEqualTo(unknownUser.body());
	}

	private HttpResponse<String> issue(String username, String password, String name, int days) {
		return http.postJson("/api/v1/auth/tokens", """
				{"username": "%s", "password": "%s", "name": "%s", "expiresInDays": %d}
				""".formatted(username, password, name, days));
	}

	private static String field(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(400);
		return JsonPath.read(response.body(), "$.field");
	}

	@Test
	void apiAnswersCarryTheSecurityHeadersAndNoSession() {
		String token = TestAccounts.issue(http, "t.analyst");
		long since = System.currentTimeMillis();

		for (HttpResponse<String> answer : List.of(http.get("/api/v1/organisations", "Authorization", "Bearer " + token),
				http.get("/api/v1/countries"), http.get("/api/v1/no-such-thing", "Authorization", "Bearer " + token))) {
			assertThat(answer.headers().firstValue("Content-Security-Policy"))
				.hasValue("default-src 'none'; frame-ancestors 'none'");
			assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
			assertThat(answer.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value)
				.contains("no-store"));
			assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
		}
		assertThat(jdbc.sql("SELECT count(*) FROM identity.spring_session WHERE creation_time >= :since")
			.param("since", since).query(Long.class).single()).isZero();
	}

}
