package org.iofs.fse.audit.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** The audit page's address with the reader's filters, for the pager. */
@Component
class AuditLinks {

	String base(AuditFilter filter) {
		return UriComponentsBuilder.fromPath("/admin/audit")
			.queryParamIfPresent("user", Optional.ofNullable(filter.user()))
			.queryParamIfPresent("entityType", Optional.ofNullable(filter.entityType()))
			.queryParamIfPresent("entityId", Optional.ofNullable(filter.entityId()))
			.queryParamIfPresent("action", Optional.ofNullable(filter.action()))
			.queryParamIfPresent("from", Optional.ofNullable(filter.from()))
			.queryParamIfPresent("to", Optional.ofNullable(filter.to()))
			.encode()
			.build()
			.toUriString();
	}

}
