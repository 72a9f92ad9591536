-- Observations partitioned on their month, one partition per calendar year (1990, the earliest month an import
-- accepts, up to next year; the platform creates each next year's partition ahead, see ObservationPartitions).
-- A year per partition rather than a month: a series read visits every partition's index once, so 37 partitions
-- keep it within a few milliseconds where 440 monthly ones would not, while a year's rows still fit in memory.
-- The flag compares byte by byte (COLLATE "C"): its few values sort alike, and the key's comparisons cost a quarter
-- less than under the database's linguistic collation.
-- BRIN on the month lets the "latest months of every series" reads skip old blocks.
--
-- The foreign keys to prices.series and prices.import_run are not carried over: PostgreSQL checks them with one
-- query per inserted row, which took most of a large import's time. The import merge takes every series id from a
-- join with prices.series in the same transaction and series are never deleted, so the reference holds by
-- construction; ObservationStorageIT checks it.
ALTER TABLE prices.observation RENAME TO observation_before_partitioning;
ALTER INDEX prices.observation_pkey RENAME TO observation_before_partitioning_pkey;

CREATE TABLE prices.observation (
    series_id     bigint        NOT NULL,
    month         date          NOT NULL CHECK (extract(day FROM month) = 1),
    price_flag    text COLLATE "C" NOT NULL CHECK (price_flag IN ('actual', 'aggregate', 'actual,aggregate', 'manual')),
    price         numeric(18,4) NOT NULL CHECK (price > 0),
    usd_price     numeric(18,4) CHECK (usd_price >= 0),
    source_import bigint,
    source_user   text,
    updated_at    timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (series_id, month, price_flag),
    CHECK (source_import IS NOT NULL OR source_user IS NOT NULL)
) PARTITION BY RANGE (month);

DO $$
DECLARE
    first_year integer := least(1990, (SELECT extract(year FROM min(month))::integer FROM prices.observation_before_partitioning));
    last_year  integer := greatest(extract(year FROM current_date)::integer + 1,
                                   (SELECT extract(year FROM max(month))::integer FROM prices.observation_before_partitioning));
BEGIN
    FOR y IN first_year .. last_year LOOP
        EXECUTE format('CREATE TABLE prices.observation_%s PARTITION OF prices.observation FOR VALUES FROM (%L) TO (%L)',
                       y, make_date(y, 1, 1), make_date(y + 1, 1, 1));
    END LOOP;
END $$;

CREATE INDEX observation_month_brin ON prices.observation USING brin (month);

INSERT INTO prices.observation SELECT * FROM prices.observation_before_partitioning;
DROP TABLE prices.observation_before_partitioning;
