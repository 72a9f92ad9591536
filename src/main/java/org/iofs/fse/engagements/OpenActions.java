package org.iofs.fse.engagements;

import java.time.LocalDate;
import java.util.List;

import org.iofs.fse.access.CurrentCaller;
import org.iofs.fse.engagements.internal.Actions;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reader's own open follow-up actions, overdue first: what the home page lists for them. */
@Service
public class OpenActions {

	/** An action as a line of the home page: the title is the action's own, never its engagement's minutes. */
	public record Due(long id, String title, LocalDate dueOn, boolean overdue) {
	}

	private final Actions actions;

	OpenActions(Actions actions) {
		this.actions = actions;
	}

	@Transactional(readOnly = true)
	public List<Due> mine() {
		return CurrentCaller.get()
			.map(caller -> actions.openOf(caller.id()).stream()
				.map(a -> new Due(a.id(), a.title(), a.dueOn(), a.overdue()))
				.toList())
			.orElse(List.of());
	}

}
