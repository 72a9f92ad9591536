/**
 * The home dashboard: the OIC map coloured by geographic group and the headline counts. Later capabilities add
 * their own headline figures (alerts, stocks) here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "countries", "commodities", "platform",
		"reserves", "prices", "foodbalance", "engagements", "trade", "projects", "access" })
package org.iofs.fse.home;
