package org.iofs.fse.engagements;

import java.time.LocalDate;

import org.iofs.fse.shared.LocalizedText;

/** A memorandum in force ends within 90 days: the Secretariat is told, to renew it or let it lapse. */
public record MemorandumExpiring(long memorandum, LocalizedText subjects, LocalDate validUntil) {
}
