package org.iofs.fse.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Personal data", description = "Your own data: export it, or have it erased")
class PersonalDataApiController {

	private final PersonalData personalData;

	PersonalDataApiController(PersonalData personalData) {
		this.personalData = personalData;
	}

	@GetMapping("/api/v1/account/personal-data")
	@Operation(summary = "Everything the platform holds about your account: name, address, language, organisation, grants, tokens (never their secrets)")
	PersonalData.Export export() {
		return personalData.export();
	}

	@PostMapping("/api/v1/account/erasure")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Erase your name and address and close your account, confirmed with your password; your tokens are revoked and sessions ended; the audit trail keeps that it happened")
	void erase(@RequestBody Confirmation confirmation) {
		personalData.erase(confirmation.currentPassword());
	}

	record Confirmation(String currentPassword) {
	}

}
