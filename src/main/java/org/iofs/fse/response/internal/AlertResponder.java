package org.iofs.fse.response.internal;

import org.iofs.fse.prices.PriceAlertRaised;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hears of price alerts once they are committed, on a thread of its own and with no transaction held (the plan's
 * solver runs here); the event registry keeps each alert until this returns, so a crash before a proposal is fully
 * drafted drafts it after the restart.
 */
@Component
class AlertResponder {

	private final ProposalDrafting drafting;

	AlertResponder(ProposalDrafting drafting) {
		this.drafting = drafting;
	}

	@Async
	@TransactionalEventListener
	void on(PriceAlertRaised alert) {
		drafting.draft(alert, false);
	}

}
