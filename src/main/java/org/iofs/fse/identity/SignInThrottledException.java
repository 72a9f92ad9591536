package org.iofs.fse.identity;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for this account name or client address: try again later. */
class SignInThrottledException extends AuthenticationException {

	SignInThrottledException() {
		super("Too many failed sign-ins; try again later");
	}

}
