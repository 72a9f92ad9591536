package org.iofs.fse.access;

import java.util.List;
import java.util.Set;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The caller of the platform's command-line forms. Whoever can run the platform's jar against its database is
 * trusted as an administrator; what they do is recorded as done by "command-line".
 */
public final class CommandLineCaller {

	private CommandLineCaller() {
	}

	/** Makes the command line the current caller of this thread. */
	public static void install() {
		Caller commandLine = new Caller(null, "command-line", "Command line", null, Set.of(Grant.global(Role.ADMIN)));
		CallerPrincipal principal = () -> commandLine;
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
	}

}
