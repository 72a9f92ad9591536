/**
 * Notifications: what the platform tells people, in an in-app inbox and by e-mail. Modules publish application
 * events (a quote arrived, a quote was accepted, a certificate expires soon, a delivery is overdue); Spring
 * Modulith's event publication registry stores each with the transaction that published it, so none is lost in a
 * crash. The listeners here decide who is concerned (asked of {@link org.iofs.fse.identity.Members} at that moment,
 * so nobody who may not see the thing is told), write one notice per person, and send the e-mails afterwards, outside
 * any transaction, in each person's language.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "access", "audit", "identity", "trade", "engagements", "prices", "reserves", "response",
				"commodities", "countries" })
package org.iofs.fse.notifications;
