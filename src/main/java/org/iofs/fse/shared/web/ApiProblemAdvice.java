package org.iofs.fse.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.NotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns the API's errors into RFC 9457 problem details ({@code application/problem+json}). A 400 always names
 * the field at fault in the {@code field} property, so a client can point its user at it. Scoped to REST
 * controllers: pages have their own error pages. The other framework errors (wrong method, unreadable body...)
 * become problem details through {@link ResponseEntityExceptionHandler}.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

	static final URI NOT_FOUND = URI.create("/problems/not-found");

	static final URI INVALID_INPUT = URI.create("/problems/invalid-input");

	static final URI CONFLICT = URI.create("/problems/conflict");

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setType(NOT_FOUND);
		problem.setTitle("Not found");
		problem.setProperty("resource", ex.resource());
		problem.setProperty("identifier", ex.identifier());
		return respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> conflict(ConflictException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setType(CONFLICT);
		problem.setTitle("Conflict");
		problem.setProperty("reason", ex.reason());
		return respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidInput(InvalidInputException ex) {
		return badRequest(ex.field(), ex.getMessage());
	}

	/** What the database refused (a unique key reached by a race, a value beyond its column): 409 or 400. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> refusedByTheDatabase(DataAccessException ex) throws DataAccessException {
		DatabaseRefusals.Refusal refusal = DatabaseRefusals.of(ex).orElseThrow(() -> ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(refusal.status(), refusal.detail());
		problem.setType(refusal.status() == HttpStatus.CONFLICT ? CONFLICT : INVALID_INPUT);
		problem.setProperty("reason", refusal.reason());
		if (refusal.status() == HttpStatus.BAD_REQUEST) {
			problem.setProperty("field", "body");
		}
		return respond(problem);
	}

	/** A multipart body that cannot be read (cut short, a file name with a null byte): 400. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadableUpload(MultipartException ex) {
		return badRequest("file", "the upload could not be read (" + rootMessage(ex) + ")");
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String expected = ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName();
		return ResponseEntity.badRequest()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(invalid(ex.getPropertyName(), "'" + ex.getValue() + "' is not a valid " + expected));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(invalid(ex.getParameterName(), "is required"));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> Map.of("field", error.getField(), "reason", String.valueOf(error.getDefaultMessage())))
			.toList();
		ProblemDetail problem = errors.isEmpty() ? invalid("body", "is invalid")
				: invalid(errors.get(0).get("field"), errors.get(0).get("reason"));
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(invalid("body", "is not valid JSON of the expected shape"));
	}

	private static ResponseEntity<ProblemDetail> badRequest(String field, String reason) {
		return respond(invalid(field, reason));
	}

	private static ProblemDetail invalid(String field, String reason) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + reason);
		problem.setType(INVALID_INPUT);
		problem.setTitle("Invalid input");
		problem.setProperty("field", field);
		return problem;
	}

	/** Every refusal is one line in the log, at WARN, without a stack trace: it is the client's mistake, not ours. */
	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		log.warn("Refused {}: {}", problem.getStatus(), problem.getDetail());
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	static String rootMessage(Throwable error) {
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage());
	}

}
