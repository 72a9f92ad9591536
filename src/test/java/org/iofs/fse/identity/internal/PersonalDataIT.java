package org.iofs.fse.identity.internal;

import java.net.http.HttpResponse;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.iofs.fse.access.Role;
import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.support.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A company member exports what the platform holds about them, then has it erased: the name and address are gone,
 * the account is closed and its tokens revoked, and the audit trail keeps that both happened.
 */
class PersonalDataIT extends PlatformIT {

	@Test
	void exportThenErasure() {
		String username = "t.erase." + (System.nanoTime() % 1_000_000);
		new TestAccounts(context).ensure(username, Role.COMPANY_MEMBER, TestAccounts.COMPANY.toString());
		jdbc.sql("UPDATE identity.account SET email = :email, display_name = 'Mariam Diallo' WHERE username = :u")
			.param("email", username + "@example.org").param("u", username).update();
		String token = "Bearer " + TestAccounts.issue(http, username);

		HttpResponse<String> export = http.get("/api/v1/account/personal-data", "Authorization", token);
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(export.body(), "$.email")).isEqualTo(username + "@example.org");
		assertThat((String) JsonPath.read(export.body(), "$.displayName")).isEqualTo("Mariam Diallo");
		assertThat(JsonPath.<List<String>>read(export.body(), "$.grants[*].role")).containsExactly("COMPANY_MEMBER");
		assertThat(export.body()).as("never a token's secret or the password").doesNotContain("token_hash")
			.doesNotContain("password");

		HttpResponse<String> wrong = http.postJson("/api/v1/account/erasure", "{\"currentPassword\": \"not-my-password\"}",
				"Authorization", token);
		assertThat((String) JsonPath.read(wrong.body(), "$.field")).isEqualTo("currentPassword");
		assertThat(http.postJson("/api/v1/account/erasure", "{\"currentPassword\": \"" + TestAccounts.PASSWORD + "\"}",
				"Authorization", token).statusCode()).isEqualTo(204);

		var row = jdbc.sql("SELECT display_name, email, enabled FROM identity.account WHERE username = :u")
			.param("u", username).query().singleRow();
		assertThat(row.get("display_name")).isEqualTo("Erased account");
		assertThat(row.get("email")).isNull();
		assertThat(row.get("enabled")).isEqualTo(false);
		assertThat(http.get("/api/v1/account/personal-data", "Authorization", token).statusCode())
			.as("its tokens are revoked").isEqualTo(401);
		assertThat(jdbc.sql("""
				SELECT action FROM audit.audit_event WHERE actor_username = :u AND action LIKE 'account.%' ORDER BY id
				""").param("u", username).query(String.class).list())
			.contains("account.personal-data-exported", "account.erased");
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action = 'account.erased' "
				+ "AND CAST(after_state AS text) LIKE '%Mariam%'").query(Long.class).single()).isZero();
	}

}
