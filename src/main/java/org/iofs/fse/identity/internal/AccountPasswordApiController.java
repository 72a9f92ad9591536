package org.iofs.fse.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "API tokens", description = "Personal tokens for Authorization: Bearer")
class AccountPasswordApiController {

	private final Accounts accounts;

	AccountPasswordApiController(Accounts accounts) {
		this.accounts = accounts;
	}

	@PostMapping("/api/v1/account/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Change your own password; every API token of yours (this one too) is revoked and every "
			+ "session ended")
	void change(@RequestBody PasswordChange body) {
		accounts.changeOwnPassword(body.currentPassword(), body.newPassword());
	}

	record PasswordChange(String currentPassword, String newPassword) {
	}

}
