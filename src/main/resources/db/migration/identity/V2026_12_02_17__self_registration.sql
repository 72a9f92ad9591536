-- Companies register themselves: an account is created disabled and becomes usable once its e-mail address is
-- verified through a link that carries a one-time token (only its SHA-256 is kept), valid for a day.
ALTER TABLE identity.account ADD COLUMN email_verified_at timestamptz;

CREATE TABLE identity.email_verification (
    account_id  uuid        PRIMARY KEY REFERENCES identity.account (id) ON DELETE CASCADE,
    token_hash  char(64)    NOT NULL UNIQUE,
    expires_at  timestamptz NOT NULL,
    created_at  timestamptz NOT NULL
);
