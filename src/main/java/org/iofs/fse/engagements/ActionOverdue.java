package org.iofs.fse.engagements;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A follow-up action is still open the day after its due date: its owner (and the Secretariat, who follows up) is
 * told, once. Carries the action's title and countries only, never the engagement's minutes.
 */
public record ActionOverdue(long action, UUID owner, String title, LocalDate dueOn, List<String> countries) {
}
