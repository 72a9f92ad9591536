-- Monthly food consumer price indices per member state, for computing the price indicators on deflated prices
-- (fse.prices.indicators.input=DEFLATED): a price divided by its country's index of the same month, times 100.
CREATE TABLE prices.consumer_price_index (
    country_iso3 char(3)       NOT NULL REFERENCES countries.country (iso3),
    month        date          NOT NULL CHECK (extract(day FROM month) = 1),
    value        numeric(14,4) NOT NULL CHECK (value > 0),
    source       text          NOT NULL CHECK (length(source) BETWEEN 1 AND 200),
    source_import bigint       REFERENCES prices.import_run (id),
    updated_at   timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (country_iso3, month)
);

-- The indicator settings the stored indicator months were computed with. At start, when the configured settings
-- differ, every series is recomputed, so that indicators never mix settings.
CREATE TABLE prices.indicator_settings (
    id          smallint    PRIMARY KEY CHECK (id = 1),
    fingerprint text        NOT NULL,
    computed_at timestamptz NOT NULL DEFAULT now()
);
