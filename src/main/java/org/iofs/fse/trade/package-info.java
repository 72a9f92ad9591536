/**
 * IFPA trade: the business-to-business board of the OIC's agri-food companies. Member companies apply with their
 * legal identity and the Secretariat verifies them (KYC); verified companies publish offers to sell and requests to
 * buy, and take each other's offers, in exact tonnes under a row lock. Company members act only for their company;
 * the Secretariat sees everything; every change is audited.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "access", "audit", "organisations", "countries", "commodities", "platform",
				"allocation" })
package org.iofs.fse.trade;
