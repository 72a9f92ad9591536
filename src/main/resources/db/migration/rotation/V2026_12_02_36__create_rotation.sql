-- Rotation through IFPA: the IFPA company that sells for each reserve (its trading desk), each lot offered on the
-- board, and for each sale the salam purchase drafted to restore the reserve's level.
CREATE SCHEMA IF NOT EXISTS rotation;

CREATE TABLE rotation.desk (
    reserve_code text        PRIMARY KEY,
    company_id   uuid        NOT NULL,
    linked_by    text        NOT NULL,
    linked_at    timestamptz NOT NULL
);

CREATE TABLE rotation.rotation (
    id             bigserial     PRIMARY KEY,
    lot_id         bigint        NOT NULL UNIQUE,
    hub_code       text          NOT NULL,
    reserve_code   text          NOT NULL,
    commodity_code text          NOT NULL REFERENCES commodities.commodity (code),
    tonnes         numeric(14,3) NOT NULL CHECK (tonnes > 0),
    best_before    date          NOT NULL,
    offer_id       bigint        NOT NULL UNIQUE,
    price_per_tonne numeric(14,2) NOT NULL,
    currency       char(3)       NOT NULL,
    sold_tonnes    numeric(14,3) NOT NULL DEFAULT 0,
    status         text          NOT NULL DEFAULT 'OFFERED' CHECK (status IN ('OFFERED', 'PARTLY_SOLD', 'SOLD')),
    offered_by     text          NOT NULL,
    offered_at     timestamptz   NOT NULL,
    demo           boolean       NOT NULL DEFAULT false
);

CREATE INDEX rotation_hub_idx ON rotation.rotation (hub_code, id DESC);

-- One salam draft per sale: the same tonnes bought forward, the full price paid at contract, delivered before the
-- reserve's next need (or within the default replenishment period when none is known).
CREATE TABLE rotation.salam_draft (
    id              bigserial     PRIMARY KEY,
    rotation_id     bigint        NOT NULL REFERENCES rotation.rotation (id),
    take_id         bigint        NOT NULL UNIQUE,
    tonnes          numeric(14,3) NOT NULL CHECK (tonnes > 0),
    price_per_tonne numeric(14,2) NOT NULL,
    currency        char(3)       NOT NULL,
    deliver_by      date          NOT NULL,
    next_need       date,
    drafted_at      timestamptz   NOT NULL
);

CREATE INDEX salam_draft_rotation_idx ON rotation.salam_draft (rotation_id);
