package org.iofs.fse.access;

import java.util.List;
import java.util.Optional;

import org.iofs.fse.shared.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The one answer to "may this caller do this action in this scope". Administrators may do everything; analysts
 * read and publish everywhere; the scoped roles act only inside the scopes of their grants. Anonymous callers may
 * do none of these actions (published data is read without asking).
 */
@Component("access")
public class AccessPolicy {

	public boolean allows(Caller caller, Action action, Scope scope) {
		if (caller == null) {
			return false;
		}
		if (caller.holds(Role.ADMIN)) {
			return true;
		}
		return switch (action) {
			case ADMINISTER_ACCOUNTS, READ_AUDIT, EDIT_REFERENCE_DATA -> false;
			case READ_ALL, PUBLISH, PLAN_ALLOCATION, EDIT_TRANSPORT_NETWORK -> caller.holds(Role.ANALYST);
			case READ_COUNTRY_DATA -> caller.holds(Role.ANALYST) || inScope(caller, Role.COUNTRY_FOCAL_POINT, scope);
			case ENTER_COUNTRY_DATA, REQUEST_RELEASE -> inScope(caller, Role.COUNTRY_FOCAL_POINT, scope);
			case OPERATE_HUB -> inScope(caller, Role.HUB_OPERATOR, scope);
			case ACT_FOR_ORGANISATION -> inScope(caller, Role.COMPANY_MEMBER, scope);
			case FINANCE_FOR_ORGANISATION -> inScope(caller, Role.FINANCIER, scope);
			case MANAGE_OWN_TOKENS -> true;
		};
	}

	/** Throws unless the current caller may: 401 for an anonymous caller, 403 for a signed-in one. */
	public Caller require(Action action, Scope scope) {
		Caller caller = CurrentCaller.get()
			.orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Sign in to " + describe(action)));
		if (!allows(caller, action, scope)) {
			throw new AccessDeniedException(caller.username() + " may not " + describe(action) + " in " + scope);
		}
		return caller;
	}

	public Caller require(Action action) {
		return require(action, Scope.GLOBAL);
	}

	/**
	 * For reading one resource: 401 for an anonymous caller, and for a signed-in caller who may not read it, the
	 * same 404 as for a resource that does not exist, so that an answer never tells whether it exists, nor its
	 * country or owner.
	 */
	public Caller requireOrHide(Action action, Scope scope, String resource, String identifier) {
		Caller caller = CurrentCaller.get()
			.orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Sign in to " + describe(action)));
		if (!allows(caller, action, scope)) {
			throw new NotFoundException(resource, identifier);
		}
		return caller;
	}

	/** For templates: may the reader do this (globally)? Used to hide links and buttons, never to protect. */
	public boolean may(String action) {
		Optional<Caller> caller = CurrentCaller.get();
		return caller.isPresent() && allows(caller.get(), Action.valueOf(action), Scope.GLOBAL);
	}

	/** For templates: may the reader do this for one country? Used to hide links and buttons, never to protect. */
	public boolean mayForCountry(String action, String iso3) {
		Optional<Caller> caller = CurrentCaller.get();
		return caller.isPresent() && allows(caller.get(), Action.valueOf(action), Scope.country(iso3));
	}

	/** For templates: may the reader do this for one organisation? Hides links and buttons, never protects. */
	public boolean mayForOrganisation(String action, String organisation) {
		Optional<Caller> caller = CurrentCaller.get();
		return caller.isPresent() && allows(caller.get(), Action.valueOf(action), Scope.organisation(
				java.util.UUID.fromString(organisation)));
	}

	/**
	 * For menus: may the reader do this anywhere, globally or in one of their own scopes (a focal point requests
	 * releases for their country, an operator runs their hub)? Used to show links, never to protect.
	 */
	public boolean mayAnywhere(String action) {
		Optional<Caller> caller = CurrentCaller.get();
		if (caller.isEmpty()) {
			return false;
		}
		Action asked = Action.valueOf(action);
		return allows(caller.get(), asked, Scope.GLOBAL)
				|| caller.get().grants().stream().anyMatch(grant -> allows(caller.get(), asked, grant.scope()));
	}

	/** For menus: the codes of the hubs the reader operates, for links to their hub pages. */
	public List<String> operatedHubs() {
		return CurrentCaller.get().stream()
			.flatMap(caller -> caller.grants().stream())
			.filter(grant -> grant.role() == Role.HUB_OPERATOR && grant.scope().type() == ScopeType.HUB)
			.map(grant -> grant.scope().id())
			.sorted()
			.toList();
	}

	/** For menus: the country the reader is a focal point of, or null. */
	public java.util.UUID callerId() {
		return CurrentCaller.get().map(Caller::id).orElse(null);
	}

	/** For templates: the member state the reader is a focal point of, if any. */
	public String focalCountry() {
		return CurrentCaller.get().stream()
			.flatMap(caller -> caller.grants().stream())
			.filter(grant -> grant.role() == Role.COUNTRY_FOCAL_POINT && grant.scope().type() == ScopeType.COUNTRY)
			.map(grant -> grant.scope().id())
			.findFirst()
			.orElse(null);
	}

	private static boolean inScope(Caller caller, Role role, Scope scope) {
		return scope != null && caller.holds(role, scope);
	}

	private static String describe(Action action) {
		return action.name().toLowerCase().replace('_', ' ');
	}

}
