-- What people subscribe to beyond what their role tells them: a kind of news (price alerts, lots near expiry,
-- release steps, deals, overdue actions), for one member state or all, one commodity or all, told at once or in a
-- daily digest e-mail. A notice whose e-mail waits for the digest is marked DIGEST until the digest goes out.
CREATE TABLE notifications.subscription (
    id             bigserial   PRIMARY KEY,
    account_id     uuid        NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('PRICE_ALERTS', 'NEAR_EXPIRY', 'RELEASE_STEPS', 'DEALS',
                                                        'OVERDUE_ACTIONS')),
    country_iso3   char(3)     REFERENCES countries.country (iso3),
    commodity_code text        REFERENCES commodities.commodity (code),
    delivery       text        NOT NULL CHECK (delivery IN ('IMMEDIATE', 'DAILY_DIGEST')),
    created_at     timestamptz NOT NULL
);

CREATE UNIQUE INDEX subscription_once_idx
    ON notifications.subscription (account_id, kind, coalesce(country_iso3, ''), coalesce(commodity_code, ''));
CREATE INDEX subscription_kind_idx ON notifications.subscription (kind);

ALTER TABLE notifications.notification DROP CONSTRAINT notification_email_status_check;
ALTER TABLE notifications.notification ADD CONSTRAINT notification_email_status_check
    CHECK (email_status IN ('NONE', 'PENDING', 'SENDING', 'SENT', 'FAILED', 'DIGEST'));
CREATE INDEX notification_digest_idx ON notifications.notification (account_id, id) WHERE email_status = 'DIGEST';
