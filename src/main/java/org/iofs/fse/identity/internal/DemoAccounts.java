package org.iofs.fse.identity.internal;

import java.util.UUID;

import org.iofs.fse.access.Role;
import org.iofs.fse.organisations.NewOrganisation;
import org.iofs.fse.organisations.OrganisationType;
import org.iofs.fse.organisations.Organisations;

import org.springframework.stereotype.Component;

/** One demo account per role, and the organisations they belong to. The passwords are listed in README. */
@Component
class DemoAccounts {

	static final UUID YEMEN_AGENCY = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

	static final UUID PAKISTAN_AGENCY = UUID.fromString("00000000-0000-0000-0000-0000000000a2");

	static final UUID DEMO_COMPANY = UUID.fromString("00000000-0000-0000-0000-0000000000c1");

	/** The demo's financial institutions: a trade finance corporation, a development bank, an Islamic bank. */
	static final UUID DEMO_TRADE_FINANCE = UUID.fromString("00000000-0000-0000-0000-0000000000f1");

	static final UUID DEMO_DEVELOPMENT_BANK = UUID.fromString("00000000-0000-0000-0000-0000000000f2");

	static final UUID DEMO_ISLAMIC_BANK = UUID.fromString("00000000-0000-0000-0000-0000000000f3");

	private final AccountRepository repository;

	private final Accounts accounts;

	private final Organisations organisations;

	DemoAccounts(AccountRepository repository, Accounts accounts, Organisations organisations) {
		this.repository = repository;
		this.accounts = accounts;
		this.organisations = organisations;
	}

	void ensure() {
		organisations.ensure(YEMEN_AGENCY, new NewOrganisation(OrganisationType.MEMBER_STATE_AGENCY, "YEM",
				"Yemen food security agency (demo)", "الجهة اليمنية للأمن الغذائي (تجريبية)",
				"Agence yéménite de sécurité alimentaire (démo)"));
		organisations.ensure(PAKISTAN_AGENCY, new NewOrganisation(OrganisationType.MEMBER_STATE_AGENCY, "PAK",
				"Pakistan food security agency (demo)", "الجهة الباكستانية للأمن الغذائي (تجريبية)",
				"Agence pakistanaise de sécurité alimentaire (démo)"));
		organisations.ensure(DEMO_COMPANY, new NewOrganisation(OrganisationType.COMPANY, "MYS", "Demo Foods (demo)",
				"شركة الأغذية التجريبية", "Aliments démo (démo)"));
		organisations.ensure(DEMO_TRADE_FINANCE, new NewOrganisation(OrganisationType.FINANCIAL_INSTITUTION, "SAU",
				"Islamic trade finance corporation (demo)", "المؤسسة الإسلامية لتمويل التجارة (تجريبية)",
				"Société islamique de financement du commerce (démo)"));
		organisations.ensure(DEMO_DEVELOPMENT_BANK, new NewOrganisation(OrganisationType.FINANCIAL_INSTITUTION, "SAU",
				"Islamic development bank (demo)", "البنك الإسلامي للتنمية (تجريبي)",
				"Banque islamique de développement (démo)"));
		organisations.ensure(DEMO_ISLAMIC_BANK, new NewOrganisation(OrganisationType.FINANCIAL_INSTITUTION, "MYS",
				"Kuala Lumpur Islamic bank (demo)", "بنك كوالالمبور الإسلامي (تجريبي)",
				"Banque islamique de Kuala Lumpur (démo)"));
		account("demo.admin", "Aisha Rahman", Organisations.SECRETARIAT, "admin-demo-2026", Role.ADMIN, "");
		account("demo.analyst", "Yusuf Karimov", Organisations.SECRETARIAT, "analyst-demo-2026", Role.ANALYST, "");
		account("demo.focal.yem", "Ahmed Saleh", YEMEN_AGENCY, "focal-yem-demo-2026",
				Role.COUNTRY_FOCAL_POINT, "YEM");
		account("demo.focal.pak", "Sana Qureshi", PAKISTAN_AGENCY, "focal-pak-demo-2026",
				Role.COUNTRY_FOCAL_POINT, "PAK");
		account("demo.hub", "Moussa Diop", Organisations.SECRETARIAT, "hub-operator-demo-2026", Role.HUB_OPERATOR,
				"DEMO-HUB-1");
		account("demo.company", "Leila Haddad", DEMO_COMPANY, "company-demo-2026", Role.COMPANY_MEMBER,
				DEMO_COMPANY.toString());
		account("demo.financier", "Omar Farouk", DEMO_TRADE_FINANCE, "financier-demo-2026", Role.FINANCIER,
				DEMO_TRADE_FINANCE.toString());
	}

	private void account(String username, String name, UUID organisation, String password, Role role, String scope) {
		if (!repository.exists(username)) {
			accounts.insert(new NewAccount(username, name, null, organisation, password, role, scope));
		}
	}

}
