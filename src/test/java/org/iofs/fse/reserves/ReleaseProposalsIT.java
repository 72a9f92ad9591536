package org.iofs.fse.reserves;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.support.PlatformIT;
import org.iofs.fse.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** The Secretariat proposes a release request to a member's focal points, who draft the request from it. */
class ReleaseProposalsIT extends PlatformIT {

	@Test
	void anAnalystProposesAndOnlyTheMembersFocalPointsSeeIt() {
		HttpResponse<String> proposed = http.postJson("/api/v1/releases/proposals",
				"{\"country\": \"PAK\", \"commodity\": \"wheat\", \"reason\": \"Wheat prices in crisis in Sindh markets\"}",
				"Authorization", bearer("t.analyst"));
		HttpResponse<String> byFocalPoint = http.postJson("/api/v1/releases/proposals",
				"{\"country\": \"PAK\", \"commodity\": \"wheat\", \"reason\": \"mine\"}", "Authorization", bearer("t.focal.pak"));
		HttpResponse<String> unknown = http.postJson("/api/v1/releases/proposals",
				"{\"country\": \"PAK\", \"commodity\": \"gold\", \"reason\": \"x\"}", "Authorization", bearer("t.analyst"));

		WebSession pakistan = new WebSession(port);
		pakistan.signIn("t.focal.pak", TestAccounts.PASSWORD);
		String own = pakistan.get("/releases?lang=en").body();
		WebSession yemen = new WebSession(port);
		yemen.signIn("t.focal.yem", TestAccounts.PASSWORD);
		String other = yemen.get("/releases?country=PAK&lang=en").body();
		String drafted = pakistan.get("/releases?country=PAK&commodity=wheat&lang=en").body();

		assertThat(proposed.statusCode()).isEqualTo(201);
		assertThat(byFocalPoint.statusCode()).isEqualTo(403);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(own).contains("id=\"release-proposals\"").contains("Wheat prices in crisis in Sindh markets")
			.contains("/releases?country=PAK&amp;commodity=wheat#release-form");
		assertThat(other).doesNotContain("Wheat prices in crisis in Sindh markets");
		assertThat(drafted).containsPattern("<option value=\"wheat\" selected=\"selected\">");
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action = 'reserves.release-proposed' AND actor_username = 't.analyst'")
			.query(Long.class).single()).isPositive();
	}

}
