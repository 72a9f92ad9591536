package org.iofs.fse.engagements;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.iofs.fse.engagements.internal.Engagements;
import org.iofs.fse.shared.LocalizedText;
import org.iofs.fse.shared.Named;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may show of a member's engagements: the last one held, as the reader may read it (the Secretariat
 * all, a member's focal point those shared with its member, others none), for the country cockpit.
 */
@Service
public class EngagementDirectory {

	/** An engagement as a line of the cockpit: its kind, titles and first day; never its minutes. */
	public record Held(long id, String kind, LocalizedText titles, LocalDate startsOn) implements Named {

		@Override
		public String name(Locale locale) {
			return titles.in(locale);
		}

	}

	private final Engagements engagements;

	private final Clock clock;

	EngagementDirectory(Engagements engagements, Clock clock) {
		this.engagements = engagements;
		this.clock = clock;
	}

	/** The last engagement with the member that began by today and that the reader may read. */
	@Transactional(readOnly = true)
	public Optional<Held> lastWith(String iso3) {
		return engagements.list(new Engagements.Filters(iso3, null, null, null, null, null, LocalDate.now(clock), null), 0, 1)
			.items().stream().findFirst()
			.map(e -> new Held(e.id(), e.kind(), e.titles(), e.startsOn()));
	}

}
