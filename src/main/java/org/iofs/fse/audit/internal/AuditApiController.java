package org.iofs.fse.audit.internal;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.iofs.fse.shared.PageOf;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The append-only audit trail (administrators)")
class AuditApiController {

	private final AuditEvents events;

	AuditApiController(AuditEvents events) {
		this.events = events;
	}

	@GetMapping
	@Operation(summary = "Audit records, newest first, filtered by user, entity, action and date (inclusive, UTC)")
	PageOf<AuditEvent> find(@RequestParam(required = false) String user,
			@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
			@RequestParam(required = false) String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return events.find(new AuditFilter(user, entityType, entityId, action, from, to), page, size);
	}

}
