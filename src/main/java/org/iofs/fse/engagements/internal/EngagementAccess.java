package org.iofs.fse.engagements.internal;

import java.util.List;
import java.util.Optional;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.access.Caller;
import org.iofs.fse.access.CurrentCaller;
import org.iofs.fse.access.Role;
import org.iofs.fse.access.Scope;
import org.iofs.fse.access.ScopeType;

import org.springframework.stereotype.Component;

/**
 * Who reads what of the engagements. The Secretariat (READ_ALL) reads everything. A member's focal point reads an
 * engagement shared with the countries involved when its member is one of them, and its minutes only when they are
 * not confidential. Anyone else, companies and visitors included, reads none.
 */
@Component
class EngagementAccess {

	private final AccessPolicy access;

	EngagementAccess(AccessPolicy access) {
		this.access = access;
	}

	boolean secretariat(Caller caller) {
		return caller != null && access.allows(caller, Action.READ_ALL, Scope.GLOBAL);
	}

	boolean secretariat() {
		return CurrentCaller.get().map(this::secretariat).orElse(false);
	}

	/** The member states whose shared engagements the caller reads as their focal point. */
	List<String> countries(Caller caller) {
		if (caller == null) {
			return List.of();
		}
		return caller.grants().stream()
			.filter(grant -> grant.role() == Role.COUNTRY_FOCAL_POINT && grant.scope().type() == ScopeType.COUNTRY)
			.map(grant -> grant.scope().id())
			.filter(iso3 -> access.allows(caller, Action.READ_COUNTRY_DATA, Scope.country(iso3)))
			.distinct()
			.toList();
	}

	Optional<Caller> caller() {
		return CurrentCaller.get();
	}

	boolean mayRead(Caller caller, String sharedWith, List<String> engagementCountries) {
		if (secretariat(caller)) {
			return true;
		}
		List<String> mine = countries(caller);
		return "COUNTRIES".equals(sharedWith) && engagementCountries.stream().anyMatch(mine::contains);
	}

	boolean mayReadMinutes(Caller caller, String sharedWith, List<String> engagementCountries, boolean confidential) {
		return secretariat(caller) || (!confidential && mayRead(caller, sharedWith, engagementCountries));
	}

}
