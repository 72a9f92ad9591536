-- Notifications: the event publication registry (Spring Modulith, JDBC) and each person's inbox with the e-mail
-- sent for each notice.
CREATE SCHEMA IF NOT EXISTS notifications;

-- Spring Modulith's registry (its schema version 2): an event is stored with the transaction that published it,
-- one row per listener, and marked completed when the listener has handled it; an incomplete one is handled again
-- at the next start.
CREATE TABLE notifications.event_publication (
    id                     uuid        NOT NULL PRIMARY KEY,
    listener_id            text        NOT NULL,
    event_type             text        NOT NULL,
    serialized_event       text        NOT NULL,
    publication_date       timestamptz NOT NULL,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);

CREATE INDEX event_publication_serialized_event_hash_idx ON notifications.event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON notifications.event_publication (completion_date);

-- One notice to one person. Its words are the message bundles' (topic), its arguments in the three languages, so
-- that the inbox reads in whatever language its reader chooses; the e-mail is written in the language the person
-- had when it was sent.
CREATE TABLE notifications.notification (
    id               bigserial   PRIMARY KEY,
    account_id       uuid        NOT NULL,
    topic            text        NOT NULL CHECK (topic ~ '^[a-z][a-z0-9.-]{1,60}$'),
    -- What the notice is about (the event), so that an event handled twice tells nobody twice.
    dedup_key        text        NOT NULL,
    args_en          text[]      NOT NULL DEFAULT '{}',
    args_ar          text[]      NOT NULL DEFAULT '{}',
    args_fr          text[]      NOT NULL DEFAULT '{}',
    link             text        NOT NULL DEFAULT '' CHECK (link = '' OR link LIKE '/%'),
    created_at       timestamptz NOT NULL,
    read_at          timestamptz,
    email            text        NOT NULL DEFAULT '',
    email_language   text        NOT NULL DEFAULT 'en' CHECK (email_language IN ('en', 'ar', 'fr')),
    email_status     text        NOT NULL CHECK (email_status IN ('NONE', 'PENDING', 'SENDING', 'SENT', 'FAILED')),
    email_attempts   int         NOT NULL DEFAULT 0,
    email_claimed_at timestamptz,
    email_sent_at    timestamptz,
    email_error      text,
    UNIQUE (account_id, dedup_key)
);

CREATE INDEX notification_inbox_idx ON notifications.notification (account_id, id DESC);
CREATE INDEX notification_unread_idx ON notifications.notification (account_id) WHERE read_at IS NULL;
CREATE INDEX notification_mail_idx ON notifications.notification (id)
    WHERE email_status IN ('PENDING', 'SENDING', 'FAILED');
