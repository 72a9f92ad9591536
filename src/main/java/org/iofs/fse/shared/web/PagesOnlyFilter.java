package org.iofs.fse.shared.web;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Runs a filter that only pages need, and lets API requests ({@code /api/**}) pass it by. The API is stateless
 * (a bearer token, no session, no page with links to rewrite), yet a filter registered for every address wraps
 * every API request and answer: each wrapper is one more layer that every header, attribute and method read goes
 * through, on every request of a busy client.
 */
public final class PagesOnlyFilter implements Filter {

	private final Filter pageFilter;

	public PagesOnlyFilter(Filter pageFilter) {
		this.pageFilter = pageFilter;
	}

	/** Whether a request is for the API: its address, after the context path, starts with {@code /api/}. */
	public static boolean isApi(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String context = request.getContextPath();
		return uri.startsWith("/api/", context.length()) && uri.startsWith(context);
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (request instanceof HttpServletRequest http && isApi(http)) {
			chain.doFilter(request, response);
		}
		else {
			pageFilter.doFilter(request, response, chain);
		}
	}

}
