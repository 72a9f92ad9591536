-- Response proposals: drafted by the platform after a price alert, one per member, commodity and alert month, kept
-- with what was known when drafted (the member's balance, its reserve's stock and pledges, the IFPA offers that could
-- serve it), the draft release request and the allocation plan made for it, and what the Secretariat decided.
CREATE SCHEMA IF NOT EXISTS response;

CREATE TABLE response.proposal (
    id                 bigserial     PRIMARY KEY,
    country_iso3       char(3)       NOT NULL REFERENCES countries.country (iso3),
    commodity_code     text          NOT NULL REFERENCES commodities.commodity (code),
    alert_month        date          NOT NULL CHECK (extract(day FROM alert_month) = 1),
    alert_indicator    text          NOT NULL,
    alert_band         text          NOT NULL,
    alert_series       integer       NOT NULL,
    status             text          NOT NULL DEFAULT 'DRAFTED' CHECK (status IN ('DRAFTED', 'SENT', 'DISMISSED')),
    balance_year       integer,
    self_sufficiency   numeric(8,1),
    import_dependency  numeric(8,1),
    monthly_use_t      numeric(16,3),
    reserve_code       text,
    reserve_stock_t    numeric(16,3) NOT NULL DEFAULT 0,
    reserve_pledged_t  numeric(16,3) NOT NULL DEFAULT 0,
    offered_t          numeric(16,3) NOT NULL DEFAULT 0,
    offers             jsonb         NOT NULL DEFAULT '[]',
    suggested_tonnes   numeric(14,3) NOT NULL CHECK (suggested_tonnes > 0),
    suggested_tier     smallint      NOT NULL CHECK (suggested_tier IN (1, 2, 3)),
    need_by            date          NOT NULL,
    release_request_id bigint,
    plan_id            bigint,
    created_at         timestamptz   NOT NULL,
    decided_by         text,
    decided_at         timestamptz,
    note               text          CHECK (length(note) <= 2000),
    demo               boolean       NOT NULL DEFAULT false,
    UNIQUE (country_iso3, commodity_code, alert_month)
);

CREATE INDEX proposal_status_idx ON response.proposal (status, id DESC);
CREATE INDEX proposal_country_idx ON response.proposal (country_iso3, id DESC);
