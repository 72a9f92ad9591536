/**
 * Regional cluster projects and investments: IOFS's project portfolio (titles and descriptions in three languages,
 * the IsDB project cycle, member states and DAC sectors with their shares, participating organisations), published
 * as IATI 2.03 activities. The Secretariat edits; visitors read published projects; every change is audited.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "access", "audit", "countries", "commodities", "platform",
				"foodbalance", "reserves", "trade", "organisations", "allocation" })
package org.iofs.fse.projects;
