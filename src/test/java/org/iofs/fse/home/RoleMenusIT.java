package org.iofs.fse.home;

import org.junit.jupiter.api.Test;

import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.support.PlatformIT;
import org.iofs.fse.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** Each role's menu leads to its work, and each link it shows opens. */
class RoleMenusIT extends PlatformIT {

	@Test
	void aFocalPointSeesReleaseRequestsAndTheirCountrysEntry() {
		WebSession focal = signedIn("t.focal.yem");
		String menu = focal.get("/?lang=en").body();

		assertThat(menu).contains("id=\"nav-releases\"").contains("href=\"/countries/YEM/food-balance/entry\"");
		assertThat(focal.get("/releases").statusCode()).isEqualTo(200);
		assertThat(focal.get("/countries/YEM/food-balance/entry").statusCode()).as("to the year in progress").isEqualTo(302);
	}

	@Test
	void aHubOperatorSeesReleaseRequestsAndTheirHub() {
		WebSession operator = signedIn("t.hub");
		String menu = operator.get("/?lang=ar").body();

		assertThat(menu).contains("id=\"nav-releases\"").contains("href=\"/hubs/TEST-HUB\"").doesNotContain("id=\"nav-entry\"");
		assertThat(operator.get("/releases").statusCode()).isEqualTo(200);
	}

	@Test
	void anAnalystSeesReleaseRequestsAndAVisitorDoesNot() {
		assertThat(signedIn("t.analyst").get("/?lang=fr").body()).contains("id=\"nav-releases\"")
			.doesNotContain("id=\"nav-entry\"");
		assertThat(http.get("/?lang=en").body()).doesNotContain("id=\"nav-releases\"").doesNotContain("/hubs/");
	}

	private WebSession signedIn(String username) {
		WebSession session = new WebSession(port);
		session.signIn(username, TestAccounts.PASSWORD);
		return session;
	}

}
