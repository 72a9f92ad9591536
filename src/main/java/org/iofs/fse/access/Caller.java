package org.iofs.fse.access;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

/**
 * The signed-in person (or API token holder) a request acts for. Kept in the session, so it is serializable and
 * holds only identifiers.
 */
public record Caller(UUID id, String username, String displayName, UUID organisationId, Set<Grant> grants)
		implements Serializable {

	public Caller {
		grants = Set.copyOf(grants);
	}

	public boolean holds(Role role) {
		return grants.stream().anyMatch(g -> g.role() == role);
	}

	/** Whether the caller holds the role in exactly that scope (a scope the role cannot have is simply not held). */
	public boolean holds(Role role, Scope scope) {
		return grants.stream().anyMatch(g -> g.role() == role && g.scope().equals(scope));
	}

}
