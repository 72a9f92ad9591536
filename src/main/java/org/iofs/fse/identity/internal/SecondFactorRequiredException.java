package org.iofs.fse.identity.internal;

import org.springframework.security.core.AuthenticationException;

/**
 * The password was right but the account asks for a code from its authenticator app (or a recovery code), and
 * none came, or the one that came is wrong or used. Counts as a failed sign-in for the throttle.
 */
class SecondFactorRequiredException extends AuthenticationException {

	SecondFactorRequiredException(String message) {
		super(message);
	}

}
