package org.iofs.fse.notifications.internal;

import java.util.Locale;

import org.iofs.fse.commodities.Commodities;
import org.iofs.fse.countries.Countries;
import org.iofs.fse.shared.PageOf;
import org.iofs.fse.shared.web.Refusal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's inbox: newest first, unread marked; opening a notice marks it read. */
@Controller
@RequestMapping("/notifications")
class InboxController {

	private final Inbox inbox;

	private final InboxView view;

	private final Subscriptions subscriptions;

	private final Countries countries;

	private final Commodities commodities;

	InboxController(Inbox inbox, InboxView view, Subscriptions subscriptions, Countries countries,
			Commodities commodities) {
		this.inbox = inbox;
		this.view = view;
		this.subscriptions = subscriptions;
		this.countries = countries;
		this.commodities = commodities;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
		PageOf<Inbox.Entry> entries = inbox.mine(page, 25, locale);
		model.addAttribute("notices", new PageOf<>(entries.items().stream().map(e -> view.show(e, locale)).toList(),
				entries.page(), entries.size(), entries.totalItems()));
		model.addAttribute("subscriptions", subscriptions.mine());
		model.addAttribute("kinds", SubscriptionKind.values());
		model.addAttribute("members", countries.all());
		model.addAttribute("countryIndex", countries.all().stream()
			.collect(java.util.stream.Collectors.toMap(c -> c.iso3(), c -> c)));
		model.addAttribute("commodityChoices", commodities.ofKind(org.iofs.fse.commodities.CommodityKind.COMMODITY));
		model.addAttribute("commodityIndex", commodities.all().stream()
			.collect(java.util.stream.Collectors.toMap(c -> c.code(), c -> c)));
		return "notifications/inbox";
	}

	@PostMapping("/subscriptions")
	String subscribe(@RequestParam(required = false) String kind, @RequestParam(required = false) String country,
			@RequestParam(required = false) String commodity, @RequestParam(required = false) String delivery,
			RedirectAttributes redirect) {
		return Refusal.redirectAfter(() -> subscriptions.add(new Subscriptions.NewSubscription(kind, country, commodity,
				delivery)), added -> "/notifications#subscriptions", "/notifications#subscriptions", redirect);
	}

	@PostMapping("/subscriptions/{id}/delete")
	String unsubscribe(@PathVariable long id) {
		subscriptions.remove(id);
		return "redirect:/notifications#subscriptions";
	}

	/** Marks the notice read and goes to what it is about (the inbox when it is about no page). */
	@PostMapping("/{id}/open")
	String open(@PathVariable long id, @RequestParam(defaultValue = "") String link) {
		inbox.markRead(id);
		return "redirect:" + (link.startsWith("/") && !link.startsWith("//") ? link : "/notifications");
	}

	@PostMapping("/read-all")
	String readAll() {
		inbox.markAllRead();
		return "redirect:/notifications";
	}

}
