package org.iofs.fse.identity.internal;

import java.time.Instant;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
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
		// Only a caller who gave the right password learns that a code is needed.
		String detail = throttled ? "Too many failed sign-ins; try again later"
				: ex instanceof SecondFactorRequiredException ? ex.getMessage() + ": send it as \"code\""
						: "The username or password is wrong";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		if (ex instanceof SecondFactorRequiredException) {
			problem.setProperty("field", "code");
		}
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (ex instanceof SignInThrottledException wait) {
			answer.header(HttpHeaders.RETRY_AFTER, Long.toString(wait.retryAfterSeconds(Instant.now())));
		}
		return answer.body(problem);
	}

}
