package org.iofs.fse.identity.internal;

import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import org.iofs.fse.access.Role;
import org.iofs.fse.organisations.Organisations;
import org.iofs.fse.shared.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** Account administration pages. Every action goes through {@link Accounts}, which checks the caller. */
@Controller
@RequestMapping("/admin/users")
class AccountController {

	static final int PAGE_SIZE = 50;

	private final Accounts accounts;

	private final Organisations organisations;

	private final ApiTokens tokens;

	private final SecondFactors secondFactors;

	private final Clock clock;

	private final ScopeNames scopeNames;

	AccountController(Accounts accounts, Organisations organisations, ApiTokens tokens, SecondFactors secondFactors,
			ScopeNames scopeNames, Clock clock) {
		this.clock = clock;
		this.scopeNames = scopeNames;
		this.accounts = accounts;
		this.organisations = organisations;
		this.tokens = tokens;
		this.secondFactors = secondFactors;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("pagerLink", UriComponentsBuilder.fromPath("/admin/users")
			.queryParamIfPresent("q", Optional.ofNullable(q).filter(text -> !text.isBlank()))
			.encode()
			.build()
			.toUriString());
		model.addAttribute("accounts", accounts.find(q, Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("organisations", organisations.all());
		model.addAttribute("scopes", scopeNames.lookup());
		return "identity/users";
	}

	@GetMapping("/new")
	String newAccount(Model model) {
		accounts.requireAdministrator();
		model.addAttribute("form", new NewAccount("", "", null, Organisations.SECRETARIAT, null, Role.ANALYST, ""));
		return form(model);
	}

	@PostMapping
	String create(@Validated @ModelAttribute("form") NewAccount form, BindingResult errors, Model model) {
		accounts.requireAdministrator();
		if (errors.hasErrors()) {
			return form(model);
		}
		try {
			Accounts.Created created = accounts.create(form);
			return show(created.account().id(), model.addAttribute("generatedPassword", created.generatedPassword()));
		}
		catch (InvalidInputException ex) {
			errors.rejectValue(ex.field(), "invalid", ex.getMessage());
			return form(model);
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		model.addAttribute("account", accounts.get(id));
		model.addAttribute("organisations", organisations.all());
		model.addAttribute("roles", Role.values());
		model.addAttribute("tokens", tokens.of(id));
		model.addAttribute("secondFactorOn", secondFactors.isOn(id));
		model.addAttribute("now", clock.instant());
		model.addAttribute("scopes", scopeNames.lookup());
		return "identity/user";
	}

	@PostMapping("/{id}/tokens/{tokenId}/revoke")
	String revokeToken(@PathVariable UUID id, @PathVariable UUID tokenId) {
		tokens.revokeFor(id, tokenId);
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/second-factor/reset")
	String resetSecondFactor(@PathVariable UUID id) {
		secondFactors.turnOffFor(id);
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/disable")
	String disable(@PathVariable UUID id) {
		accounts.disable(id);
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/enable")
	String enable(@PathVariable UUID id) {
		accounts.enable(id);
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable UUID id, Model model) {
		model.addAttribute("generatedPassword", accounts.resetPassword(id, null));
		return show(id, model);
	}

	@PostMapping("/{id}/grants")
	String grant(@PathVariable UUID id, @RequestParam Role role, @RequestParam(defaultValue = "") String scopeId,
			Model model) {
		try {
			accounts.grant(id, role, scopeId);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("grantError", ex);
			return show(id, model);
		}
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/grants/{grantId}/revoke")
	String revoke(@PathVariable UUID id, @PathVariable UUID grantId) {
		accounts.revoke(id, grantId);
		return "redirect:/admin/users/" + id;
	}

	private String form(Model model) {
		model.addAttribute("organisations", organisations.all());
		model.addAttribute("roles", Arrays.asList(Role.values()));
		return "identity/user-form";
	}

}
