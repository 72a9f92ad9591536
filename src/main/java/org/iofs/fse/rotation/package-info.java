/**
 * Rotation of reserve stock through IFPA, replenished by salam: a lot near its best-before date is sold on the IFPA
 * board by its reserve's trading desk (a verified company the Secretariat links to the reserve); each sale drafts a
 * salam purchase of the same commodity and tonnes (full price paid at contract, delivery before the reserve's next
 * need), so that the reserve's level is restored; the hub page follows each rotation from offer to replenishment.
 * Reserves and the board are read and written through their public facades; a sale arrives as the board's event.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "access", "audit", "countries", "commodities", "reserves", "trade",
				"platform" })
package org.iofs.fse.rotation;
