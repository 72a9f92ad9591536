package org.iofs.fse.notifications.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Role;
import org.iofs.fse.access.Scope;
import org.iofs.fse.engagements.ActionOverdue;
import org.iofs.fse.engagements.ActionReminder;
import org.iofs.fse.engagements.MemorandumExpiring;
import org.iofs.fse.identity.Members.Member;
import org.iofs.fse.identity.Members;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import static org.iofs.fse.notifications.internal.Notice.same;

/**
 * Who hears of what in the engagements: an action's owner, a week before its due date and on the day (the notice
 * names the action and its date, never what the engagement's minutes say); the Secretariat's analysts, of a
 * memorandum in force that ends within 90 days; the owner and the analysts, of an action still open after its due
 * date.
 */
@Component
class EngagementNotifications {

	private final Members members;

	private final Notifier notifier;

	private final AccessPolicy access;

	EngagementNotifications(Members members, Notifier notifier, AccessPolicy access) {
		this.members = members;
		this.notifier = notifier;
		this.access = access;
	}

	@Async
	@TransactionalEventListener
	void on(ActionReminder reminder) {
		tell(members.member(reminder.owner()).map(List::of).orElse(List.of()),
				new Notice(reminder.dueToday() ? "engagements.action-due" : "engagements.action-week",
						"action:" + reminder.action() + ":" + reminder.dueOn() + ":" + reminder.dueToday(),
						List.of(same(reminder.title()), same(reminder.dueOn())), "/engagements/actions"));
	}

	/** An overdue action: its owner, and the Secretariat's analysts who follow engagements up. */
	@Async
	@TransactionalEventListener
	void on(ActionOverdue overdue) {
		Map<UUID, Member> people = new LinkedHashMap<>();
		members.member(overdue.owner()).ifPresent(m -> people.put(m.account(), m));
		members.holding(Role.ANALYST, Scope.GLOBAL).forEach(m -> people.put(m.account(), m));
		notifier.tell(new ArrayList<>(people.values()), new Notice("engagements.action-overdue",
				"action-overdue:" + overdue.action(), List.of(same(overdue.title()), same(overdue.dueOn())),
				"/engagements/actions"), new About(SubscriptionKind.OVERDUE_ACTIONS, overdue.countries(), null,
						caller -> access.allows(caller, Action.READ_ALL, Scope.GLOBAL)));
	}

	@Async
	@TransactionalEventListener
	void on(MemorandumExpiring expiring) {
		tell(members.holding(Role.ANALYST, Scope.GLOBAL), new Notice("engagements.memorandum-expiring",
				"memorandum-expiring:" + expiring.memorandum() + ":" + expiring.validUntil(),
				List.of(expiring.subjects(), same(expiring.validUntil())), "/memoranda/" + expiring.memorandum()));
	}

	private void tell(List<Member> people, Notice notice) {
		notifier.tell(people, notice);
	}

}
