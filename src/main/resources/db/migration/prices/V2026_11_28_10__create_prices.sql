-- Food prices: markets, price series (market x source commodity x price type x unit x currency), monthly
-- observations, the early-warning indicators computed from them, and the alerts they raise.
CREATE SCHEMA IF NOT EXISTS prices;

CREATE TABLE prices.import_run (
    id             bigserial   PRIMARY KEY,
    file_name      text        NOT NULL,
    sha256         char(64)    NOT NULL,
    layout         text,
    country_iso3   char(3),
    imported_by    text        NOT NULL,
    outcome        text        NOT NULL CHECK (outcome IN ('APPLIED', 'UNCHANGED', 'REJECTED')),
    rows_read      bigint      NOT NULL DEFAULT 0,
    rows_inserted  bigint      NOT NULL DEFAULT 0,
    rows_updated   bigint      NOT NULL DEFAULT 0,
    rows_unchanged bigint      NOT NULL DEFAULT 0,
    rows_skipped   bigint      NOT NULL DEFAULT 0,
    problems       bigint      NOT NULL DEFAULT 0,
    message        text,
    started_at     timestamptz NOT NULL,
    duration_ms    bigint      NOT NULL DEFAULT 0
);

CREATE TABLE prices.market (
    id            bigserial    PRIMARY KEY,
    country_iso3  char(3)      NOT NULL REFERENCES countries.country (iso3),
    admin1        text         NOT NULL DEFAULT '',
    admin2        text         NOT NULL DEFAULT '',
    name          text         NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    wfp_market_id integer,
    latitude      numeric(9,6) CHECK (latitude BETWEEN -90 AND 90),
    longitude     numeric(9,6) CHECK (longitude BETWEEN -180 AND 180),
    demo          boolean      NOT NULL DEFAULT false,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (country_iso3, admin1, admin2, name)
);

-- Commodities as the source names them ("Wheat flour", "Rice (imported)", "Oil (palm)"). Each may map to a
-- platform commodity; unmapped ones are kept, and an administrator can map them later.
CREATE TABLE prices.source_commodity (
    id               serial      PRIMARY KEY,
    name             text        NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    category         text        NOT NULL DEFAULT '',
    wfp_commodity_id integer,
    commodity_code   text        REFERENCES commodities.commodity (code),
    mapped_by        text,
    updated_at       timestamptz NOT NULL DEFAULT now()
);

-- How a newly met source commodity is mapped, first matching pattern (ILIKE) wins. Administrators change the
-- mapping of each source commodity afterwards; these rules only give the first guess. Not a foreign key: the
-- commodity list is loaded from its reference file after the migrations; a rule naming no commodity is ignored.
CREATE TABLE prices.commodity_rule (
    position       integer PRIMARY KEY,
    name_pattern   text    NOT NULL,
    commodity_code text    NOT NULL
);

INSERT INTO prices.commodity_rule (position, name_pattern, commodity_code) VALUES
    (1, 'Wheat flour%', 'wheat'), (2, 'Wheat', 'wheat'), (3, 'Wheat (%', 'wheat'),
    (4, 'Rice%', 'rice'), (5, 'Maize%', 'maize'), (6, 'Sorghum%', 'sorghum'), (7, 'Millet%', 'millet'),
    (8, 'Barley%', 'barley'), (9, 'Cassava%', 'cassava'), (10, 'Oil (palm)%', 'palm_oil'),
    (11, 'Oil (soybean)%', 'soybean_oil'), (12, 'Oil (sunflower)%', 'sunflower_oil'),
    (13, 'Oil (vegetable)%', 'vegetable_oils'), (14, 'Oil (cooking)%', 'vegetable_oils'),
    (15, 'Sugar%', 'sugar'), (16, 'Soybeans%', 'soybeans'), (17, 'Lentils%', 'pulses'),
    (18, 'Beans%', 'pulses'), (19, 'Chickpeas%', 'pulses'), (20, 'Peas%', 'pulses'), (21, 'Pulses%', 'pulses'),
    (22, 'Dates%', 'dates');

CREATE TABLE prices.series (
    id                  bigserial PRIMARY KEY,
    market_id           bigint    NOT NULL REFERENCES prices.market (id),
    source_commodity_id integer   NOT NULL REFERENCES prices.source_commodity (id),
    price_type          text      NOT NULL CHECK (length(price_type) BETWEEN 1 AND 50),
    unit                text      NOT NULL CHECK (length(unit) BETWEEN 1 AND 50),
    -- The unit parsed: "90 KG" is 90 of kg, "500 G" 0.5 of kg; NULL where it cannot be parsed.
    unit_quantity       numeric(12,4) CHECK (unit_quantity > 0),
    base_unit           text,
    currency            char(3)   NOT NULL,
    UNIQUE (market_id, source_commodity_id, price_type, unit, currency)
);

CREATE INDEX series_commodity_idx ON prices.series (source_commodity_id);

-- One price per series, month and price flag: WFP files can hold the same month as 'actual' and as 'aggregate'.
CREATE TABLE prices.observation (
    series_id     bigint        NOT NULL REFERENCES prices.series (id),
    month         date          NOT NULL CHECK (extract(day FROM month) = 1),
    price_flag    text          NOT NULL CHECK (price_flag IN ('actual', 'aggregate', 'actual,aggregate', 'manual')),
    price         numeric(18,4) NOT NULL CHECK (price > 0),
    usd_price     numeric(18,4) CHECK (usd_price >= 0),
    source_import bigint        REFERENCES prices.import_run (id),
    source_user   text,
    updated_at    timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (series_id, month, price_flag),
    CHECK (source_import IS NOT NULL OR source_user IS NOT NULL)
);

-- Per series and month, the price the indicators used (interpolated across gaps of up to two months) and the
-- indicators with their bands. Recomputed for every series an import or an entry touches.
CREATE TABLE prices.series_month (
    series_id    bigint        NOT NULL REFERENCES prices.series (id),
    month        date          NOT NULL,
    price        numeric(18,4) NOT NULL,
    interpolated boolean       NOT NULL,
    ipa          numeric(10,4),
    ipa_band     text          CHECK (ipa_band IN ('LOW', 'MODERATELY_LOW', 'NORMAL', 'MODERATE', 'HIGH')),
    alps         numeric(10,4),
    alps_band    text          CHECK (alps_band IN ('NORMAL', 'STRESS', 'ALERT', 'CRISIS')),
    alps_trend   numeric(18,4),
    PRIMARY KEY (series_id, month)
);

-- Created when a series enters a worse band; never rewritten.
CREATE TABLE prices.alert (
    id             bigserial     PRIMARY KEY,
    series_id      bigint        NOT NULL REFERENCES prices.series (id),
    country_iso3   char(3)       NOT NULL REFERENCES countries.country (iso3),
    market_id      bigint        NOT NULL REFERENCES prices.market (id),
    commodity_code text          REFERENCES commodities.commodity (code),
    indicator      text          NOT NULL CHECK (indicator IN ('IPA', 'ALPS')),
    month          date          NOT NULL,
    value          numeric(10,4) NOT NULL,
    band           text          NOT NULL,
    created_at     timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (series_id, indicator, month)
);

CREATE INDEX alert_country_month_idx ON prices.alert (country_iso3, month);
CREATE INDEX alert_month_idx ON prices.alert (month);
