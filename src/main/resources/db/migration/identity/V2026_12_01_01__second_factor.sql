-- Two-step verification: a TOTP secret per account (RFC 6238), on once confirmed with a first code, and one-use
-- recovery codes (only their SHA-256 is kept). last_step refuses a code already used (a replayed code).
CREATE TABLE identity.second_factor (
    account_id uuid        PRIMARY KEY REFERENCES identity.account (id),
    secret     bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    enabled_at timestamptz,
    last_step  bigint
);

CREATE TABLE identity.recovery_code (
    account_id uuid        NOT NULL REFERENCES identity.account (id),
    code_hash  char(64)    NOT NULL,
    used_at    timestamptz,
    PRIMARY KEY (account_id, code_hash)
);
