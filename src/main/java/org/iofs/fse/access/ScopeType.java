package org.iofs.fse.access;

/** What a grant is limited to. Scope ids are ISO3 codes for countries, hub codes, organisation UUIDs. */
public enum ScopeType {

	GLOBAL, COUNTRY, HUB, ORGANISATION

}
