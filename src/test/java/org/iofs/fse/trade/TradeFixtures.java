package org.iofs.fse.trade;

import java.util.UUID;

import org.iofs.fse.access.Role;
import org.iofs.fse.identity.TestAccounts;
import org.iofs.fse.organisations.NewOrganisation;
import org.iofs.fse.organisations.OrganisationType;
import org.iofs.fse.organisations.Organisations;
import org.iofs.fse.support.Http;

import org.springframework.context.ApplicationContext;

/** Companies for trade tests: an organisation, one member account, its application, verified by the Secretariat. */
public final class TradeFixtures {

	private final ApplicationContext context;

	private final Http http;

	public TradeFixtures(ApplicationContext context, Http http) {
		this.context = context;
		this.http = http;
	}

	/** A verified company named "Company NUMBER" in three languages; returns its member's Authorization header. */
	public String verifiedCompany(UUID id, String user, String country, String number) {
		context.getBean(Organisations.class).ensure(id, new NewOrganisation(OrganisationType.COMPANY, country,
				"Company " + number, "شركة " + number, "Société " + number));
		new TestAccounts(context).ensure(user, Role.COMPANY_MEMBER, id.toString());
		String token = "Bearer " + TestAccounts.token(http, user);
		http.putJson("/api/v1/trade/companies/" + id, """
				{"legalNameEn": "Company %s", "legalNameAr": "شركة %s", "legalNameFr": "Société %s", "country": "%s",
				 "registrationNumber": "%s", "registry": "Registry"}
				""".formatted(number, number, number, country, number), "Authorization", token);
		http.postJson("/api/v1/trade/companies/" + id + "/verify", "{}", "Authorization",
				"Bearer " + TestAccounts.token(http, "t.analyst"));
		return token;
	}

}
