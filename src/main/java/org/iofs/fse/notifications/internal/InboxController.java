package org.iofs.fse.notifications.internal;

import java.util.Locale;

import org.iofs.fse.shared.PageOf;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The signed-in person's inbox: newest first, unread marked; opening a notice marks it read. */
@Controller
@RequestMapping("/notifications")
class InboxController {

	private final Inbox inbox;

	private final InboxView view;

	InboxController(Inbox inbox, InboxView view) {
		this.inbox = inbox;
		this.view = view;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
		PageOf<Inbox.Entry> entries = inbox.mine(page, 25, locale);
		model.addAttribute("notices", new PageOf<>(entries.items().stream().map(e -> view.show(e, locale)).toList(),
				entries.page(), entries.size(), entries.totalItems()));
		return "notifications/inbox";
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
