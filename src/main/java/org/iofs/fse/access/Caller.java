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

	public boolean holds(Role role, Scope scope) {
		return grants.contains(new Grant(role, scope));
	}

}
