package org.iofs.fse.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.iofs.fse.access.AccessPolicy;
import org.iofs.fse.access.Action;
import org.iofs.fse.shared.InvalidInputException;
import org.iofs.fse.shared.PageOf;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit trail, newest first, for administrators only. */
@Service
public class AuditEvents {

	// Each filter is either null (ignored) or compared; one statement serves every combination.
	private static final String WHERE = """
			WHERE (CAST(:user AS text) IS NULL OR actor_username = :user)
			  AND (CAST(:entityType AS text) IS NULL OR entity_type = :entityType)
			  AND (CAST(:entityId AS text) IS NULL OR entity_id = :entityId)
			  AND (CAST(:action AS text) IS NULL OR action = :action)
			  AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= :from)
			  AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < :to)
			""";

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	AuditEvents(JdbcClient jdbc, AccessPolicy access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	@Transactional(readOnly = true)
	public PageOf<AuditEvent> find(AuditFilter filter, int page, int size) {
		access.require(Action.READ_AUDIT);
		PageOf.checkRequest(page, size);
		check(filter);
		long total = bind(jdbc.sql("SELECT count(*) FROM audit.audit_event " + WHERE), filter).query(Long.class)
			.single();
		List<AuditEvent> items = bind(jdbc.sql("""
				SELECT id, occurred_at, actor_id, actor_username, action, entity_type, entity_id,
				       before_state::text AS before_state, after_state::text AS after_state, request_id, client_address
				FROM audit.audit_event
				""" + WHERE + " ORDER BY id DESC LIMIT :limit OFFSET :offset"), filter)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(AuditEvents::map)
			.list();
		return new PageOf<>(items, page, size, total);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, AuditFilter filter) {
		return statement.param("user", filter.user())
			.param("entityType", filter.entityType())
			.param("entityId", filter.entityId())
			.param("action", filter.action())
			.param("from", filter.from() == null ? null : filter.from().atStartOfDay().atOffset(ZoneOffset.UTC))
			.param("to", filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
	}

	private static void check(AuditFilter filter) {
		checkLength("user", filter.user());
		checkLength("entityType", filter.entityType());
		checkLength("entityId", filter.entityId());
		checkLength("action", filter.action());
		if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
			throw new InvalidInputException("from", "must not be after 'to'");
		}
	}

	private static void checkLength(String field, String value) {
		if (value != null && value.length() > AuditFilter.MAX_TEXT) {
			throw new InvalidInputException(field, "must be at most " + AuditFilter.MAX_TEXT + " characters");
		}
	}

	private static AuditEvent map(ResultSet rs, int row) throws SQLException {
		return new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
				rs.getObject("actor_id", UUID.class), rs.getString("actor_username"), rs.getString("action"),
				rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("before_state"),
				rs.getString("after_state"), rs.getString("request_id"), rs.getString("client_address"));
	}

}
