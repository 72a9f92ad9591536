package org.iofs.fse.notifications.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.iofs.fse.shared.PageOf;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "The caller's own notices, worded in the language the request asks for")
class InboxApiController {

	private final Inbox inbox;

	private final InboxView view;

	private final Subscriptions subscriptions;

	InboxApiController(Inbox inbox, InboxView view, Subscriptions subscriptions) {
		this.inbox = inbox;
		this.view = view;
		this.subscriptions = subscriptions;
	}

	@GetMapping("/subscriptions")
	@Operation(summary = "The caller's subscriptions: kind (PRICE_ALERTS, NEAR_EXPIRY, RELEASE_STEPS, DEALS, "
			+ "OVERDUE_ACTIONS), member state and commodity (null: any), delivery (IMMEDIATE or DAILY_DIGEST)")
	List<Subscriptions.Subscription> subscriptions() {
		return subscriptions.mine();
	}

	@PostMapping("/subscriptions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Subscribe to a kind of news, for a member state or all, a commodity or all, at once or in "
			+ "a daily digest; a kind the caller's role never shows is refused")
	Subscriptions.Subscription subscribe(@RequestBody Subscriptions.NewSubscription subscription) {
		return subscriptions.add(subscription);
	}

	@DeleteMapping("/subscriptions/{id}")
	@Operation(summary = "Remove one of the caller's subscriptions (another person's is answered 404)")
	Map<String, Object> unsubscribe(@PathVariable long id) {
		subscriptions.remove(id);
		return Map.of("id", id, "removed", true);
	}

	@GetMapping
	@Operation(summary = "The caller's notices, newest first (Accept-Language or ?lang= chooses their words)")
	PageOf<InboxView.Shown> mine(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, Locale locale) {
		PageOf<Inbox.Entry> entries = inbox.mine(page, size, locale);
		return new PageOf<>(entries.items().stream().map(e -> view.show(e, locale)).toList(), entries.page(),
				entries.size(), entries.totalItems());
	}

	@GetMapping("/unread")
	@Operation(summary = "How many of the caller's notices are unread")
	Map<String, Long> unread() {
		return Map.of("unread", inbox.unread());
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Marks one of the caller's notices read (another person's is answered 404)")
	Map<String, Object> read(@PathVariable long id) {
		inbox.markRead(id);
		return Map.of("id", id, "read", true);
	}

	@PostMapping("/read-all")
	@Operation(summary = "Marks every notice of the caller read")
	Map<String, Integer> readAll() {
		return Map.of("marked", inbox.markAllRead());
	}

}
