package org.iofs.fse.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload is read before any controller runs (so no controller's advice sees what goes wrong with it): one larger
 * than {@code fse.uploads.max-size} answers 413, one that cannot be read (cut short, a file name with a null byte)
 * 400; a problem detail for the API, the error page for pages.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadProblemsAdvice {

	private static final Logger log = LoggerFactory.getLogger(UploadProblemsAdvice.class);

	@ExceptionHandler
	Object refused(MultipartException ex, HttpServletRequest request) {
		boolean tooLarge = ex instanceof MaxUploadSizeExceededException;
		HttpStatus status = tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
		String detail = tooLarge ? "The file is larger than this platform accepts (fse.uploads.max-size)"
				: "The upload could not be read (" + ApiProblemAdvice.rootMessage(ex) + ")";
		log.warn("Refused {} {}: {}", status.value(), request.getRequestURI(), detail);
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
			problem.setProperty("field", "file");
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		ModelAndView page = new ModelAndView(ErrorPages.VIEW);
		page.setStatus(status);
		page.addObject("errorKind", tooLarge ? "413" : "400");
		return page;
	}

}
