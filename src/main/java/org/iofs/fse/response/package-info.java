/**
 * The response to a price alert: when a member's prices of a strategic commodity enter the ALERT or CRISIS band
 * (or the IPA is high), the platform drafts a response proposal for the Secretariat (the member's import dependency
 * and self-sufficiency from its latest balance, its regional reserve's stockpiled and pledged tonnes, a draft release
 * request with a suggested tier for the member's focal point, an allocation plan solved for it that may buy through
 * IFPA, and the IFPA offers that could serve it). Nothing is submitted, approved or moved automatically: an analyst
 * sends, revises or dismisses each proposal, and every proposal is kept with its outcome. Other modules are read
 * through their public facades and the price alert arrives as an event.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "access", "audit", "countries", "commodities", "foodbalance", "reserves",
				"allocation", "prices", "platform" })
package org.iofs.fse.response;
