package org.iofs.fse.identity;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A failed password exchange at the token endpoint: one answer whether the account is unknown, disabled or the
 * password wrong, so the endpoint cannot be used to find accounts; 429 while throttled.
 */
@RestControllerAdvice(assignableTypes = TokenApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SignInProblemAdvice {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> signInFailed(AuthenticationException ex) {
		boolean throttled = ex instanceof SignInThrottledException;
		HttpStatus status = throttled ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNAUTHORIZED;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				throttled ? "Too many failed sign-ins; try again later" : "The username or password is wrong");
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
