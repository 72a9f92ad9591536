package org.iofs.fse.identity.internal;

import java.util.List;

import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The caller's own sign-in security: their password and two-step verification. */
@Controller
@RequestMapping("/account/security")
class AccountSecurityController {

	private final Accounts accounts;

	private final SecondFactors secondFactors;

	AccountSecurityController(Accounts accounts, SecondFactors secondFactors) {
		this.accounts = accounts;
		this.secondFactors = secondFactors;
	}

	@GetMapping
	String show(Model model) {
		return page(model);
	}

	@PostMapping("/second-factor/begin")
	String begin(Model model) {
		model.addAttribute("enrolment", secondFactors.begin());
		return page(model);
	}

	@PostMapping("/second-factor/confirm")
	String confirm(@RequestParam(defaultValue = "") String code, Model model) {
		try {
			List<String> recoveryCodes = secondFactors.confirm(code);
			model.addAttribute("recoveryCodes", recoveryCodes);
		}
		catch (InvalidInputException | ConflictException ex) {
			model.addAttribute("codeError", true);
			secondFactors.pending().ifPresent(enrolment -> model.addAttribute("enrolment", enrolment));
		}
		return page(model);
	}

	@PostMapping("/second-factor/off")
	String turnOff(@RequestParam(defaultValue = "") String code, Model model) {
		try {
			secondFactors.turnOff(code);
			model.addAttribute("turnedOff", true);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("offError", true);
		}
		return page(model);
	}

	/** A changed password ends every session, this one too: the next page is the sign-in page. */
	@PostMapping("/password")
	String changePassword(@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword, Model model) {
		try {
			accounts.changeOwnPassword(currentPassword, newPassword);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("passwordError", ex);
			return page(model);
		}
		return "redirect:/login?passwordChanged";
	}

	private String page(Model model) {
		boolean on = secondFactors.isOnForCaller();
		model.addAttribute("secondFactorOn", on);
		model.addAttribute("unusedRecoveryCodes", on ? secondFactors.unusedRecoveryCodes() : 0);
		return "identity/security";
	}

}
