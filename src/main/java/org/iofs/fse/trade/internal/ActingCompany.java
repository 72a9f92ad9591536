package org.iofs.fse.trade.internal;

import java.util.List;
import java.util.UUID;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.access.CurrentCaller;
import org.iofs.fse.access.Scope;
import org.iofs.fse.access.ScopeType;
import org.iofs.fse.shared.InvalidInputException;

import org.springframework.stereotype.Component;

/** Who trades: the signed-in caller, and the company they act for (the one named, or their only company). */
@Component
class ActingCompany {

	private final AccessPolicy access;

	ActingCompany(AccessPolicy access) {
		this.access = access;
	}

	/** The signed-in caller; 401 for an anonymous one. */
	Caller signedIn() {
		return CurrentCaller.get().orElseGet(() -> access.require(Action.MANAGE_OWN_TOKENS));
	}

	/** The companies the caller acts for by their grants (none for the Secretariat, who reads all). */
	static List<UUID> companiesOf(Caller caller, AccessPolicy access) {
		return caller.grants().stream()
			.filter(g -> g.scope().type() == ScopeType.ORGANISATION)
			.filter(g -> access.allows(caller, Action.ACT_FOR_ORGANISATION, g.scope()))
			.map(g -> UUID.fromString(g.scope().id()))
			.distinct()
			.toList();
	}

	/** The company the caller acts for: the one named (if they may act for it), or their only company. */
	UUID of(Caller caller, UUID named) {
		if (named != null) {
			access.require(Action.ACT_FOR_ORGANISATION, Scope.organisation(named));
			return named;
		}
		List<UUID> own = companiesOf(caller, access);
		if (own.isEmpty()) {
			// Someone who acts for no company may not trade at all (403), unless they may act for any (administrators).
			access.require(Action.ACT_FOR_ORGANISATION, Scope.GLOBAL);
		}
		if (own.size() != 1) {
			throw new InvalidInputException("company", own.isEmpty() ? "is required: you act for no company"
					: "is required: you act for several companies");
		}
		return own.get(0);
	}

}
