package org.iofs.fse.identity.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.iofs.fse.access.Caller;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}. A request that presents a token the platform does not
 * accept (malformed, unknown, expired, revoked, or of a disabled account) is answered 401 at once rather than
 * treated as anonymous, so a client learns its token is bad instead of silently seeing public data only.
 */
class ApiTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	private final ProblemResponses problems;

	ApiTokenFilter(ApiTokens tokens, ProblemResponses problems) {
		this.tokens = tokens;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer", 0, 6)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<Caller> caller = tokens.authenticate(header.substring(6).trim());
		if (caller.isEmpty()) {
			problems.unauthorized(request, response, "The bearer token is malformed, unknown, expired or revoked");
			return;
		}
		SignedInUser user = new SignedInUser(caller.get(), true, null);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
