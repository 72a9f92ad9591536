/**
 * The IOFS Food Balance Database: supply-utilisation accounts per member state, FBS item and year, imported from
 * FAOSTAT files (sub-package {@code importing}) or entered nationally, with their balance checks and the
 * indicators computed from them.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "access", "audit", "countries", "commodities", "platform" })
package org.iofs.fse.foodbalance;
