package org.iofs.fse.audit;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

import org.iofs.fse.access.Caller;
import org.iofs.fse.access.CurrentCaller;
import org.iofs.fse.shared.web.RequestIdFilter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes audit records. Called inside the transaction of the change it records, so the change and its record
 * commit or roll back together. The actor is the current caller; changes made by the platform itself (start-up,
 * scheduled jobs) are recorded as {@value #SYSTEM}.
 */
@Service
public class AuditTrail {

	public static final String SYSTEM = "system";

	public static final String ANONYMOUS = "anonymous";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditTrail(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Records a change made by the current caller (or the platform, outside any request). */
	public void record(String action, String entityType, Object entityId, Object before, Object after) {
		var caller = CurrentCaller.get();
		String actor = caller.map(Caller::username).orElse(currentRequest() == null ? SYSTEM : ANONYMOUS);
		recordAs(caller.map(Caller::id).orElse(null), actor, action, entityType, entityId, before, after);
	}

	/** Records an event whose actor is not (yet) the current caller, such as a sign-in attempt. */
	public void recordAs(UUID actorId, String actorUsername, String action, String entityType, Object entityId,
			Object before, Object after) {
		HttpServletRequest request = currentRequest();
		jdbc.sql("""
				INSERT INTO audit.audit_event (actor_id, actor_username, action, entity_type, entity_id,
				    before_state, after_state, request_id, client_address)
				VALUES (:actorId, :actor, :action, :entityType, :entityId,
				    CAST(:before AS jsonb), CAST(:after AS jsonb), :requestId, :address)
				""")
			.param("actorId", actorId)
			.param("actor", actorUsername)
			.param("action", action)
			.param("entityType", entityType)
			.param("entityId", entityId == null ? null : entityId.toString())
			.param("before", toJson(before))
			.param("after", toJson(after))
			.param("requestId", MDC.get(RequestIdFilter.MDC_KEY))
			.param("address", request == null ? null : request.getRemoteAddr())
			.update();
	}

	/**
	 * Records each entity whose state differs between two snapshots keyed by id (added ones have no before), for
	 * bulk changes such as loading a reference file.
	 */
	public <T> void recordChanges(String action, String entityType, Map<String, T> before, Map<String, T> after) {
		after.forEach((id, state) -> {
			if (!state.equals(before.get(id))) {
				record(action, entityType, id, before.get(id), state);
			}
		});
	}

	private String toJson(Object state) {
		return state == null ? null : json.writeValueAsString(state);
	}

	private static HttpServletRequest currentRequest() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest() : null;
	}

}
