package org.iofs.fse.engagements.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.iofs.fse.countries.Countries;
import org.iofs.fse.countries.Country;
import org.iofs.fse.organisations.Organisations;
import org.iofs.fse.shared.PageOf;
import org.iofs.fse.shared.web.Refusal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The engagements' pages: the timeline with its filters, an engagement, the memoranda and one memorandum, one's
 * actions (with the calendar feed's address), a month's calendar, the country cockpit's tab and the list a topic's
 * page shows. Each reads through the services, so a page shows only what its reader may read.
 */
@Controller
class EngagementsController {

	private final Engagements engagements;

	private final Memoranda memoranda;

	private final Actions actions;

	private final EngagementDocuments documents;

	private final CalendarFeeds feeds;

	private final Countries countries;

	private final Organisations organisations;

	private final EngagementAccess readers;

	private final java.time.Clock clock;

	EngagementsController(Engagements engagements, Memoranda memoranda, Actions actions,
			EngagementDocuments documents, CalendarFeeds feeds, Countries countries, Organisations organisations,
			EngagementAccess readers, java.time.Clock clock) {
		this.clock = clock;
		this.engagements = engagements;
		this.memoranda = memoranda;
		this.actions = actions;
		this.documents = documents;
		this.feeds = feeds;
		this.countries = countries;
		this.organisations = organisations;
		this.readers = readers;
	}

	@GetMapping("/engagements")
	String timeline(@RequestParam(required = false) String country, @RequestParam(required = false) UUID partner,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String topic,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		String[] parts = topic == null || topic.isBlank() ? new String[0] : topic.split(":", 2);
		PageOf<Engagements.Engagement> shown = engagements.list(new Engagements.Filters(country, partner, kind,
				parts.length > 0 ? parts[0] : null, parts.length > 1 ? parts[1] : null, null, null, q), page, 20);
		model.addAttribute("result", shown);
		model.addAttribute("country", country);
		model.addAttribute("partner", partner);
		model.addAttribute("kind", kind);
		model.addAttribute("topic", topic);
		model.addAttribute("q", q);
		model.addAttribute("kinds", Engagements.Kind.values());
		model.addAttribute("topicKinds", Topics.Kind.values());
		// The partner filter lists every organisation but the Secretariat itself: for the Secretariat, which may read
		// them all; a focal point filters by member state, kind, topic and words.
		model.addAttribute("partners", readers.secretariat() ? partnerOptions(organisations) : List.of());
		names(model, shown.items().stream().flatMap(e -> e.partners().stream()).toList());
		return "engagements/timeline";
	}

	@GetMapping("/engagements/{id:[0-9]+}")
	String engagement(@PathVariable long id, Model model) {
		Engagements.Engagement engagement = engagements.get(id);
		model.addAttribute("engagement", engagement);
		model.addAttribute("actions", actions.of(id, null));
		model.addAttribute("actionStatuses", Actions.Status.values());
		model.addAttribute("documents", documents.of(id));
		model.addAttribute("memoranda", memoranda.ofEngagement(id));
		names(model, engagement.partners());
		return "engagements/engagement";
	}

	@GetMapping("/memoranda")
	String memoranda(@RequestParam(required = false) String country, @RequestParam(required = false) String status,
			Model model) {
		List<Memoranda.Memorandum> list = memoranda.list(country, status);
		model.addAttribute("memoranda", list);
		model.addAttribute("statuses", Memoranda.Status.values());
		model.addAttribute("country", country);
		model.addAttribute("status", status);
		names(model, list.stream().flatMap(m -> m.organisations().stream()).toList());
		return "engagements/memoranda";
	}

	@GetMapping("/memoranda/{id:[0-9]+}")
	String memorandum(@PathVariable long id, Model model) {
		Memoranda.Memorandum memorandum = memoranda.get(id);
		model.addAttribute("memorandum", memorandum);
		model.addAttribute("actions", actions.of(null, id));
		model.addAttribute("actionStatuses", Actions.Status.values());
		model.addAttribute("statuses", Memoranda.Status.values());
		names(model, memorandum.organisations());
		return "engagements/memorandum";
	}

	@GetMapping("/engagements/actions")
	String myActions(@RequestParam(defaultValue = "true") boolean mine, Model model) {
		model.addAttribute("actions", actions.list(mine));
		model.addAttribute("mine", mine);
		model.addAttribute("actionStatuses", Actions.Status.values());
		model.addAttribute("hasFeed", feeds.hasFeed());
		return "engagements/actions";
	}

	@PostMapping("/engagements/actions/{id:[0-9]+}")
	String updateAction(@PathVariable long id, @RequestParam(required = false) String status,
			@RequestParam(required = false) String comment, RedirectAttributes redirect) {
		return Refusal.redirectAfter(() -> actions.update(id, new Actions.Update(status, comment)),
				updated -> "/engagements/actions#action-" + id, "/engagements/actions", redirect);
	}

	@PostMapping("/engagements/calendar-feed")
	String renewFeed(RedirectAttributes redirect) {
		// The whole address, as a calendar client needs it; shown once, since only its hash is kept.
		redirect.addFlashAttribute("feedSecret", org.springframework.web.servlet.support.ServletUriComponentsBuilder
			.fromCurrentContextPath().path("/calendar/{secret}.ics").buildAndExpand(feeds.renew()).toUriString());
		return "redirect:/engagements/actions#calendar-feed";
	}

	@PostMapping("/engagements/calendar-feed/revoke")
	String revokeFeed() {
		feeds.revoke();
		return "redirect:/engagements/actions#calendar-feed";
	}

	/** An organisation to choose as a partner: its id and its names (the Secretariat's choice lists). */
	record PartnerOption(String id, org.iofs.fse.shared.Named organisation) implements org.iofs.fse.shared.Named {

		@Override
		public String name(java.util.Locale locale) {
			return organisation.name(locale);
		}

	}

	/** Every organisation but the Secretariat itself, for a reader who may read them all. */
	static List<PartnerOption> partnerOptions(Organisations organisations) {
		return organisations.namesById().entrySet().stream()
			.filter(e -> !e.getKey().equals(Organisations.SECRETARIAT.toString()))
			.map(e -> new PartnerOption(e.getKey(), e.getValue()))
			.toList();
	}

	/** An entry of the month's calendar: an engagement or one of the reader's actions. */
	record CalendarItem(String title, String link, String style) {
	}

	/** A month: the engagements the reader may read and their own actions, day by day. */
	@GetMapping("/engagements/calendar")
	String month(@RequestParam(required = false) String month, Model model) {
		YearMonth shown;
		try {
			shown = month == null || month.isBlank() ? YearMonth.now(clock) : YearMonth.parse(month);
		}
		catch (DateTimeParseException ex) {
			shown = YearMonth.now(clock);
		}
		LocalDate first = shown.atDay(1);
		LocalDate last = shown.atEndOfMonth();
		List<Engagements.Engagement> happening = engagements.list(new Engagements.Filters(null, null, null, null, null,
				first, last, null), 0, 200).items();
		List<Actions.FollowUp> due = actions.list(true).stream()
			.filter(a -> !a.dueOn().isBefore(first) && !a.dueOn().isAfter(last)).toList();
		java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		Map<LocalDate, List<CalendarItem>> days = new TreeMap<>();
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			LocalDate d = day;
			List<CalendarItem> items = new ArrayList<>();
			happening.stream().filter(e -> !e.startsOn().isAfter(d) && !e.endsOn().isBefore(d))
				.forEach(e -> items.add(new CalendarItem(e.titles().in(locale), "/engagements/" + e.id(),
						"text-bg-primary")));
			due.stream().filter(a -> a.dueOn().equals(d))
				.forEach(a -> items.add(new CalendarItem(a.title(), "/engagements/actions#action-" + a.id(),
						a.overdue() ? "text-bg-danger" : "text-bg-warning")));
			days.put(day, items);
		}
		model.addAttribute("month", shown);
		model.addAttribute("days", days);
		model.addAttribute("leading", first.getDayOfWeek().getValue() - 1);
		return "engagements/calendar";
	}

	/** The country cockpit's tab: the relationship at a glance, then the member's engagements the reader may read. */
	@GetMapping("/countries/{iso3}/engagements")
	String tab(@PathVariable String iso3, Model model) {
		Country country = countries.get(iso3);
		model.addAttribute("country", country);
		model.addAttribute("signedIn", readers.caller().isPresent());
		if (readers.caller().isEmpty()) {
			return "engagements/tab :: tab";
		}
		List<Engagements.Engagement> all = engagements.list(new Engagements.Filters(country.iso3(), null, null, null,
				null, null, null, null), 0, 100).items();
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("engagements", all.stream().limit(10).toList());
		model.addAttribute("last", all.stream().filter(e -> !e.startsOn().isAfter(today)).findFirst().orElse(null));
		model.addAttribute("next", all.stream().filter(e -> e.startsOn().isAfter(today))
			.reduce((a, b) -> b).orElse(null));
		model.addAttribute("inForce", memoranda.list(country.iso3(), "IN_FORCE"));
		model.addAttribute("openActions", actions.ofEngagements(all.stream().map(Engagements.Engagement::id).toList())
			.stream().filter(a -> a.status().equals("NEEDS_ACTION") || a.status().equals("IN_PROCESS")).toList());
		return "engagements/tab :: tab";
	}

	/** What a topic's page lists (a commodity, a hub, a project...): the engagements about it the reader may read. */
	@GetMapping("/engagements/about")
	String about(@RequestParam String kind, @RequestParam String ref, Model model) {
		model.addAttribute("engagements", engagements.list(new Engagements.Filters(null, null, null, kind, ref, null,
				null, null), 0, 20).items());
		model.addAttribute("kind", kind);
		model.addAttribute("ref", ref);
		return "engagements/about :: about";
	}

	/** Member states by code, and the partner organisations named on the page, for the templates to name them. */
	private void names(Model model, java.util.Collection<UUID> partners) {
		model.addAttribute("countryIndex", countries.all().stream()
			.collect(Collectors.toMap(Country::iso3, Function.identity())));
		model.addAttribute("members", countries.all());
		Map<String, org.iofs.fse.shared.Named> named = new java.util.HashMap<>();
		partners.stream().distinct().forEach(id -> organisations.nameOf(id).ifPresent(n -> named.put(id.toString(), n)));
		model.addAttribute("organisationNames", named);
		model.addAttribute("mayRecord", readers.secretariat());
	}

}
