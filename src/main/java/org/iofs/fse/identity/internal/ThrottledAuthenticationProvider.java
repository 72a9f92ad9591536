package org.iofs.fse.identity.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks the throttle before the password. A locked account name or address is refused even with the right
 * password, so guessing cannot go on in the background. The delegate answers an unknown user exactly as a wrong
 * password (same exception, a dummy hash check against timing attacks).
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider delegate;

	private final SignInThrottle throttle;

	ThrottledAuthenticationProvider(AuthenticationProvider delegate, SignInThrottle throttle) {
		this.delegate = delegate;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		var waitUntil = throttle.waitUntil(authentication.getName(), clientAddress(authentication));
		if (waitUntil.isPresent()) {
			throw new SignInThrottledException(waitUntil.get());
		}
		return delegate.authenticate(authentication);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	static String clientAddress(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
	}

}
