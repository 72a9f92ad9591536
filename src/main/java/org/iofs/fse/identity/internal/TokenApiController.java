package org.iofs.fse.identity.internal;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.iofs.fse.access.Caller;
import org.iofs.fse.access.CallerPrincipal;
import org.iofs.fse.access.Role;
import org.iofs.fse.shared.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth/tokens")
@Tag(name = "API tokens", description = "Personal tokens for Authorization: Bearer")
class TokenApiController {

	private final AuthenticationManager authentication;

	private final ApiTokens tokens;

	private final SecondFactors secondFactors;

	private final IdentitySettings settings;

	TokenApiController(AuthenticationManager authentication, ApiTokens tokens, SecondFactors secondFactors,
			IdentitySettings settings) {
		this.secondFactors = secondFactors;
		this.settings = settings;
		this.authentication = authentication;
		this.tokens = tokens;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Exchange a username and password (with two-step verification on, also the code of the "
			+ "authenticator app or a recovery code as code) for a token; the token is shown only in this answer")
	TokenIssued issue(@RequestBody TokenRequest body, HttpServletRequest request) {
		if (body.username() == null || body.username().isBlank()) {
			throw new InvalidInputException("username", "is required");
		}
		if (body.password() == null || body.password().isEmpty()) {
			throw new InvalidInputException("password", "is required");
		}
		if (body.expiresInDays() == null) {
			throw new InvalidInputException("expiresInDays", "is required");
		}
		UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(
				body.username(), body.password());
		attempt.setDetails(new SignInDetails(request, body.code()));
		Authentication signedIn = authentication.authenticate(attempt);
		Caller caller = ((CallerPrincipal) signedIn.getPrincipal()).caller();
		if (settings.secondFactorRequiredForAdministrators() && caller.holds(Role.ADMIN)
				&& !secondFactors.isOn(caller.id())) {
			throw new AccessDeniedException("Administrators must turn on two-step verification (at /account/security) "
					+ "before they create API tokens");
		}
		var issued = tokens.issueTo(caller, body.name(), body.expiresInDays());
		return new TokenIssued(issued.id(), issued.token(), issued.expiresAt().toString());
	}

	@GetMapping
	@Operation(summary = "The caller's own tokens (never the tokens themselves)")
	List<ApiToken> mine() {
		return tokens.mine();
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke one of the caller's tokens")
	void revoke(@PathVariable UUID id) {
		tokens.revoke(id);
	}

	record TokenRequest(String username, String password, String name, Integer expiresInDays, String code) {
	}

	record TokenIssued(UUID id, String token, String expiresAt) {
	}

}
