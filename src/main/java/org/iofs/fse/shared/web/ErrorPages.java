package org.iofs.fse.shared.web;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors raised before any controller ran (an unknown address, a method the address does not take): browsers get
 * a page in their language, every other client an RFC 9457 problem detail. Replaces Boot's default error
 * controller, whose JSON is not a problem detail.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorPages implements ErrorController {

	/** One page for every error; its words depend on the kind: 400, 403, 404, 409, 413, 413form, 503 or generic. */
	static final String VIEW = "error/page";

	/** A request attribute that names the kind when the status alone does not say it (a form, not a file, too large). */
	static final String KIND = ErrorPages.class.getName() + ".kind";

	@RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
	String page(HttpServletRequest request, HttpServletResponse response, Model model) {
		HttpStatus status = status(request);
		response.setStatus(status.value());
		model.addAttribute("errorKind", request.getAttribute(KIND) instanceof String kind ? kind : switch (status) {
			case NOT_FOUND -> "404";
			case FORBIDDEN -> "403";
			case BAD_REQUEST -> "400";
			case CONFLICT -> "409";
			case CONTENT_TOO_LARGE -> "413";
			case SERVICE_UNAVAILABLE -> "503";
			default -> "generic";
		});
		return VIEW;
	}

	@RequestMapping
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		HttpStatus status = status(request);
		ProblemDetail problem = ProblemDetail.forStatus(status);
		if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
			problem.setInstance(URI.create(path));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
		return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}

}
