/**
 * Food security reserves and their distribution hubs: regional reserve systems, pledges, hubs, and the stock
 * ledger of lots (append-only, with the stock on hand of each lot kept in a balance table in the same transaction),
 * FEFO picking, and the daily expiry job.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "access", "audit", "countries", "commodities", "prices", "platform" })
package org.iofs.fse.reserves;
