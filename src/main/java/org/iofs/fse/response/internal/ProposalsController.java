package org.iofs.fse.response.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.reserves.ReservesSituation;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.web.Refusal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The response proposals' pages: the list, and each proposal with the Secretariat's decisions. */
@Controller
class ProposalsController {

	private final ResponseProposals proposals;

	private final Countries countries;

	private final Commodities commodities;

	private final ReservesSituation reserves;

	ProposalsController(ResponseProposals proposals, Countries countries, Commodities commodities,
			ReservesSituation reserves) {
		this.reserves = reserves;
		this.proposals = proposals;
		this.countries = countries;
		this.commodities = commodities;
	}

	@GetMapping("/responses")
	String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("proposals", proposals.list(status, null, page, 20));
		model.addAttribute("status", status == null ? "" : status);
		names(model);
		return "response/proposals";
	}

	@GetMapping("/responses/{id:[0-9]+}")
	String proposal(@PathVariable long id, Model model) {
		ResponseProposals.View view = proposals.get(id);
		model.addAttribute("view", view);
		model.addAttribute("reserveName", view.proposal().reserveCode() == null ? null
				: reserves.reserveNames(view.proposal().reserveCode()).orElse(null));
		model.addAttribute("secretariat", proposals.secretariat());
		names(model);
		return "response/proposal";
	}

	@PostMapping("/responses/{id:[0-9]+}/send")
	String send(@PathVariable long id, RedirectAttributes redirect) {
		return Refusal.redirectAfter(() -> proposals.send(id), sent -> "/responses/" + id, "/responses/" + id, redirect);
	}

	@PostMapping("/responses/{id:[0-9]+}/revise")
	String revise(@PathVariable long id, @RequestParam(required = false) BigDecimal tonnes,
			@RequestParam(required = false) Integer tier, @RequestParam(required = false) String payment,
			@RequestParam(required = false) String needBy, RedirectAttributes redirect) {
		return Refusal.redirectAfter(() -> proposals.revise(id, new ResponseProposals.Revision(tonnes, tier, payment,
				day(needBy))), revised -> "/responses/" + id, "/responses/" + id, redirect);
	}

	@PostMapping("/responses/{id:[0-9]+}/dismiss")
	String dismiss(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		return Refusal.redirectAfter(() -> proposals.dismiss(id, note), dismissed -> "/responses/" + id,
				"/responses/" + id, redirect);
	}

	private void names(Model model) {
		model.addAttribute("countryIndex", countries.all().stream()
			.collect(java.util.stream.Collectors.toMap(c -> c.iso3(), c -> c)));
		model.addAttribute("commodityIndex", commodities.all().stream()
			.collect(java.util.stream.Collectors.toMap(c -> c.code(), c -> c)));
	}

	private static LocalDate day(String text) {
		try {
			return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("needBy", "is not a date (yyyy-mm-dd)");
		}
	}

}
