package org.iofs.fse.audit.internal;

import java.time.LocalDate;

/** What a reader of the trail narrows it to; every field is optional. Dates are inclusive, in UTC. */
public record AuditFilter(String user, String entityType, String entityId, String action, LocalDate from,
		LocalDate to) {

	public static final int MAX_TEXT = 100;

	public AuditFilter {
		user = blankToNull(user);
		entityType = blankToNull(entityType);
		entityId = blankToNull(entityId);
		action = blankToNull(action);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
