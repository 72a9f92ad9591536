package org.iofs.fse.notifications.internal;

import java.util.List;

import org.iofs.fse.access.Role;
import org.iofs.fse.access.Scope;
import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.identity.Members;
import org.iofs.fse.identity.Members.Member;
import org.iofs.fse.response.ProposalDrafted;
import org.iofs.fse.response.ProposalSent;
import org.iofs.fse.shared.LocalizedText;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import static org.iofs.fse.notifications.internal.Notice.same;

/**
 * Who hears of response proposals: the Secretariat's analysts, of one the platform drafted (they decide on it);
 * the member's focal points, of one sent to them (its release request waits for them). A focal point never hears
 * of a proposal before it is sent.
 */
@Component
class ResponseProposalNotifications {

	private final Members members;

	private final Inbox inbox;

	private final MailOutbox outbox;

	private final Commodities commodities;

	private final Countries countries;

	private final Words words;

	ResponseProposalNotifications(Members members, Inbox inbox, MailOutbox outbox, Commodities commodities,
			Countries countries, Words words) {
		this.members = members;
		this.inbox = inbox;
		this.outbox = outbox;
		this.commodities = commodities;
		this.countries = countries;
		this.words = words;
	}

	@Async
	@TransactionalEventListener
	void on(ProposalDrafted drafted) {
		tell(members.holding(Role.ANALYST, Scope.GLOBAL), new Notice("response.proposal-drafted",
				"proposal-drafted:" + drafted.proposal(),
				List.of(same(drafted.proposal()), country(drafted.country()), commodity(drafted.commodity()),
						words.of("response.band." + drafted.band())),
				"/responses/" + drafted.proposal()));
	}

	@Async
	@TransactionalEventListener
	void on(ProposalSent sent) {
		tell(members.holding(Role.COUNTRY_FOCAL_POINT, Scope.country(sent.country())), new Notice(
				"response.proposal-sent", "proposal-sent:" + sent.proposal(),
				List.of(same(sent.proposal()), country(sent.country()), commodity(sent.commodity()),
						same(sent.releaseRequest() == null ? "" : sent.releaseRequest().toString())),
				sent.releaseRequest() == null ? "/responses/" + sent.proposal() : "/releases/" + sent.releaseRequest()));
	}

	private LocalizedText commodity(String code) {
		return commodities.find(code).map(c -> c.names()).orElse(same(code));
	}

	private LocalizedText country(String iso3) {
		return countries.find(iso3).map(c -> c.names()).orElse(same(iso3));
	}

	private void tell(List<Member> people, Notice notice) {
		if (inbox.deliver(people, notice) > 0) {
			outbox.sendPending();
		}
	}

}
