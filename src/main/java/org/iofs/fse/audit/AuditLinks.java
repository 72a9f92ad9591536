package org.iofs.fse.audit;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** The audit page's address with the reader's filters, for the pager. */
@Component("auditLinks")
class AuditLinks {

	public String base(AuditFilter filter) {
		return UriComponentsBuilder.fromPath("/admin/audit")
			.queryParamIfPresent("user", java.util.Optional.ofNullable(filter.user()))
			.queryParamIfPresent("entityType", java.util.Optional.ofNullable(filter.entityType()))
			.queryParamIfPresent("entityId", java.util.Optional.ofNullable(filter.entityId()))
			.queryParamIfPresent("action", java.util.Optional.ofNullable(filter.action()))
			.queryParamIfPresent("from", java.util.Optional.ofNullable(filter.from()))
			.queryParamIfPresent("to", java.util.Optional.ofNullable(filter.to()))
			.encode()
			.build()
			.toUriString();
	}

}
