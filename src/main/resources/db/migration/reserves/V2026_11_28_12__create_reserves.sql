-- Food security reserves and their distribution hubs: a stock ledger of lots, append-only, with the stock on hand
-- of each lot kept in a balance table updated in the same transaction as the ledger.
CREATE SCHEMA IF NOT EXISTS reserves;

-- A regional reserve system: its members, its governing committee and rules; a financial part counted in tonnes.
CREATE TABLE reserves.reserve (
    code             text          PRIMARY KEY CHECK (code ~ '^[A-Z0-9-]{2,40}$'),
    name_en          text          NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    name_ar          text          NOT NULL CHECK (length(name_ar) BETWEEN 1 AND 200),
    name_fr          text          NOT NULL CHECK (length(name_fr) BETWEEN 1 AND 200),
    committee        text          NOT NULL DEFAULT '',
    rules            text          NOT NULL DEFAULT '',
    financial_tonnes numeric(14,3) NOT NULL DEFAULT 0 CHECK (financial_tonnes >= 0),
    demo             boolean       NOT NULL DEFAULT false
);

CREATE TABLE reserves.reserve_member (
    reserve_code text    NOT NULL REFERENCES reserves.reserve (code),
    country_iso3 char(3) NOT NULL REFERENCES countries.country (iso3),
    PRIMARY KEY (reserve_code, country_iso3)
);

CREATE TABLE reserves.hub (
    code               text         PRIMARY KEY CHECK (code ~ '^[A-Z0-9-]{2,40}$'),
    name               text         NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind               text         NOT NULL CHECK (kind IN ('WAREHOUSE', 'SILO', 'PORT')),
    country_iso3       char(3)      NOT NULL REFERENCES countries.country (iso3),
    reserve_code       text         REFERENCES reserves.reserve (code),
    operator           text         NOT NULL DEFAULT '',
    latitude           numeric(9,6) CHECK (latitude BETWEEN -90 AND 90),
    longitude          numeric(9,6) CHECK (longitude BETWEEN -180 AND 180),
    storage_conditions text         NOT NULL DEFAULT '',
    demo               boolean      NOT NULL DEFAULT false
);

CREATE TABLE reserves.hub_capacity (
    hub_code       text          NOT NULL REFERENCES reserves.hub (code),
    commodity_code text          NOT NULL REFERENCES commodities.commodity (code),
    tonnes         numeric(14,3) NOT NULL CHECK (tonnes > 0),
    PRIMARY KEY (hub_code, commodity_code)
);

-- Stock a member earmarks in its own storage and keeps owning, apart from the stock the reserve owns.
CREATE TABLE reserves.pledge (
    id              bigserial     PRIMARY KEY,
    reserve_code    text          NOT NULL REFERENCES reserves.reserve (code),
    country_iso3    char(3)       NOT NULL REFERENCES countries.country (iso3),
    commodity_code  text          NOT NULL REFERENCES commodities.commodity (code),
    tonnes          numeric(14,3) NOT NULL CHECK (tonnes > 0),
    grade           text          NOT NULL DEFAULT '',
    valid_from      date          NOT NULL,
    valid_until     date          NOT NULL,
    must_replenish  boolean       NOT NULL DEFAULT true,
    -- Tonnes released from the pledge and not yet restored.
    to_restore      numeric(14,3) NOT NULL DEFAULT 0 CHECK (to_restore >= 0),
    demo            boolean       NOT NULL DEFAULT false,
    CHECK (valid_until >= valid_from)
);

CREATE INDEX pledge_reserve_idx ON reserves.pledge (reserve_code);

CREATE TABLE reserves.lot (
    id             bigserial   PRIMARY KEY,
    hub_code       text        NOT NULL REFERENCES reserves.hub (code),
    commodity_code text        NOT NULL REFERENCES commodities.commodity (code),
    grade          text        NOT NULL DEFAULT '',
    crop_year      smallint    CHECK (crop_year BETWEEN 1990 AND 2100),
    intake_date    date        NOT NULL,
    best_before    date        NOT NULL,
    -- The reserve (stockpiled stock) or the member state that owns the lot (ISO3).
    owner          text        NOT NULL DEFAULT 'RESERVE',
    quality_status text        NOT NULL DEFAULT 'AVAILABLE'
                               CHECK (quality_status IN ('AVAILABLE', 'QUARANTINED', 'COMMITTED', 'EXPIRED')),
    origin_lot     bigint      REFERENCES reserves.lot (id),
    created_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (best_before >= intake_date)
);

-- FEFO picking reads a hub's lots of a commodity by best-before date.
CREATE INDEX lot_fefo_idx ON reserves.lot (hub_code, commodity_code, best_before, intake_date, id);

-- The ledger: every movement of every lot, signed (in positive, out negative), never edited nor deleted.
CREATE TABLE reserves.ledger_entry (
    id           bigserial     PRIMARY KEY,
    lot_id       bigint        NOT NULL REFERENCES reserves.lot (id),
    hub_code     text          NOT NULL REFERENCES reserves.hub (code),
    kind         text          NOT NULL CHECK (kind IN ('RECEIPT', 'ISSUE', 'TRANSFER_OUT', 'TRANSFER_IN',
                                                        'ADJUSTMENT', 'LOSS', 'COUNT', 'REVERSAL')),
    tonnes       numeric(14,3) NOT NULL CHECK (tonnes <> 0),
    reason_code  text          NOT NULL DEFAULT '',
    reverses     bigint        UNIQUE REFERENCES reserves.ledger_entry (id),
    reference    text          NOT NULL DEFAULT '',
    recorded_by  text          NOT NULL,
    recorded_at  timestamptz   NOT NULL DEFAULT now()
);

CREATE INDEX ledger_hub_idx ON reserves.ledger_entry (hub_code, id DESC);
CREATE INDEX ledger_lot_idx ON reserves.ledger_entry (lot_id);

CREATE FUNCTION reserves.ledger_is_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'the stock ledger is append-only: correct an entry with a reversal';
END
$$;

CREATE TRIGGER ledger_entry_append_only
    BEFORE UPDATE OR DELETE ON reserves.ledger_entry
    FOR EACH ROW EXECUTE FUNCTION reserves.ledger_is_append_only();

-- Stock on hand per lot, the sum of its ledger entries, updated in the transaction that writes the entry. The
-- check is the last guard against negative stock; the services refuse before it.
CREATE TABLE reserves.lot_balance (
    lot_id         bigint        PRIMARY KEY REFERENCES reserves.lot (id),
    hub_code       text          NOT NULL REFERENCES reserves.hub (code),
    commodity_code text          NOT NULL,
    on_hand        numeric(14,3) NOT NULL CHECK (on_hand >= 0),
    updated_at     timestamptz   NOT NULL DEFAULT now()
);

CREATE INDEX lot_balance_hub_idx ON reserves.lot_balance (hub_code, commodity_code);

-- Near-expiry warnings raised by the daily job, with a rotation proposal.
CREATE TABLE reserves.expiry_alert (
    id          bigserial   PRIMARY KEY,
    lot_id      bigint      NOT NULL REFERENCES reserves.lot (id),
    best_before date        NOT NULL,
    tonnes      numeric(14,3) NOT NULL,
    proposal    text        NOT NULL CHECK (proposal IN ('SELL', 'HAND_TO_PROGRAMME')),
    replenish   boolean     NOT NULL DEFAULT true,
    raised_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (lot_id)
);
