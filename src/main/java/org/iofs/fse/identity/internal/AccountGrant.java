package org.iofs.fse.identity.internal;

import java.util.UUID;

import org.iofs.fse.access.Grant;
import org.iofs.fse.access.Role;
import org.iofs.fse.access.Scope;
import org.iofs.fse.access.ScopeType;

/** A stored grant: its id (to revoke it by) and what it grants. */
public record AccountGrant(UUID id, Role role, ScopeType scopeType, String scopeId) {

	public Grant grant() {
		return new Grant(role, new Scope(scopeType, scopeId));
	}

}
