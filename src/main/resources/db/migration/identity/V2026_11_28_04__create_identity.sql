-- Accounts, their scoped role grants, API tokens, sign-in throttling and the shared HTTP sessions.
CREATE SCHEMA IF NOT EXISTS identity;

CREATE TABLE identity.account (
    id                  uuid        PRIMARY KEY,
    username            text        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,49}$'),
    display_name        text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    email               text        CHECK (length(email) <= 200),
    password_hash       text        NOT NULL,
    organisation_id     uuid        NOT NULL REFERENCES organisations.organisation (id),
    enabled             boolean     NOT NULL DEFAULT true,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX account_organisation_idx ON identity.account (organisation_id);

CREATE TABLE identity.role_grant (
    id         uuid        PRIMARY KEY,
    account_id uuid        NOT NULL REFERENCES identity.account (id),
    role       text        NOT NULL CHECK (role IN ('ADMIN', 'ANALYST', 'COUNTRY_FOCAL_POINT', 'HUB_OPERATOR',
                                                    'COMPANY_MEMBER')),
    scope_type text        NOT NULL CHECK (scope_type IN ('GLOBAL', 'COUNTRY', 'HUB', 'ORGANISATION')),
    scope_id   text        NOT NULL DEFAULT '',
    granted_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (account_id, role, scope_type, scope_id),
    CHECK ((scope_type = 'GLOBAL') = (scope_id = ''))
);

CREATE INDEX role_grant_scope_idx ON identity.role_grant (scope_type, scope_id);

-- Only a SHA-256 of each token is kept; the token itself is shown once, when it is created.
CREATE TABLE identity.api_token (
    id           uuid        PRIMARY KEY,
    account_id   uuid        NOT NULL REFERENCES identity.account (id),
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    token_hash   char(64)    NOT NULL UNIQUE,
    token_prefix text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    last_used_at timestamptz
);

CREATE INDEX api_token_account_idx ON identity.api_token (account_id);

-- Failed sign-ins per account name and per client address, shared by every instance.
CREATE TABLE identity.sign_in_throttle (
    throttle_key      text        PRIMARY KEY,
    failures          integer     NOT NULL,
    window_started_at timestamptz NOT NULL,
    locked_until      timestamptz
);

-- Spring Session JDBC, so that a session signed in on one instance is valid on every other.
CREATE TABLE identity.spring_session (
    primary_id            char(36)     NOT NULL PRIMARY KEY,
    session_id            char(36)     NOT NULL,
    creation_time         bigint       NOT NULL,
    last_access_time      bigint       NOT NULL,
    max_inactive_interval int          NOT NULL,
    expiry_time           bigint       NOT NULL,
    principal_name        varchar(100)
);

CREATE UNIQUE INDEX spring_session_ix1 ON identity.spring_session (session_id);
CREATE INDEX spring_session_ix2 ON identity.spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON identity.spring_session (principal_name);

CREATE TABLE identity.spring_session_attributes (
    session_primary_id char(36)     NOT NULL REFERENCES identity.spring_session (primary_id) ON DELETE CASCADE,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    PRIMARY KEY (session_primary_id, attribute_name)
);
