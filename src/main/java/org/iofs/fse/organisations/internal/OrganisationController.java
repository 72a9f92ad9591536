package org.iofs.fse.organisations.internal;

import org.iofs.fse.organisations.NewOrganisation;
import org.iofs.fse.organisations.OrganisationType;
import org.iofs.fse.organisations.Organisations;
import org.iofs.fse.shared.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The organisations page: the list, and the form administrators create organisations with. */
@Controller
@RequestMapping("/admin/organisations")
class OrganisationController {

	private final Organisations organisations;

	OrganisationController(Organisations organisations) {
		this.organisations = organisations;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("form", new NewOrganisation(OrganisationType.COMPANY, null, "", "", ""));
		return page(model);
	}

	@PostMapping
	String create(@Validated @ModelAttribute("form") NewOrganisation form, BindingResult errors, Model model) {
		organisations.requireAdministrator();
		if (!errors.hasErrors()) {
			try {
				organisations.create(form);
				return "redirect:/admin/organisations";
			}
			catch (InvalidInputException ex) {
				errors.rejectValue(ex.field(), "invalid", ex.getMessage());
			}
		}
		return page(model);
	}

	private String page(Model model) {
		model.addAttribute("organisations", organisations.all());
		model.addAttribute("types", OrganisationType.values());
		return "organisations/list";
	}

}
