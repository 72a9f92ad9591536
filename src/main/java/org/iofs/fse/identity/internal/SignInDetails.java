package org.iofs.fse.identity.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * What a sign-in carries besides the username and password: the client's address (for the throttle and the
 * audit trail) and the second-factor code, from the sign-in form's {@code code} field or the token request's body.
 */
class SignInDetails extends WebAuthenticationDetails {

	private final String code;

	SignInDetails(HttpServletRequest request, String code) {
		super(request);
		this.code = code;
	}

	/** From the sign-in form. */
	static SignInDetails fromForm(HttpServletRequest request) {
		return new SignInDetails(request, request.getParameter("code"));
	}

	String code() {
		return code;
	}

}
