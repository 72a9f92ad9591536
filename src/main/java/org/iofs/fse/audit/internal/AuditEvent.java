package org.iofs.fse.audit.internal;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** One audit record as the trail's readers see it; {@code before} and {@code after} are JSON documents. */
public record AuditEvent(long id, Instant occurredAt, UUID actorId, String actorUsername, String action,
		String entityType, String entityId, @JsonRawValue String before, @JsonRawValue String after, String requestId,
		String clientAddress) {
}
