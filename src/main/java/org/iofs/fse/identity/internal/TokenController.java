package org.iofs.fse.identity.internal;

import java.time.Clock;
import java.util.UUID;

import org.iofs.fse.shared.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The signed-in user's API tokens: create (shown once, on the answer page), list, revoke. */
@Controller
@RequestMapping("/account/tokens")
class TokenController {

	private final ApiTokens tokens;

	private final Clock clock;

	TokenController(ApiTokens tokens, Clock clock) {
		this.clock = clock;
		this.tokens = tokens;
	}

	@GetMapping
	String list(Model model) {
		return page(model);
	}

	@PostMapping
	String create(@RequestParam String name, @RequestParam(defaultValue = "90") String expiresInDays, Model model) {
		try {
			model.addAttribute("issued", tokens.issue(name, parseDays(expiresInDays)));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", ex);
			model.addAttribute("name", name);
		}
		return page(model);
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable UUID id) {
		tokens.revoke(id);
		return "redirect:/account/tokens";
	}

	private String page(Model model) {
		model.addAttribute("tokens", tokens.mine());
		model.addAttribute("now", clock.instant());
		model.addAttribute("maxDays", tokens.maxDays());
		return "identity/tokens";
	}

	private static int parseDays(String text) {
		try {
			return Integer.parseInt(text.trim());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("expiresInDays", "must be a whole number of days");
		}
	}

}
