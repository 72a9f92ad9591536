package org.iofs.fse.access;

/** The platform's roles, each with the kind of scope its grants carry. */
public enum Role {

	/** Secretariat administrator: accounts, roles, reference data, configuration. */
	ADMIN(ScopeType.GLOBAL),
	/** Secretariat analyst: reads everything, validates and publishes. */
	ANALYST(ScopeType.GLOBAL),
	/** Member-state focal point: enters and submits national data, requests releases, for their countries. */
	COUNTRY_FOCAL_POINT(ScopeType.COUNTRY),
	/** Reserve or hub operator: receives, stores, rotates and dispatches stock at their hubs. */
	HUB_OPERATOR(ScopeType.HUB),
	/** IFPA member company: acts for its organisation. */
	COMPANY_MEMBER(ScopeType.ORGANISATION),
	/** Staff of a financial institution (ITFC, IsDB, a bank): decides and follows the finance requests it receives. */
	FINANCIER(ScopeType.ORGANISATION);

	private final ScopeType scopeType;

	Role(ScopeType scopeType) {
		this.scopeType = scopeType;
	}

	public ScopeType scopeType() {
		return scopeType;
	}

	public String messageKey() {
		return "role." + name();
	}

}
