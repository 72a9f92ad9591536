package org.iofs.fse.reserves;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.iofs.fse.access.Role;
import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.support.PlatformIT;

import static org.assertj.core.api.Assertions.assertThat;

/** A hub operator's list of release requests holds exactly those they may open: approved ones of their hub's reserve. */
class OperatorsReleaseListIT extends PlatformIT {

	@Test
	void anOperatorListsWhatTheyMayOpenAndNothingElse() {
		jdbc.sql("""
				INSERT INTO reserves.reserve (code, name_en, name_ar, name_fr) VALUES
				    ('LIST-OWN', 'Own reserve', 'احتياطي خاص', 'Réserve propre'),
				    ('LIST-OTHER', 'Other reserve', 'احتياطي آخر', 'Autre réserve')
				ON CONFLICT DO NOTHING
				""").update();
		jdbc.sql("""
				INSERT INTO reserves.hub (code, name, kind, country_iso3, reserve_code)
				VALUES ('LIST-HUB', 'List hub', 'WAREHOUSE', 'SEN', 'LIST-OWN') ON CONFLICT DO NOTHING
				""").update();
		new TestAccounts(context).ensure("t.hub.list", Role.HUB_OPERATOR, "LIST-HUB");
		long approved = request("LIST-OWN", "APPROVED");
		long delivered = request("LIST-OWN", "DELIVERED");
		long submitted = request("LIST-OWN", "SUBMITTED");
		long elsewhere = request("LIST-OTHER", "APPROVED");
		String operator = bearer("t.hub.list");
		try {
			List<Integer> listed = JsonPath.read(http.get("/api/v1/releases", "Authorization", operator).body(), "$[*].id");

			assertThat(listed).contains((int) approved, (int) delivered).doesNotContain((int) submitted, (int) elsewhere);
			for (Integer id : listed) {
				assertThat(http.get("/api/v1/releases/" + id, "Authorization", operator).statusCode()).as("request " + id)
					.isEqualTo(200);
			}
			assertThat(http.get("/api/v1/releases/" + elsewhere, "Authorization", operator).statusCode()).isEqualTo(404);
		}
		finally {
			// Other tests plan from every approved request: these made-up ones must not outlive this test.
			jdbc.sql("DELETE FROM reserves.release_request WHERE id = ANY (:ids)")
				.param("ids", new long[] { approved, delivered, submitted, elsewhere })
				.update();
		}
	}

	private long request(String reserve, String status) {
		return jdbc.sql("""
				INSERT INTO reserves.release_request (country_iso3, reserve_code, commodity_code, tonnes, delivery_point,
				    need_by, tier, payment, justification, status, requested_by)
				VALUES ('SEN', :reserve, 'rice', 10, 'Dakar', current_date + 30, 1, NULL, 'Test', :status, 't.focal')
				RETURNING id
				""").param("reserve", reserve).param("status", status).query(Long.class).single();
	}

}
