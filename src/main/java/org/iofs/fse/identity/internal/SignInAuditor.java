package org.iofs.fse.identity.internal;

import java.util.Map;

import org.iofs.fse.access.CallerPrincipal;
import org.iofs.fse.audit.AuditTrail;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Audits every sign-in, successful or not, and every sign-out, and keeps the throttle's counts. */
@Component
class SignInAuditor {

	private final AuditTrail audit;

	private final SignInThrottle throttle;

	SignInAuditor(AuditTrail audit, SignInThrottle throttle) {
		this.audit = audit;
		this.throttle = throttle;
	}

	@EventListener
	@Transactional
	public void succeeded(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof CallerPrincipal principal) {
			throttle.recordSuccess(principal.caller().username(),
					ThrottledAuthenticationProvider.clientAddress(event.getAuthentication()));
			audit.recordAs(principal.caller().id(), principal.caller().username(), "sign-in.succeeded", "account",
					principal.caller().id(), null, null);
		}
	}

	@EventListener
	@Transactional
	public void failed(AbstractAuthenticationFailureEvent event) {
		String username = truncate(event.getAuthentication().getName());
		boolean throttled = event.getException() instanceof SignInThrottledException;
		if (!throttled) {
			throttle.recordFailure(username, ThrottledAuthenticationProvider.clientAddress(event.getAuthentication()));
		}
		audit.recordAs(null, username, throttled ? "sign-in.throttled" : "sign-in.failed", "account", null, null,
				Map.of("reason", event.getException().getClass().getSimpleName()));
	}

	@EventListener
	@Transactional
	public void signedOut(LogoutSuccessEvent event) {
		if (event.getAuthentication() != null && event.getAuthentication().getPrincipal() instanceof CallerPrincipal principal) {
			audit.recordAs(principal.caller().id(), principal.caller().username(), "sign-out", "account",
					principal.caller().id(), null, null);
		}
	}

	private static String truncate(String name) {
		String text = name == null ? "" : name;
		return text.length() > 100 ? text.substring(0, 100) : text;
	}

}
