package org.iofs.fse.identity.internal;

import java.io.IOException;
import java.util.function.BooleanSupplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Where two-step verification is compulsory for administrators, an administrator without it reaches only the page
 * that turns it on (and signing out, the stylesheets and scripts) until they do.
 */
public class SecondFactorEnrolmentFilter extends OncePerRequestFilter {

	private static final String[] OPEN = { "/account/security", "/logout", "/login", "/css/", "/js/", "/webjars/",
			"/favicon", "/error", "/actuator/health" };

	private final BooleanSupplier required;

	private final BooleanSupplier compulsoryNow;

	/**
	 * @param required whether the setting makes it compulsory at all (checked first: no database work otherwise)
	 * @param compulsoryNow whether the signed-in caller is an administrator who has not turned it on
	 */
	public SecondFactorEnrolmentFilter(BooleanSupplier required, BooleanSupplier compulsoryNow) {
		this.required = required;
		this.compulsoryNow = compulsoryNow;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (required.getAsBoolean() && !open(request.getRequestURI().substring(request.getContextPath().length()))
				&& compulsoryNow.getAsBoolean()) {
			response.sendRedirect(request.getContextPath() + "/account/security?required");
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean open(String path) {
		for (String prefix : OPEN) {
			if (path.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

}
