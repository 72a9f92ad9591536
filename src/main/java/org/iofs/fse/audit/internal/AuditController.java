package org.iofs.fse.audit.internal;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail page: the same filters as the API, paginated. */
@Controller
@RequestMapping("/admin/audit")
class AuditController {

	static final int PAGE_SIZE = 50;

	private final AuditEvents events;

	private final AuditLinks links;

	AuditController(AuditEvents events, AuditLinks links) {
		this.events = events;
		this.links = links;
	}

	@GetMapping
	String find(@RequestParam(required = false) String user, @RequestParam(required = false) String entityType,
			@RequestParam(required = false) String entityId, @RequestParam(required = false) String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		AuditFilter filter = new AuditFilter(user, entityType, entityId, action, from, to);
		model.addAttribute("filter", filter);
		model.addAttribute("pagerLink", links.base(filter));
		model.addAttribute("events", events.find(filter, Math.max(page, 0), PAGE_SIZE));
		return "audit/list";
	}

}
