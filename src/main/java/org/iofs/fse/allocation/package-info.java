/**
 * The allocation optimiser: the transport network from hubs to member states' delivery points, and least-cost,
 * on-time plans from hub stock to demands, solved with OR-Tools and kept with their model and solution for anyone
 * to check with another solver; a plan becomes draft dispatches of release requests.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "access", "audit", "countries", "commodities", "platform", "reserves" })
package org.iofs.fse.allocation;
