package org.iofs.fse.engagements;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A follow-up action is due in a week ({@code dueToday} false) or today: its owner is told. Carries the action's
 * title only, never the engagement's minutes.
 */
public record ActionReminder(long action, UUID owner, String title, LocalDate dueOn, boolean dueToday) {
}
