package org.iofs.fse.access;

/** What a caller asks to do. {@link AccessPolicy} says who may do each, and in which scope. */
public enum Action {

	/** Create, disable and enable accounts, reset passwords, grant and revoke roles, manage organisations. */
	ADMINISTER_ACCOUNTS,
	/** Read the audit trail. */
	READ_AUDIT,
	/** Edit reference data (countries, commodities). */
	EDIT_REFERENCE_DATA,
	/** Read unpublished data of any country, hub or organisation. */
	READ_ALL,
	/** Validate and publish data. */
	PUBLISH,
	/** Read unpublished data of one country. */
	READ_COUNTRY_DATA,
	/** Enter and submit national data for one country. */
	ENTER_COUNTRY_DATA,
	/** Request a reserve release for one country. */
	REQUEST_RELEASE,
	/** Receive, store, rotate and dispatch stock at one hub. */
	OPERATE_HUB,
	/** Act for one organisation (post offers, answer requests for quotation). */
	ACT_FOR_ORGANISATION,
	/** Act for one financial institution: approve, sign and follow the finance requests of deals it receives. */
	FINANCE_FOR_ORGANISATION,
	/** Solve allocation plans from hub stock to member states, read them, and turn them into draft dispatches. */
	PLAN_ALLOCATION,
	/** Edit the transport network the allocation optimiser plans on (delivery points, routes). */
	EDIT_TRANSPORT_NETWORK,
	/** Manage one's own API tokens. */
	MANAGE_OWN_TOKENS

}
