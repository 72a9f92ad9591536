package org.iofs.fse.notifications.internal;

/** The kinds of news one may subscribe to. */
enum SubscriptionKind {

	/** Prices of a commodity entering the ALERT or CRISIS band, or an abnormally high IPA. */
	PRICE_ALERTS,
	/** Reserve lots near their best-before date (the rotation window). */
	NEAR_EXPIRY,
	/** Each step of a release request, from submission to delivery. */
	RELEASE_STEPS,
	/** IFPA deals settled, and deliveries overdue. */
	DEALS,
	/** Engagement follow-up actions still open after their due date. */
	OVERDUE_ACTIONS

}
