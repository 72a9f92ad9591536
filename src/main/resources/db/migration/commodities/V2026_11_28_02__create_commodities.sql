-- Strategic commodities and the food-balance groups, with the codes other data sources use for them.
CREATE SCHEMA IF NOT EXISTS commodities;

CREATE TABLE commodities.commodity (
    code           text         PRIMARY KEY CHECK (code ~ '^[a-z][a-z_]{1,39}$'),
    kind           text         NOT NULL CHECK (kind IN ('COMMODITY', 'GROUP')),
    food_group     text         REFERENCES commodities.commodity (code) DEFERRABLE INITIALLY DEFERRED,
    hs2022_heading text         NOT NULL CHECK (hs2022_heading ~ '^[0-9]{4}(-[0-9]{4})?$'),
    hs2022_part    boolean      NOT NULL,
    kcal_per_kg    integer      CHECK (kcal_per_kg > 0),
    kcal_source    text,
    name_en        text         NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    name_ar        text         NOT NULL CHECK (length(name_ar) BETWEEN 1 AND 200),
    name_fr        text         NOT NULL CHECK (length(name_fr) BETWEEN 1 AND 200),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    CHECK (kind = 'GROUP' OR kcal_per_kg IS NOT NULL)
);

-- FAOSTAT item codes. An item code belongs to one commodity; a commodity may answer to several codes
-- (rice is 2805 in older food balance releases and 2807 in newer ones).
CREATE TABLE commodities.faostat_item (
    domain         text    NOT NULL CHECK (domain IN ('QCL', 'FBS')),
    item_code      integer NOT NULL CHECK (item_code > 0),
    commodity_code text    NOT NULL REFERENCES commodities.commodity (code) ON DELETE CASCADE,
    position       smallint NOT NULL,
    PRIMARY KEY (domain, item_code)
);

CREATE INDEX faostat_item_commodity_idx ON commodities.faostat_item (commodity_code);
