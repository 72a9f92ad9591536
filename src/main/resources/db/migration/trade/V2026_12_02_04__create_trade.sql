-- IFPA trade: member companies and their verification (KYC), and the board's offers to sell and requests to buy,
-- with the tonnes still open kept exact and taken under a row lock, so two buyers never take the same tonnes.
CREATE SCHEMA IF NOT EXISTS trade;

-- A company's trade profile: the organisation it is (organisations module), its legal identity and what it trades.
CREATE TABLE trade.company (
    organisation_id     uuid        PRIMARY KEY REFERENCES organisations.organisation (id),
    legal_name_en       text        NOT NULL CHECK (length(legal_name_en) BETWEEN 1 AND 200),
    legal_name_ar       text        NOT NULL CHECK (length(legal_name_ar) BETWEEN 1 AND 200),
    legal_name_fr       text        NOT NULL CHECK (length(legal_name_fr) BETWEEN 1 AND 200),
    country_iso3        char(3)     NOT NULL REFERENCES countries.country (iso3),
    registration_number text        NOT NULL CHECK (length(registration_number) BETWEEN 1 AND 100),
    registry            text        NOT NULL CHECK (length(registry) BETWEEN 1 AND 200),
    sectors             text[]      NOT NULL DEFAULT '{}',
    commodities         text[]      NOT NULL DEFAULT '{}',
    hs_headings         text[]      NOT NULL DEFAULT '{}',
    kyc_status          text        NOT NULL DEFAULT 'APPLIED'
                                    CHECK (kyc_status IN ('APPLIED', 'VERIFIED', 'SUSPENDED', 'REFUSED')),
    kyc_note            text        NOT NULL DEFAULT '',
    applied_at          timestamptz NOT NULL DEFAULT now(),
    decided_at          timestamptz,
    decided_by          text,
    verified_on         date,
    demo                boolean     NOT NULL DEFAULT false,
    UNIQUE (country_iso3, registration_number)
);

CREATE INDEX company_status_idx ON trade.company (kyc_status, country_iso3);

-- An offer to sell (SELL) or a request to buy (BUY) on the board. Tonnes and prices are exact decimals.
CREATE TABLE trade.offer (
    id               bigserial     PRIMARY KEY,
    side             text          NOT NULL CHECK (side IN ('SELL', 'BUY')),
    company_id       uuid          NOT NULL REFERENCES trade.company (organisation_id),
    commodity_code   text          NOT NULL REFERENCES commodities.commodity (code),
    hs_code          text          NOT NULL CHECK (hs_code ~ '^[0-9]{4}([0-9]{2}){0,2}$'),
    grade            text          NOT NULL DEFAULT '',
    specification    text          NOT NULL DEFAULT '' CHECK (length(specification) <= 2000),
    quantity_tonnes  numeric(14,3) NOT NULL CHECK (quantity_tonnes > 0),
    open_tonnes      numeric(14,3) NOT NULL CHECK (open_tonnes >= 0),
    min_order_tonnes numeric(14,3) NOT NULL CHECK (min_order_tonnes > 0),
    price_per_tonne  numeric(14,2) NOT NULL CHECK (price_per_tonne > 0),
    currency         char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    incoterm         text          NOT NULL CHECK (incoterm IN ('EXW', 'FCA', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP',
                                                                'FAS', 'FOB', 'CFR', 'CIF')),
    incoterm_place   text          NOT NULL CHECK (length(incoterm_place) BETWEEN 1 AND 200),
    origin_iso3      char(3)       REFERENCES countries.country (iso3),
    delivery_from    date          NOT NULL,
    delivery_until   date          NOT NULL,
    valid_until      date          NOT NULL,
    status           text          NOT NULL DEFAULT 'DRAFT'
                                   CHECK (status IN ('DRAFT', 'PUBLISHED', 'PARTLY_TAKEN', 'TAKEN', 'WITHDRAWN',
                                                     'EXPIRED')),
    created_by       text          NOT NULL,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    published_at     timestamptz,
    demo             boolean       NOT NULL DEFAULT false,
    CHECK (open_tonnes <= quantity_tonnes),
    CHECK (min_order_tonnes <= quantity_tonnes),
    CHECK (delivery_until >= delivery_from)
);

-- The board reads published offers by commodity and side, newest first.
CREATE INDEX offer_board_idx ON trade.offer (commodity_code, side, published_at DESC)
    WHERE status IN ('PUBLISHED', 'PARTLY_TAKEN');
CREATE INDEX offer_company_idx ON trade.offer (company_id, id DESC);

-- Tonnes taken from an offer: by whom, at the offer's price.
CREATE TABLE trade.offer_take (
    id            bigserial     PRIMARY KEY,
    offer_id      bigint        NOT NULL REFERENCES trade.offer (id),
    company_id    uuid          NOT NULL REFERENCES trade.company (organisation_id),
    tonnes        numeric(14,3) NOT NULL CHECK (tonnes > 0),
    price_per_tonne numeric(14,2) NOT NULL,
    currency      char(3)       NOT NULL,
    taken_by      text          NOT NULL,
    taken_at      timestamptz   NOT NULL DEFAULT now()
);

CREATE INDEX offer_take_offer_idx ON trade.offer_take (offer_id);
