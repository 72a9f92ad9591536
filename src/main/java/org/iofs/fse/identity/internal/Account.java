package org.iofs.fse.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An account as administrators and the API see it: never its password hash. */
public record Account(UUID id, String username, String displayName, String email, UUID organisationId,
		boolean enabled, Instant createdAt, List<AccountGrant> grants) {

	public Account {
		grants = List.copyOf(grants);
	}

}
