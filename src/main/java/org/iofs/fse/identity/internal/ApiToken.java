package org.iofs.fse.identity.internal;

import java.time.Instant;
import java.util.UUID;

/** An API token as its owner sees it later: never the token itself, only its first characters. */
public record ApiToken(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant revokedAt,
		Instant lastUsedAt) {

	public boolean active(Instant now) {
		return revokedAt == null && expiresAt.isAfter(now);
	}

}
