package org.iofs.fse.identity.internal;

import org.iofs.fse.access.Caller;
import org.iofs.fse.access.CallerPrincipal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * After the password, the second factor: an account with two-step verification on signs in only with a current
 * code from its authenticator app or an unused recovery code, on the sign-in page and at the token endpoint alike.
 */
class SecondFactorCheck implements AuthenticationProvider {

	private final AuthenticationProvider delegate;

	private final SecondFactors secondFactors;

	SecondFactorCheck(AuthenticationProvider delegate, SecondFactors secondFactors) {
		this.delegate = delegate;
		this.secondFactors = secondFactors;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		Authentication signedIn = delegate.authenticate(authentication);
		if (signedIn != null && signedIn.getPrincipal() instanceof CallerPrincipal principal) {
			Caller caller = principal.caller();
			if (secondFactors.isOn(caller.id())) {
				String code = authentication.getDetails() instanceof SignInDetails details ? details.code() : null;
				if (code == null || code.isBlank()) {
					throw new SecondFactorRequiredException("This account asks for the code from its authenticator app");
				}
				if (!secondFactors.verify(caller.id(), code)) {
					throw new SecondFactorRequiredException("The code is wrong, expired or already used");
				}
			}
		}
		return signedIn;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return delegate.supports(authentication);
	}

}
