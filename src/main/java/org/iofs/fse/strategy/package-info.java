/**
 * Strategic commodities: the OIC's supply strategy per commodity. The FAOSTAT Detailed Trade Matrix (who trades
 * what with whom, as each side reports it), intra-OIC trade and the OIC's share of its own imports, which members
 * could supply the members in deficit instead of the rest of the world, the Secretariat's targets and each
 * member's and group's path projected to them. Balances, hubs, reserves, projects and IFPA sellers are read through
 * their modules' public facades. Reading is public, as published balances are; importing is for those who publish,
 * targets are set by the Secretariat, and every change is audited.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "access", "audit", "countries", "commodities", "foodbalance", "allocation",
				"trade", "reserves", "projects", "prices", "platform" })
package org.iofs.fse.strategy;
