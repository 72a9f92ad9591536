package org.iofs.fse.shared.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload larger than {@code fse.uploads.max-size} is refused while it streams in, before any controller runs
 * (so no controller's advice sees it): 413 as a problem detail for the API, the error page for pages.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadTooLargeAdvice {

	@ExceptionHandler
	Object tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					"The file is larger than this platform accepts (fse.uploads.max-size)");
			problem.setProperty("field", "file");
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		ModelAndView page = new ModelAndView(ErrorPages.VIEW);
		page.setStatus(HttpStatus.CONTENT_TOO_LARGE);
		page.addObject("errorKind", "413");
		return page;
	}

}
