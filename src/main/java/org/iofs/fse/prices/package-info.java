/**
 * Food prices and early warning: markets, price series and monthly observations imported from WFP files (on HDX)
 * or entered by focal points; the FAO GIEWS price-anomaly and WFP price-spike indicators computed from them
 * (sub-package {@code indicators}, pure calculation); the alerts they raise.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "access", "audit", "countries", "commodities", "platform" })
package org.iofs.fse.prices;
