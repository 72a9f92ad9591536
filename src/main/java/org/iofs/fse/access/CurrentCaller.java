package org.iofs.fse.access;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the current request, whether signed in through a session or an API token. */
public final class CurrentCaller {

	private CurrentCaller() {
	}

	public static Optional<Caller> get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return Optional.empty();
		}
		return authentication.getPrincipal() instanceof CallerPrincipal principal ? Optional.of(principal.caller())
				: Optional.empty();
	}

}
