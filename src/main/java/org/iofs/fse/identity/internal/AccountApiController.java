package org.iofs.fse.identity.internal;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.iofs.fse.access.Role;
import org.iofs.fse.shared.PageOf;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/users")
@Tag(name = "Accounts", description = "Account administration (administrators)")
class AccountApiController {

	private final Accounts accounts;

	private final ApiTokens tokens;

	private final SecondFactors secondFactors;

	AccountApiController(Accounts accounts, ApiTokens tokens, SecondFactors secondFactors) {
		this.tokens = tokens;
		this.secondFactors = secondFactors;
		this.accounts = accounts;
	}

	@GetMapping
	@Operation(summary = "Accounts, filtered by a text in the username or name, paginated")
	PageOf<Account> find(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return accounts.find(q, page, size);
	}

	@GetMapping("/{id}")
	Account get(@PathVariable UUID id) {
		return accounts.get(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an account with its first grant; a generated password is returned once")
	Accounts.Created create(@Valid @RequestBody NewAccount body) {
		return accounts.create(body);
	}

	@PostMapping("/{id}/disable")
	@Operation(summary = "Disable an account, revoke its API tokens and end its sessions")
	Account disable(@PathVariable UUID id) {
		return accounts.disable(id);
	}

	@PostMapping("/{id}/enable")
	Account enable(@PathVariable UUID id) {
		return accounts.enable(id);
	}

	@PostMapping("/{id}/password")
	@Operation(summary = "Reset the password (generated and returned once when none is given); revokes the API "
			+ "tokens and ends the sessions")
	PasswordReset resetPassword(@PathVariable UUID id, @RequestBody(required = false) PasswordRequest body) {
		return new PasswordReset(accounts.resetPassword(id, body == null ? null : body.password()));
	}

	@PostMapping("/{id}/grants")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Grant a role in a scope: GLOBAL for ADMIN and ANALYST, an ISO3 code, a hub code or an organisation id")
	Account grant(@PathVariable UUID id, @RequestBody GrantRequest body) {
		return accounts.grant(id, body.role(), body.scopeId());
	}

	@DeleteMapping("/{id}/grants/{grantId}")
	Account revoke(@PathVariable UUID id, @PathVariable UUID grantId) {
		return accounts.revoke(id, grantId);
	}

	@GetMapping("/{id}/tokens")
	@Operation(summary = "An account's API tokens (never the tokens themselves)")
	List<ApiToken> tokens(@PathVariable UUID id) {
		return tokens.of(id);
	}

	@DeleteMapping("/{id}/tokens/{tokenId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke one API token of an account")
	void revokeToken(@PathVariable UUID id, @PathVariable UUID tokenId) {
		tokens.revokeFor(id, tokenId);
	}

	@DeleteMapping("/{id}/second-factor")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Turn off two-step verification for an account whose owner lost their phone and recovery codes")
	void resetSecondFactor(@PathVariable UUID id) {
		secondFactors.turnOffFor(id);
	}

	record PasswordRequest(String password) {
	}

	record PasswordReset(String generatedPassword) {
	}

	record GrantRequest(Role role, String scopeId) {
	}

}
