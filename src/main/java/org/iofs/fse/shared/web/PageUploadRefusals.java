package org.iofs.fse.shared.web;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An upload from a page is read by the CSRF check, which looks for its token among the form's fields, before any
 * controller runs; one larger than {@code fse.uploads.max-size}, or one that cannot be read, then failed there and
 * reached the browser as the servlet container's bare report. This filter, placed just before that check, reads the
 * upload first and answers a failure itself through the platform's error page (413 or 400): a page in the reader's
 * language and with their menus, or a problem detail to a client that does not read HTML.
 */
public class PageUploadRefusals extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(PageUploadRefusals.class);

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return !"POST".equals(request.getMethod()) || type == null
				|| !type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParts();
		}
		catch (IOException | ServletException | RuntimeException ex) {
			refuse(request, response, tooLarge(ex) ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST, ex);
			return;
		}
		chain.doFilter(request, response);
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			Exception ex) throws ServletException, IOException {
		log.warn("Refused {} {}: {}", status.value(), request.getRequestURI(), ApiProblemAdvice.rootMessage(ex));
		request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status.value());
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
		response.setStatus(status.value());
		request.getRequestDispatcher("/error").forward(new WithoutBody(request), response);
	}

	/**
	 * Tomcat reports a size beyond its limits only in the message (as Spring's own multipart request notes); the
	 * container's exception types are not part of the servlet API.
	 */
	private static boolean tooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (message != null && message.toLowerCase().contains("exceed")) {
				return true;
			}
		}
		return false;
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
