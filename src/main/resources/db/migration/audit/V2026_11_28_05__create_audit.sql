-- The audit trail: one row per change of state, written in the same transaction as the change. Append-only:
-- the database itself refuses to update, delete or truncate it.
CREATE SCHEMA IF NOT EXISTS audit;

CREATE TABLE audit.audit_event (
    id             bigserial   PRIMARY KEY,
    occurred_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor_id       uuid,
    actor_username text        NOT NULL,
    action         text        NOT NULL,
    entity_type    text        NOT NULL,
    entity_id      text,
    before_state   jsonb,
    after_state    jsonb,
    request_id     text,
    client_address text
);

CREATE INDEX audit_event_occurred_idx ON audit.audit_event (occurred_at DESC);
CREATE INDEX audit_event_actor_idx ON audit.audit_event (actor_username, occurred_at DESC);
CREATE INDEX audit_event_entity_idx ON audit.audit_event (entity_type, entity_id);
CREATE INDEX audit_event_action_idx ON audit.audit_event (action, occurred_at DESC);

CREATE FUNCTION audit.refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % on audit.audit_event refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON audit.audit_event
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();

CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit.audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
