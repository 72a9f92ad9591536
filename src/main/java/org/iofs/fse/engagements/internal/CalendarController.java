package org.iofs.fse.engagements.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The private calendar feeds: the secret in the address is the only key, so the answer is never cached. */
@RestController
@Tag(name = "Engagements")
class CalendarController {

	private final CalendarFeeds feeds;

	CalendarController(CalendarFeeds feeds) {
		this.feeds = feeds;
	}

	@GetMapping("/calendar/{secret}.ics")
	@Operation(summary = "A person's engagements and actions as iCalendar, at the private address they created; 404 once revoked")
	ResponseEntity<String> feed(@PathVariable String secret) {
		if (!secret.matches("[A-Za-z0-9_-]{20,100}")) {
			return ResponseEntity.notFound().build();
		}
		return feeds.feed(secret)
			.map(ics -> ResponseEntity.ok()
				.contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
				.cacheControl(CacheControl.noStore())
				.body(ics))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

}
