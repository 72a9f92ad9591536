package org.iofs.fse.identity.internal;

import org.junit.jupiter.api.Test;

import org.iofs.fse.access.Role;
import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.support.PlatformIT;
import org.iofs.fse.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** The language a person reads pages in is what the platform later writes to them in. */
class LanguageRememberedIT extends PlatformIT {

	@Test
	void theLanguageChosenOnAPageIsTheAccountsLanguage() {
		new TestAccounts(context).ensure("t.language", Role.ANALYST, null);
		WebSession session = new WebSession(port);
		assertThat(session.signIn("t.language", TestAccounts.PASSWORD).statusCode()).isLessThan(400);
		session.get("/?lang=fr");
		assertThat(language()).isEqualTo("fr");
		session.get("/countries?lang=ar");
		assertThat(language()).isEqualTo("ar");
		session.get("/countries");
		assertThat(language()).as("the cookie keeps it").isEqualTo("ar");
	}

	private String language() {
		return jdbc.sql("SELECT language FROM identity.account WHERE username = 't.language'").query(String.class)
			.single();
	}

}
