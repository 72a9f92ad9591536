package org.iofs.fse.organisations;

public enum OrganisationType {

	IOFS_SECRETARIAT, MEMBER_STATE_AGENCY, COMPANY, PARTNER_INSTITUTION, FINANCIAL_INSTITUTION;

	public String messageKey() {
		return "organisation.type." + name();
	}

}
