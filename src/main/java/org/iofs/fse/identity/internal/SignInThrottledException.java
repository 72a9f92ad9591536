package org.iofs.fse.identity.internal;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for this account from this client address, or from this address: wait a little. */
class SignInThrottledException extends AuthenticationException {

	private final Instant until;

	SignInThrottledException(Instant until) {
		super("Too many failed sign-ins; try again later");
		this.until = until;
	}

	/** Whole seconds to wait, at least one: the Retry-After header's value. */
	long retryAfterSeconds(Instant now) {
		return Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
	}

}
