-- Requests for quotation: a buyer asks every verified seller of a commodity (or the sellers it invites) for a price;
-- sellers quote, revise once, and the buyer accepts one quote. A seller never reads a competitor's quote.
CREATE TABLE trade.rfq (
    id               bigserial     PRIMARY KEY,
    buyer_id         uuid          NOT NULL REFERENCES trade.company (organisation_id),
    commodity_code   text          NOT NULL REFERENCES commodities.commodity (code),
    hs_code          text          NOT NULL CHECK (hs_code ~ '^[0-9]{4}([0-9]{2}){0,2}$'),
    grade            text          NOT NULL DEFAULT '',
    specification    text          NOT NULL DEFAULT '' CHECK (length(specification) <= 2000),
    tonnes           numeric(14,3) NOT NULL CHECK (tonnes > 0),
    incoterm         text          NOT NULL,
    incoterm_place   text          NOT NULL CHECK (length(incoterm_place) BETWEEN 1 AND 200),
    destination_iso3 char(3)       NOT NULL REFERENCES countries.country (iso3),
    delivery_from    date          NOT NULL,
    delivery_until   date          NOT NULL,
    respond_by       date          NOT NULL,
    -- Empty: every verified seller of the commodity may quote; otherwise only these companies.
    invited          uuid[]        NOT NULL DEFAULT '{}',
    status           text          NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'AWARDED', 'CANCELLED')),
    created_by       text          NOT NULL,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    CHECK (delivery_until >= delivery_from)
);

CREATE INDEX rfq_open_idx ON trade.rfq (commodity_code, respond_by) WHERE status = 'OPEN';
CREATE INDEX rfq_buyer_idx ON trade.rfq (buyer_id, id DESC);

CREATE TABLE trade.quote (
    id              bigserial     PRIMARY KEY,
    rfq_id          bigint        NOT NULL REFERENCES trade.rfq (id),
    seller_id       uuid          NOT NULL REFERENCES trade.company (organisation_id),
    tonnes          numeric(14,3) NOT NULL CHECK (tonnes > 0),
    price_per_tonne numeric(14,2) NOT NULL CHECK (price_per_tonne > 0),
    currency        char(3)       NOT NULL,
    incoterm        text          NOT NULL,
    incoterm_place  text          NOT NULL,
    valid_until     date          NOT NULL,
    note            text          NOT NULL DEFAULT '',
    -- One revision allowed: 0 as first quoted, 1 once revised.
    revision        smallint      NOT NULL DEFAULT 0 CHECK (revision IN (0, 1)),
    status          text          NOT NULL DEFAULT 'QUOTED' CHECK (status IN ('QUOTED', 'ACCEPTED', 'NOT_CHOSEN', 'WITHDRAWN')),
    quoted_by       text          NOT NULL,
    quoted_at       timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (rfq_id, seller_id)
);
