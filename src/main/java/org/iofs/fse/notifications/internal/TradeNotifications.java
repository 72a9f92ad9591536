package org.iofs.fse.notifications.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.access.Role;
import org.iofs.fse.access.Scope;
import org.iofs.fse.identity.Members.Member;
import org.iofs.fse.identity.Members;
import org.iofs.fse.trade.CertificateExpired;
import org.iofs.fse.trade.CertificateExpiring;
import org.iofs.fse.trade.DealSettled;
import org.iofs.fse.trade.DeliveryOverdue;
import org.iofs.fse.trade.FinanceRequested;
import org.iofs.fse.trade.FinanceStepTaken;
import org.iofs.fse.trade.QuoteAccepted;
import org.iofs.fse.trade.QuoteSubmitted;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import static org.iofs.fse.notifications.internal.Notice.same;

/**
 * Who hears of what on the IFPA board. A quote is told to the buyer's members only (competitors never learn of
 * it); an accepted quote to the chosen seller, and to the others only that they were not chosen; an expiring
 * certificate to its company; an overdue delivery to both sides of the deal; a finance request to the financier's
 * staff, and each of its steps to the side that did not take it.
 * <p>
 * Each listener runs after the publishing transaction committed, on its own thread; the registry marks the event
 * handled only when the listener returns, so one interrupted by a crash is handled again at the next start.
 */
@Component
class TradeNotifications {

	private final Members members;

	private final Notifier notifier;

	private final AccessPolicy access;

	private final Words words;

	TradeNotifications(Members members, Notifier notifier, AccessPolicy access, Words words) {
		this.words = words;
		this.members = members;
		this.notifier = notifier;
		this.access = access;
	}

	@Async
	@TransactionalEventListener
	void on(QuoteSubmitted quote) {
		tell(members.actingFor(quote.buyer()),
				new Notice(quote.revision() == 0 ? "trade.quote-received" : "trade.quote-revised",
						"quote:" + quote.quote() + ":" + quote.revision(),
						List.of(quote.sellerName(), quote.commodity(), same(quote.tonnes().stripTrailingZeros()
							.toPlainString()), same(quote.pricePerTonne().toPlainString()), same(quote.currency()),
								same(quote.rfq())),
						"/trade/rfqs/" + quote.rfq()));
	}

	@Async
	@TransactionalEventListener
	void on(DealSettled settled) {
		List<Member> both = new ArrayList<>(members.actingFor(settled.buyer()));
		both.addAll(members.actingFor(settled.seller()));
		notifier.tell(both, new Notice("trade.deal-settled", "deal-settled:" + settled.deal(),
				List.of(same(settled.deal()), notifier.commodity(settled.commodity()),
						same(settled.tonnes().stripTrailingZeros().toPlainString())),
				"/trade/deals/" + settled.deal()),
				About.of(SubscriptionKind.DEALS, settled.destination(), settled.commodity(), this::secretariat));
	}

	@Async
	@TransactionalEventListener
	void on(QuoteAccepted accepted) {
		tell(members.actingFor(accepted.seller()), new Notice("trade.quote-accepted", "quote-accepted:" + accepted.quote(),
				List.of(accepted.buyerName(), accepted.commodity(), same(accepted.rfq()), same(accepted.deal())),
				"/trade/deals/" + accepted.deal()));
		List<Member> others = new ArrayList<>();
		for (UUID seller : accepted.notChosen()) {
			others.addAll(members.actingFor(seller));
		}
		tell(others, new Notice("trade.quote-not-chosen", "quote-not-chosen:" + accepted.rfq(),
				List.of(accepted.commodity(), same(accepted.rfq())), "/trade/rfqs/" + accepted.rfq()));
	}

	@Async
	@TransactionalEventListener
	void on(CertificateExpiring expiring) {
		tell(members.actingFor(expiring.company()), new Notice("trade.certificate-expiring",
				"certificate-expiring:" + expiring.certificate(),
				List.of(same(expiring.number()), same(expiring.expiresOn())), "/trade/companies/" + expiring.company()));
	}

	@Async
	@TransactionalEventListener
	void on(CertificateExpired expired) {
		tell(members.actingFor(expired.company()), new Notice("trade.certificate-expired",
				"certificate-expired:" + expired.certificate(),
				List.of(same(expired.number()), same(expired.expiredOn())), "/trade/companies/" + expired.company()));
	}

	@Async
	@TransactionalEventListener
	void on(DeliveryOverdue overdue) {
		List<Member> both = new ArrayList<>(members.actingFor(overdue.buyer()));
		both.addAll(members.actingFor(overdue.seller()));
		notifier.tell(both, new Notice("trade.delivery-overdue", "delivery-overdue:" + overdue.deal(),
				List.of(same(overdue.deal()), overdue.commodity(), same(overdue.deliveryUntil())),
				"/trade/deals/" + overdue.deal()), About.of(SubscriptionKind.DEALS, null, null, this::secretariat));
	}

	@Async
	@TransactionalEventListener
	void on(FinanceRequested requested) {
		tell(members.holding(Role.FINANCIER, Scope.organisation(requested.financier())),
				new Notice("trade.finance-requested", "finance-requested:" + requested.request(),
						List.of(requested.buyerName(), words.of("finance.mode." + requested.mode()),
								same(requested.price().toPlainString()), same(requested.currency()), same(requested.deal())),
						"/trade/finance/" + requested.request()));
	}

	/** The side that did not take the step hears of it. */
	@Async
	@TransactionalEventListener
	void on(FinanceStepTaken step) {
		List<Member> otherSide = step.takenBy().equals("FINANCIER") ? members.actingFor(step.buyer())
				: members.holding(Role.FINANCIER, Scope.organisation(step.financier()));
		tell(otherSide, new Notice("trade.finance-step", "finance-step:" + step.request() + ":" + step.toStatus(),
				List.of(same(step.request()), words.of("finance.status." + step.toStatus()), same(step.deal())),
				"/trade/finance/" + step.request()));
	}

	private void tell(List<Member> people, Notice notice) {
		notifier.tell(people, notice);
	}

	/** Deals are the two sides' business: of the subscribers, only the Secretariat hears of them. */
	private boolean secretariat(Caller caller) {
		return access.allows(caller, Action.READ_ALL, Scope.GLOBAL);
	}

}
