-- Deals: an accepted quote becomes a deal between its buyer and seller, which moves through contracted, shipped,
-- delivered and settled, or disputed and resolved, or cancelled. Which step who may take is data
-- (trade.deal_transition), each step recorded; both sides rate each other once the deal is settled.
CREATE TABLE trade.deal_transition (
    action      text NOT NULL CHECK (action ~ '^[a-z]+$'),
    from_status text NOT NULL,
    to_status   text NOT NULL,
    -- Who takes the step: the buyer, the seller, either of them, or the Secretariat.
    taken_by    text NOT NULL CHECK (taken_by IN ('BUYER', 'SELLER', 'EITHER', 'SECRETARIAT')),
    PRIMARY KEY (action, from_status)
);

INSERT INTO trade.deal_transition (action, from_status, to_status, taken_by) VALUES
    ('ship',    'CONTRACTED', 'SHIPPED',   'SELLER'),
    ('deliver', 'SHIPPED',    'DELIVERED', 'BUYER'),
    ('settle',  'DELIVERED',  'SETTLED',   'BUYER'),
    ('dispute', 'CONTRACTED', 'DISPUTED',  'EITHER'),
    ('dispute', 'SHIPPED',    'DISPUTED',  'EITHER'),
    ('dispute', 'DELIVERED',  'DISPUTED',  'EITHER'),
    ('resolve', 'DISPUTED',   'RESOLVED',  'SECRETARIAT'),
    ('cancel',  'CONTRACTED', 'CANCELLED', 'EITHER');

CREATE TABLE trade.deal (
    id              bigserial     PRIMARY KEY,
    quote_id        bigint        NOT NULL UNIQUE REFERENCES trade.quote (id),
    buyer_id        uuid          NOT NULL REFERENCES trade.company (organisation_id),
    seller_id       uuid          NOT NULL REFERENCES trade.company (organisation_id),
    commodity_code  text          NOT NULL REFERENCES commodities.commodity (code),
    hs_code         text          NOT NULL,
    tonnes          numeric(14,3) NOT NULL CHECK (tonnes > 0),
    price_per_tonne numeric(14,2) NOT NULL CHECK (price_per_tonne > 0),
    currency        char(3)       NOT NULL,
    incoterm        text          NOT NULL,
    incoterm_place  text          NOT NULL,
    destination_iso3 char(3)      NOT NULL REFERENCES countries.country (iso3),
    delivery_from   date          NOT NULL,
    delivery_until  date          NOT NULL,
    inspection      text          NOT NULL DEFAULT '',
    payment_mode    text          NOT NULL DEFAULT 'OPEN_ACCOUNT'
                                  CHECK (payment_mode IN ('OPEN_ACCOUNT', 'LETTER_OF_CREDIT', 'CASH_AGAINST_DOCUMENTS',
                                                          'ISLAMIC_FINANCE')),
    status          text          NOT NULL DEFAULT 'CONTRACTED'
                                  CHECK (status IN ('CONTRACTED', 'SHIPPED', 'DELIVERED', 'SETTLED', 'DISPUTED',
                                                    'RESOLVED', 'CANCELLED')),
    contracted_at   timestamptz   NOT NULL DEFAULT now(),
    settled_at      timestamptz,
    CHECK (buyer_id <> seller_id)
);

CREATE INDEX deal_buyer_idx ON trade.deal (buyer_id, id DESC);
CREATE INDEX deal_seller_idx ON trade.deal (seller_id, id DESC);
CREATE INDEX deal_price_idx ON trade.deal (commodity_code, contracted_at) WHERE status IN ('SHIPPED', 'DELIVERED', 'SETTLED');

CREATE TABLE trade.deal_event (
    id          bigserial   PRIMARY KEY,
    deal_id     bigint      NOT NULL REFERENCES trade.deal (id),
    from_status text,
    to_status   text        NOT NULL,
    actor       text        NOT NULL,
    note        text        NOT NULL DEFAULT '',
    at          timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX deal_event_deal_idx ON trade.deal_event (deal_id, id);

CREATE TABLE trade.rating (
    deal_id    bigint   NOT NULL REFERENCES trade.deal (id),
    by_company uuid     NOT NULL REFERENCES trade.company (organisation_id),
    of_company uuid     NOT NULL REFERENCES trade.company (organisation_id),
    stars      smallint NOT NULL CHECK (stars BETWEEN 1 AND 5),
    comment    text     NOT NULL DEFAULT '' CHECK (length(comment) <= 2000),
    rated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (deal_id, by_company)
);
