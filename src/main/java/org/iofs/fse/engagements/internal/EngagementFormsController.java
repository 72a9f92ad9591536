package org.iofs.fse.engagements.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.web.Refusal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Secretariat's forms: record an engagement (with its participants in rows, its topics, a commitment), give an
 * engagement a follow-up action, move a memorandum on. Each posts, then redirects; a refusal comes back naming the
 * field, with nothing stored. The services check the caller's right; the pages only hide what cannot be used.
 */
@Controller
class EngagementFormsController {

	private final Engagements engagements;

	private final Actions actions;

	private final Memoranda memoranda;

	private final Countries countries;

	private final Commodities commodities;

	private final org.iofs.fse.access.AccessPolicy access;

	private final org.iofs.fse.organisations.Organisations organisations;

	EngagementFormsController(Engagements engagements, Actions actions, Memoranda memoranda, Countries countries,
			Commodities commodities, org.iofs.fse.access.AccessPolicy access,
			org.iofs.fse.organisations.Organisations organisations) {
		this.access = access;
		this.organisations = organisations;
		this.engagements = engagements;
		this.actions = actions;
		this.memoranda = memoranda;
		this.countries = countries;
		this.commodities = commodities;
	}

	@GetMapping("/engagements/new")
	String form(Model model) {
		access.require(org.iofs.fse.access.Action.PUBLISH);
		model.addAttribute("kinds", Engagements.Kind.values());
		model.addAttribute("sides", Engagements.Side.values());
		model.addAttribute("members", countries.all());
		model.addAttribute("partners", EngagementsController.partnerOptions(organisations));
		model.addAttribute("commodities", commodities.all().stream()
			.filter(c -> c.kind() == org.iofs.fse.commodities.CommodityKind.COMMODITY).toList());
		model.addAttribute("ecosystem", List.of("FOOD_BALANCE", "HUBS", "STRATEGIC_COMMODITIES", "CLUSTER_PROJECTS",
				"INVESTMENTS", "IFPA"));
		return "engagements/form";
	}

	@PostMapping("/engagements")
	String record(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
		return Refusal.redirectAfter(() -> engagements.create(input(form)), created -> "/engagements/" + created.id(),
				"/engagements/new", redirect);
	}

	@PostMapping("/engagements/{id:[0-9]+}/actions")
	String addAction(@PathVariable long id, @RequestParam(required = false) String title,
			@RequestParam(required = false) String owner, @RequestParam(required = false) String dueOn,
			@RequestParam(required = false) Long commitment, RedirectAttributes redirect) {
		return Refusal.redirectAfter(() -> actions.create(new Actions.NewAction(id, commitment, null, title, owner,
				day(dueOn, "dueOn"))), created -> "/engagements/" + id + "#action-" + created.id(),
				"/engagements/" + id, redirect);
	}

	@PostMapping("/memoranda/{id:[0-9]+}/status")
	String moveMemorandum(@PathVariable long id, @RequestParam(required = false) String status,
			@RequestParam(required = false) String signedOn, @RequestParam(required = false) String validUntil,
			RedirectAttributes redirect) {
		return Refusal.redirectAfter(() -> memoranda.move(id, new Memoranda.Step(status, day(signedOn, "signedOn"),
				day(validUntil, "validUntil"))), moved -> "/memoranda/" + id, "/memoranda/" + id, redirect);
	}

	private static Engagements.Input input(MultiValueMap<String, String> form) {
		List<Engagements.Participant> participants = new ArrayList<>();
		List<String> people = form.getOrDefault("person", List.of());
		for (int i = 0; i < people.size(); i++) {
			if (!Engagements.blank(people.get(i))) {
				participants.add(new Engagements.Participant(people.get(i), at(form, "post", i), at(form, "organisation", i),
						at(form, "side", i), at(form, "participantCountry", i),
						form.getOrDefault("head", List.of()).contains(Integer.toString(i))));
			}
		}
		List<Topics.Topic> topics = new ArrayList<>();
		form.getOrDefault("commodityTopic", List.of()).forEach(c -> topics.add(new Topics.Topic("COMMODITY", c)));
		form.getOrDefault("ecosystemTopic", List.of()).forEach(e -> topics.add(new Topics.Topic("ECOSYSTEM", e)));
		List<Engagements.Commitment> commitments = new ArrayList<>();
		if (!Engagements.blank(form.getFirst("commitmentParty"))) {
			commitments.add(new Engagements.Commitment(null, form.getFirst("commitmentParty"),
					form.getFirst("commitmentEn"), form.getFirst("commitmentAr"), form.getFirst("commitmentFr")));
		}
		return new Engagements.Input(form.getFirst("kind"), form.getFirst("titleEn"), form.getFirst("titleAr"),
				form.getFirst("titleFr"), day(form.getFirst("startsOn"), "startsOn"), day(form.getFirst("endsOn"), "endsOn"),
				form.getFirst("placeEn"), form.getFirst("placeAr"), form.getFirst("placeFr"), form.getFirst("agenda"),
				form.getFirst("minutes"), form.containsKey("minutesConfidential"), form.getFirst("sharedWith"),
				form.getOrDefault("countries", List.of()), partners(form.getOrDefault("partners", List.of())), participants,
				topics, commitments);
	}

	private static List<java.util.UUID> partners(List<String> given) {
		List<java.util.UUID> ids = new ArrayList<>();
		for (int i = 0; i < given.size(); i++) {
			try {
				ids.add(java.util.UUID.fromString(given.get(i).strip()));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("partners[" + i + "]", "is not an organisation the platform knows");
			}
		}
		return ids;
	}

	private static String at(MultiValueMap<String, String> form, String field, int index) {
		List<String> values = form.getOrDefault(field, List.of());
		return index < values.size() ? values.get(index) : null;
	}

	private static LocalDate day(String text, String field) {
		try {
			return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "is not a date like 2026-12-01");
		}
	}

}
