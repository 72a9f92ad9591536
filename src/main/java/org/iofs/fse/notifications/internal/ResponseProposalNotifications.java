package org.iofs.fse.notifications.internal;

import java.util.List;

import org.iofs.fse.access.Role;
import org.iofs.fse.access.Scope;
import org.iofs.fse.identity.Members;
import org.iofs.fse.response.ProposalDrafted;
import org.iofs.fse.response.ProposalSent;

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

	private final Notifier notifier;

	private final Words words;

	ResponseProposalNotifications(Members members, Notifier notifier, Words words) {
		this.members = members;
		this.notifier = notifier;
		this.words = words;
	}

	@Async
	@TransactionalEventListener
	void on(ProposalDrafted drafted) {
		notifier.tell(members.holding(Role.ANALYST, Scope.GLOBAL), new Notice("response.proposal-drafted",
				"proposal-drafted:" + drafted.proposal(),
				List.of(same(drafted.proposal()), notifier.country(drafted.country()), notifier.commodity(drafted.commodity()),
						words.of("response.band." + drafted.band())),
				"/responses/" + drafted.proposal()));
	}

	@Async
	@TransactionalEventListener
	void on(ProposalSent sent) {
		notifier.tell(members.holding(Role.COUNTRY_FOCAL_POINT, Scope.country(sent.country())), new Notice(
				"response.proposal-sent", "proposal-sent:" + sent.proposal(),
				List.of(same(sent.proposal()), notifier.country(sent.country()), notifier.commodity(sent.commodity()),
						same(sent.releaseRequest() == null ? "" : sent.releaseRequest().toString())),
				sent.releaseRequest() == null ? "/responses/" + sent.proposal() : "/releases/" + sent.releaseRequest()));
	}

}
