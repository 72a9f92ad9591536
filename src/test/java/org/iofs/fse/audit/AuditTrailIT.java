package org.iofs.fse.audit;

import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.support.PlatformIT;
import org.iofs.fse.support.WebSession;

import org.springframework.dao.DataAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditTrailIT extends PlatformIT {

	String admin;

	@BeforeEach
	void setUp() {
		admin = bearer("t.admin");
	}

	@Test
	void theDatabaseRefusesToChangeOrDeleteAuditRecords() {
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event").query(Long.class).single()).isPositive();

		assertThatThrownBy(() -> jdbc.sql("UPDATE audit.audit_event SET actor_username = 'someone else'").update())
			.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit.audit_event").update())
			.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit.audit_event").update())
			.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
	}

	@Test
	void recordsWhoWhenWhatAndFromWhere() {
		String body = http.get("/api/v1/audit?user=t.admin&action=account.created&size=5", "Authorization", admin,
				"X-Request-Id", "trace-123").body();
		var rows = jdbc.sql("SELECT request_id, client_address FROM audit.audit_event WHERE action = 'token.issued' AND actor_username = 't.admin'")
			.query().listOfRows();

		List<String> actions = JsonPath.read(body, "$.items[*].action");
		assertThat(actions).isNotEmpty().containsOnly("account.created");
		assertThat(rows).isNotEmpty().allSatisfy(r -> {
			assertThat(r.get("request_id")).isNotNull();
			assertThat(r.get("client_address")).isEqualTo("127.0.0.1");
		});
	}

	@Test
	void filtersByEntityAndDateAndPaginates() {
		String today = LocalDate.now(java.time.ZoneOffset.UTC).toString();
		String page0 = http.get("/api/v1/audit?entityType=account&from=" + today + "&to=" + today + "&size=2&page=0",
				"Authorization", admin).body();
		String page1 = http.get("/api/v1/audit?entityType=account&from=" + today + "&to=" + today + "&size=2&page=1",
				"Authorization", admin).body();
		String yesterday = http.get("/api/v1/audit?to=" + LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1),
				"Authorization", admin).body();

		List<Integer> first = JsonPath.read(page0, "$.items[*].id");
		List<Integer> second = JsonPath.read(page1, "$.items[*].id");
		assertThat(first).hasSize(2);
		assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(first);
		assertThat(first.get(0)).isGreaterThan(second.get(0));
		assertThat((Integer) JsonPath.read(page0, "$.totalItems")).isGreaterThan(3);
		assertThat((Integer) JsonPath.read(yesterday, "$.totalItems")).isZero();
	}

	@Test
	void onlyAdministratorsReadTheTrail() {
		assertThat(http.get("/api/v1/audit").statusCode()).isEqualTo(401);
		assertThat(http.get("/api/v1/audit", "Authorization", bearer("t.analyst"))
			.statusCode()).isEqualTo(403);
		assertThat(http.get("/api/v1/audit?size=500", "Authorization", admin).statusCode()).isEqualTo(400);
		assertThat(http.get("/api/v1/audit?from=2026-02-30", "Authorization", admin).statusCode()).isEqualTo(400);
	}

	@Test
	void theAuditPageFilters() {
		WebSession browser = new WebSession(port);
		browser.signIn("t.admin", TestAccounts.PASSWORD);

		String page = browser.get("/admin/audit?action=sign-in.succeeded&user=t.admin").body();

		assertThat(page).contains("id=\"audit-events\"").contains("sign-in.succeeded").doesNotContain(">account.created<");
	}

}
