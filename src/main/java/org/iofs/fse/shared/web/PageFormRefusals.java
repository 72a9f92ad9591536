package org.iofs.fse.shared.web;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A form posted from a page is read by the CSRF check, which looks for its token among the form's fields, before any
 * controller runs. An upload larger than {@code fse.uploads.max-size}, a plain form larger than Tomcat's 2 MB, or a
 * body that cannot be read then failed there and reached the browser as the servlet container's bare report. This
 * filter, placed just before that check, reads the form first and answers a failure itself through the platform's
 * error page (413 or 400): a page in the reader's language and with their menus, or a problem detail to a client
 * that does not read HTML.
 */
public class PageFormRefusals extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(PageFormRefusals.class);

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod())
				|| !(isUpload(request) || hasType(request, MediaType.APPLICATION_FORM_URLENCODED_VALUE));
	}

	private static boolean isUpload(HttpServletRequest request) {
		return hasType(request, MediaType.MULTIPART_FORM_DATA_VALUE);
	}

	private static boolean hasType(HttpServletRequest request, String type) {
		String sent = request.getContentType();
		return sent != null && sent.toLowerCase(Locale.ROOT).startsWith(type);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParameterMap(); // an upload's parts included: Tomcat reads them to find its fields
		}
		catch (IllegalStateException ex) { // what Tomcat throws when it cannot read the form
			refuse(request, response, statusFor(ex), ex);
			return;
		}
		chain.doFilter(request, response);
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			Exception ex) throws ServletException, IOException {
		log.warn("Refused {} {}: {}", status.value(), request.getRequestURI(), ApiProblemAdvice.rootMessage(ex));
		request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status.value());
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
		if (status == HttpStatus.CONTENT_TOO_LARGE && !isUpload(request)) {
			request.setAttribute(ErrorPages.KIND, "413form"); // the 413 page speaks of a file
		}
		response.setStatus(status.value());
		request.getRequestDispatcher("/error").forward(new WithoutBody(request), response);
	}

	/**
	 * 413 for a form beyond a size limit, which Tomcat says with the status in its exception (a plain form) or in the
	 * message of the cause (an upload, as Spring's own multipart request reads it); 400 for anything else.
	 */
	private static HttpStatus statusFor(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidParameterException invalid
					&& invalid.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
				return HttpStatus.CONTENT_TOO_LARGE;
			}
			String message = cause.getMessage();
			if (message != null && message.toLowerCase(Locale.ROOT).contains("exceed")) {
				return HttpStatus.CONTENT_TOO_LARGE;
			}
		}
		return HttpStatus.BAD_REQUEST;
	}

	/**
	 * The refused request as the error page sees it: a read without a body, since reading the body failed (Tomcat
	 * would fail again on every look at a form field, and the CSRF check, which has not passed, would refuse a POST).
	 */
	private static final class WithoutBody extends HttpServletRequestWrapper {

		WithoutBody(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getMethod() {
			return "GET";
		}

		@Override
		public String getContentType() {
			return null;
		}

		@Override
		public String getParameter(String name) {
			return null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Map.of();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.emptyEnumeration();
		}

		@Override
		public String[] getParameterValues(String name) {
			return null;
		}

		@Override
		public Collection<Part> getParts() {
			return List.of();
		}

		@Override
		public Part getPart(String name) {
			return null;
		}

	}

}
