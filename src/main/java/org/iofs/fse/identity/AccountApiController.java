package org.iofs.fse.identity;

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

	AccountApiController(Accounts accounts) {
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
	@Operation(summary = "Disable an account and end its sessions")
	Account disable(@PathVariable UUID id) {
		return accounts.disable(id);
	}

	@PostMapping("/{id}/enable")
	Account enable(@PathVariable UUID id) {
		return accounts.enable(id);
	}

	@PostMapping("/{id}/password")
	@Operation(summary = "Reset the password (generated and returned once when none is given); ends the sessions")
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

	record PasswordRequest(String password) {
	}

	record PasswordReset(String generatedPassword) {
	}

	record GrantRequest(Role role, String scopeId) {
	}

}
