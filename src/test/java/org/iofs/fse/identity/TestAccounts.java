package org.iofs.fse.identity;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.jayway.jsonpath.JsonPath;

import org.iofs.fse.access.Role;
import org.iofs.fse.identity.internal.Account;
import org.iofs.fse.identity.internal.AccountRepository;
import org.iofs.fse.identity.internal.Accounts;
import org.iofs.fse.identity.internal.NewAccount;
import org.iofs.fse.organisations.NewOrganisation;
import org.iofs.fse.organisations.OrganisationType;
import org.iofs.fse.organisations.Organisations;
import org.iofs.fse.support.Http;

import org.springframework.context.ApplicationContext;

/**
 * The kinds of caller the tests act as, created once per test database: an administrator, an analyst, focal
 * points of two countries, a hub operator and a company member. Tokens are obtained the way a client would,
 * through {@code POST /api/v1/auth/tokens}.
 */
public final class TestAccounts {

	public static final String PASSWORD = "test-password-2026";

	public static final UUID COMPANY = UUID.fromString("00000000-0000-0000-0000-00000000c0de");

	public static final UUID FINANCIER = UUID.fromString("00000000-0000-0000-0000-00000000f1ce");

	private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

	private final AccountRepository repository;

	private final Accounts accounts;

	private final Organisations organisations;

	public TestAccounts(ApplicationContext context) {
		this.repository = context.getBean(AccountRepository.class);
		this.accounts = context.getBean(Accounts.class);
		this.organisations = context.getBean(Organisations.class);
	}

	/** Creates the standard callers if this database does not have them yet. */
	public synchronized TestAccounts ensureStandardCallers() {
		organisations.ensureSecretariat();
		organisations.ensure(COMPANY, new NewOrganisation(OrganisationType.COMPANY, "MYS", "Test Foods",
				"شركة الاختبار", "Aliments test"));
		ensure("t.admin", Role.ADMIN, "");
		ensure("t.analyst", Role.ANALYST, "");
		ensure("t.focal.yem", Role.COUNTRY_FOCAL_POINT, "YEM");
		ensure("t.focal.pak", Role.COUNTRY_FOCAL_POINT, "PAK");
		ensure("t.hub", Role.HUB_OPERATOR, "TEST-HUB");
		ensure("t.company", Role.COMPANY_MEMBER, COMPANY.toString());
		organisations.ensure(FINANCIER, new NewOrganisation(OrganisationType.FINANCIAL_INSTITUTION, "SAU",
				"Test Islamic Bank", "البنك الإسلامي للاختبار", "Banque islamique de test"));
		ensure("t.financier", Role.FINANCIER, FINANCIER.toString());
		return this;
	}

	/** An account with one grant and the standard password. */
	public UUID ensure(String username, Role role, String scope) {
		return repository.findByUsername(username).map(Account::id).orElseGet(() -> accounts
			.insert(new NewAccount(username, "Test " + username, null,
					role == Role.COMPANY_MEMBER ? COMPANY : role == Role.FINANCIER ? FINANCIER : Organisations.SECRETARIAT,
					PASSWORD, role, scope))
			.account()
			.id());
	}

	/** A bearer token for the account, issued through the API once and reused. */
	public static String token(Http http, String username) {
		return TOKENS.computeIfAbsent(http.base() + username, key -> issue(http, username));
	}

	public static String issue(Http http, String username) {
		var response = http.postJson("/api/v1/auth/tokens", """
				{"username": "%s", "password": "%s", "name": "test", "expiresInDays": 30}
				""".formatted(username, PASSWORD));
		if (response.statusCode() != 201) {
			throw new IllegalStateException("No token for " + username + ": " + response.body());
		}
		return JsonPath.read(response.body(), "$.token");
	}

}
