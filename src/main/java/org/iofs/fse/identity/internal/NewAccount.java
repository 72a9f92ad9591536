package org.iofs.fse.identity.internal;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.iofs.fse.access.Role;

/**
 * What an administrator gives to create an account (form and API body). Without a password the platform
 * generates one and shows it once. The first grant comes with it; more can be added later.
 */
public record NewAccount(
		@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,49}",
				message = "{validation.username}") String username,
		@NotBlank @Size(max = 100) String displayName, @Email @Size(max = 200) String email,
		@NotNull UUID organisationId, @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH) String password,
		@NotNull Role role, @Size(max = 64) String scopeId) {

	public NewAccount {
		username = username == null ? null : username.trim();
		email = email == null || email.isBlank() ? null : email.trim();
		password = password == null || password.isEmpty() ? null : password;
		scopeId = scopeId == null ? "" : scopeId.trim();
	}

}
