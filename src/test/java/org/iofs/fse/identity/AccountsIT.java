package org.iofs.fse.identity;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.support.PlatformIT;
import org.iofs.fse.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

class AccountsIT extends PlatformIT {

	String admin;

	@BeforeEach
	void setUp() {
		admin = bearer("t.admin");
	}

	@Test
	void anAdministratorCreatesAnAccountWithAGeneratedPasswordAndItIsAudited() {
		HttpResponse<String> created = http.postJson("/api/v1/admin/users", """
				{"username": "new.focal", "displayName": "New focal point", "organisationId": "00000000-0000-0000-0000-000000000001",
				 "role": "COUNTRY_FOCAL_POINT", "scopeId": "som"}
				""", "Authorization", admin);

		assertThat(created.statusCode()).isEqualTo(201);
		String id = JsonPath.read(created.body(), "$.account.id");
		String password = JsonPath.read(created.body(), "$.generatedPassword");
		assertThat(password).hasSizeGreaterThanOrEqualTo(12);
		assertThat((String) JsonPath.read(created.body(), "$.account.grants[0].scopeId")).isEqualTo("SOM");
		assertThat(new WebSession(port).signIn("new.focal", password).headers().firstValue("Location"))
			.get().asString().doesNotContain("error");
		var audit = jdbc.sql("SELECT actor_username, after_state::text FROM audit.audit_event WHERE action = 'account.created' AND entity_id = :id")
			.param("id", id).query().listOfRows();
		assertThat(audit).hasSize(1);
		assertThat(audit.get(0).get("actor_username")).isEqualTo("t.admin");
		assertThat((String) audit.get(0).get("after_state")).contains("new.focal").doesNotContain(password).doesNotContain("bcrypt");
	}

	@Test
	void grantsAndRevokesScopedRolesWithBeforeAndAfterInTheTrail() {
		String id = new TestAccounts(context).ensure("t.grants", org.iofs.fse.access.Role.ANALYST, "").toString();

		HttpResponse<String> granted = http.postJson("/api/v1/admin/users/" + id + "/grants",
				"{\"role\": \"COUNTRY_FOCAL_POINT\", \"scopeId\": \"MLI\"}", "Authorization", admin);
		List<String> grantIds = JsonPath.read(granted.body(), "$.grants[?(@.scopeId == 'MLI')].id");
		String grantId = grantIds.get(0);
		HttpResponse<String> revoked = http.send("DELETE", "/api/v1/admin/users/" + id + "/grants/" + grantId,
				"Authorization", admin);

		assertThat(granted.statusCode()).isEqualTo(201);
		assertThat(revoked.statusCode()).isEqualTo(200);
		assertThat(revoked.body()).doesNotContain("MLI");
		var trail = jdbc.sql("SELECT action, before_state::text AS b, after_state::text AS a FROM audit.audit_event WHERE entity_id = :id ORDER BY id")
			.param("id", id).query().listOfRows();
		assertThat(trail).extracting(r -> r.get("action")).contains("account.granted", "account.revoked");
		var grant = trail.stream().filter(r -> r.get("action").equals("account.granted")).findFirst().orElseThrow();
		assertThat((String) grant.get("b")).doesNotContain("MLI");
		assertThat((String) grant.get("a")).contains("MLI");
	}

	@Test
	void refusesBadAccountsNamingTheField() {
		assertThat(field(create("{\"username\": \"Bad Name\", \"displayName\": \"x\", \"organisationId\": \"00000000-0000-0000-0000-000000000001\", \"role\": \"ANALYST\"}")))
			.isEqualTo("username");
		assertThat(field(create("{\"username\": \"long.name\", \"displayName\": \"" + "x".repeat(101)
				+ "\", \"organisationId\": \"00000000-0000-0000-0000-000000000001\", \"role\": \"ANALYST\"}")))
			.isEqualTo("displayName");
		assertThat(field(create("{\"username\": \"t.admin\", \"displayName\": \"x\", \"organisationId\": \"00000000-0000-0000-0000-000000000001\", \"role\": \"ANALYST\"}")))
			.isEqualTo("username");
		assertThat(field(create("{\"username\": \"scope.less\", \"displayName\": \"x\", \"organisationId\": \"00000000-0000-0000-0000-000000000001\", \"role\": \"COUNTRY_FOCAL_POINT\", \"scopeId\": \"FRA\"}")))
			.isEqualTo("scopeId");
		assertThat(field(create("{\"username\": \"short.pw\", \"displayName\": \"x\", \"organisationId\": \"00000000-0000-0000-0000-000000000001\", \"role\": \"ANALYST\", \"password\": \"short\"}")))
			.isEqualTo("password");
		assertThat(field(create("{not json"))).isEqualTo("body");
	}

	@Test
	void searchesAccountsByTextTakingWildcardsLiterally() {
		List<String> focal = JsonPath.read(http.get("/api/v1/admin/users?q=FOCAL", "Authorization", admin).body(),
				"$.items[*].username");
		List<String> percent = JsonPath.read(http.get("/api/v1/admin/users?q=%25", "Authorization", admin).body(),
				"$.items[*].username");

		assertThat(focal).isNotEmpty().allMatch(name -> name.contains("focal"));
		assertThat(percent).isEmpty();
		assertThat(http.get("/api/v1/admin/users?size=0", "Authorization", admin).statusCode()).isEqualTo(400);
	}

	@Test
	void onlyAdministratorsAdministerAccounts() {
		String analyst = bearer("t.analyst");

		assertThat(http.get("/api/v1/admin/users", "Authorization", analyst).statusCode()).isEqualTo(403);
		assertThat(http.get("/api/v1/admin/users").statusCode()).isEqualTo(401);
		assertThat(http.get("/api/v1/admin/users", "Authorization", admin).statusCode()).isEqualTo(200);
	}

	@Test
	void disablingAnAccountEndsItsLiveSessionAndReEnablingRestoresSignIn() {
		String id = new TestAccounts(context).ensure("t.session", org.iofs.fse.access.Role.ANALYST, "").toString();
		WebSession browser = new WebSession(port);
		browser.signIn("t.session", TestAccounts.PASSWORD);
		assertThat(browser.get("/account/tokens").statusCode()).isEqualTo(200);

		http.postJson("/api/v1/admin/users/" + id + "/disable", "", "Authorization", admin);

		assertThat(browser.get("/account/tokens").statusCode()).isEqualTo(302);
		assertThat(new WebSession(port).signIn("t.session", TestAccounts.PASSWORD).headers().firstValue("Location"))
			.get().asString().endsWith("/login?error");
		http.postJson("/api/v1/admin/users/" + id + "/enable", "", "Authorization", admin);
		assertThat(new WebSession(port).signIn("t.session", TestAccounts.PASSWORD).headers().firstValue("Location"))
			.get().asString().doesNotContain("error");
	}

	@Test
	void resettingAPasswordEndsSessionsAndTheOldPassword() {
		String id = new TestAccounts(context).ensure("t.reset", org.iofs.fse.access.Role.ANALYST, "").toString();
		WebSession browser = new WebSession(port);
		browser.signIn("t.reset", TestAccounts.PASSWORD);

		String reset = http.postJson("/api/v1/admin/users/" + id + "/password", "{}", "Authorization", admin).body();
		String password = JsonPath.read(reset, "$.generatedPassword");

		assertThat(browser.get("/account/tokens").statusCode()).isEqualTo(302);
		assertThat(new WebSession(port).signIn("t.reset", password).headers().firstValue("Location")).get().asString()
			.doesNotContain("error");
	}

	@Test
	void markupInNamesIsShownAsText() {
		String markup = "<script>alert('x')</script> Foods";
		http.postJson("/api/v1/organisations", """
				{"type": "COMPANY", "nameEn": "%s", "nameAr": "%s", "nameFr": "%s"}
				""".formatted(markup.replace("'", "\\u0027"), markup, markup), "Authorization", admin);
		WebSession browser = new WebSession(port);
		browser.signIn("t.admin", TestAccounts.PASSWORD);

		String organisations = browser.get("/admin/organisations").body();
		String users = browser.get("/admin/users/new").body();

		assertThat(organisations).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Foods").doesNotContain("<script>alert");
		assertThat(users).doesNotContain("<script>alert");
	}

	@Test
	void pagesHideWhatTheReaderMayNotDo() {
		WebSession analyst = new WebSession(port);
		analyst.signIn("t.analyst", TestAccounts.PASSWORD);
		WebSession administrator = new WebSession(port);
		administrator.signIn("t.admin", TestAccounts.PASSWORD);

		assertThat(analyst.get("/").body()).doesNotContain("href=\"/admin/users\"").contains("id=\"sign-out\"");
		assertThat(administrator.get("/").body()).contains("href=\"/admin/users\"").contains("href=\"/admin/audit\"");
		assertThat(new WebSession(port).get("/").body()).contains("id=\"sign-in\"").doesNotContain("href=\"/admin/users\"");
		assertThat(analyst.get("/admin/users").statusCode()).isEqualTo(403);
	}

	@Test
	void administratorsCreateAccountsInThePage() {
		WebSession browser = new WebSession(port);
		browser.signIn("t.admin", TestAccounts.PASSWORD);

		HttpResponse<String> created = browser.post("/admin/users", Map.of("username", "page.made", "displayName",
				"Made in the page", "organisationId", "00000000-0000-0000-0000-000000000001", "role", "ANALYST",
				"scopeId", "", "password", "", "email", ""), "/admin/users/new");
		HttpResponse<String> invalid = browser.post("/admin/users", Map.of("username", "Not Valid", "displayName", "",
				"organisationId", "00000000-0000-0000-0000-000000000001", "role", "ANALYST", "scopeId", "", "password", "",
				"email", ""), "/admin/users/new");

		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(created.body()).contains("id=\"generated-password\"").contains("page.made");
		assertThat(invalid.body()).contains("is-invalid");
	}

	private HttpResponse<String> create(String json) {
		return http.postJson("/api/v1/admin/users", json, "Authorization", admin);
	}

	private static String field(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		return JsonPath.read(response.body(), "$.field");
	}

}
