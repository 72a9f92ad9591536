package org.iofs.fse.identity.internal;

import java.util.Locale;

import org.iofs.fse.countries.Countries;
import org.iofs.fse.shared.ConflictException;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.web.Refusal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A company registers itself ({@code /register}) and opens its account from the e-mailed link. */
@Controller
class RegistrationController {

	private final Registrations registrations;

	private final VerificationMail mail;

	private final Countries countries;

	RegistrationController(Registrations registrations, VerificationMail mail, Countries countries) {
		this.registrations = registrations;
		this.mail = mail;
		this.countries = countries;
	}

	@GetMapping("/register")
	String form(Model model) {
		model.addAttribute("registration", new Registrations.Registration("", "", "", "", "", "", "", ""));
		return page(model);
	}

	@PostMapping("/register")
	String register(Registrations.Registration registration, Model model, Locale locale) {
		Registrations.Registered registered;
		try {
			registered = registrations.register(registration);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", Refusal.of(ex));
			model.addAttribute("registration", new Registrations.Registration(registration.username(),
					registration.displayName(), registration.email(), "", registration.companyNameEn(),
					registration.companyNameAr(), registration.companyNameFr(), registration.country()));
			return page(model);
		}
		mail.send(registered, registration.displayName(), locale);
		model.addAttribute("sentTo", registered.email());
		return "identity/registered";
	}

	@GetMapping("/register/verify")
	String verify(@RequestParam(required = false) String token, Model model) {
		try {
			registrations.verify(token);
			return "redirect:/login?verified";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", Refusal.of(ex));
		}
		catch (ConflictException ex) {
			model.addAttribute("error", Refusal.of(ex));
		}
		return "identity/registered";
	}

	private String page(Model model) {
		model.addAttribute("members", countries.all());
		return "identity/register";
	}

}
