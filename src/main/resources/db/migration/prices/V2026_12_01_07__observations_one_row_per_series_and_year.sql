-- A series' prices are stored one row per series, year and flag, the twelve months side by side in arrays (the
-- n-th element is the n-th month; NULL where the month has no price). A large import wrote five million rows and
-- their index entries, a fifth of a million per second: most of its time. As year rows it writes a tenth of that.
-- Prices are kept exactly as before (four decimals), as whole numbers of ten-thousandths: the database stores the
-- eight bytes it receives instead of building a numeric from each of millions of elements (a third of the time of
-- writing them), and they take a fifth less room.
-- Each month keeps its provenance: the import that wrote it (the row's source_import when one import wrote every
-- month of the row, as a large import does; else month_source_import, month by month), or who entered it
-- (source_user, month by month, in rows of flag 'manual'). The row keeps when it last changed.
--
-- Partitioned as before on a date, one partition per calendar year (see ObservationPartitions): the row's date is
-- its year's first day, so a partition holds a single date and its key needs no BRIN index to skip old blocks.
-- prices.observation stays, as a view with the rows and columns it had.
CREATE TABLE prices.observation_year (
    series_id     bigint            NOT NULL,
    year_start    date              NOT NULL CHECK (extract(month FROM year_start) = 1 AND extract(day FROM year_start) = 1),
    price_flag    text COLLATE "C"  NOT NULL CHECK (price_flag IN ('actual', 'aggregate', 'actual,aggregate', 'manual')),
    -- ten-thousandths of the currency (numeric(18,4) times 10,000)
    price         bigint[]          NOT NULL CHECK (cardinality(price) = 12 AND 0 < ALL (price)),
    usd_price     bigint[]          NOT NULL CHECK (cardinality(usd_price) = 12 AND 0 <= ALL (usd_price)),
    source_import bigint,
    month_source_import bigint[]    CHECK (cardinality(month_source_import) = 12),
    source_user   text[]            CHECK (cardinality(source_user) = 12),
    updated_at    timestamptz       NOT NULL DEFAULT now(),
    PRIMARY KEY (series_id, year_start, price_flag),
    CHECK (source_import IS NOT NULL OR month_source_import IS NOT NULL OR source_user IS NOT NULL)
) PARTITION BY RANGE (year_start);

DO $$
DECLARE
    first_year integer := least(1990, (SELECT extract(year FROM min(month))::integer FROM prices.observation));
    last_year  integer := greatest(extract(year FROM current_date)::integer + 1,
                                   (SELECT extract(year FROM max(month))::integer FROM prices.observation));
BEGIN
    FOR y IN first_year .. last_year LOOP
        EXECUTE format('CREATE TABLE prices.observation_year_%s PARTITION OF prices.observation_year FOR VALUES FROM (%L) TO (%L)',
                       y, make_date(y, 1, 1), make_date(y + 1, 1, 1));
    END LOOP;
END $$;

INSERT INTO prices.observation_year (series_id, year_start, price_flag, price, usd_price, source_import,
                                     month_source_import, source_user, updated_at)
SELECT g.series_id, g.year_start, g.price_flag,
       array_agg((o.price * 10000)::bigint ORDER BY n.n), array_agg((o.usd_price * 10000)::bigint ORDER BY n.n),
       CASE WHEN count(DISTINCT o.source_import) = 1 AND count(o.source_import) = count(o.price)
            THEN min(o.source_import) END,
       CASE WHEN count(DISTINCT o.source_import) > 1
              OR (count(o.source_import) > 0 AND count(o.source_import) < count(o.price))
            THEN array_agg(o.source_import ORDER BY n.n) END,
       CASE WHEN bool_or(o.source_user IS NOT NULL) THEN array_agg(o.source_user ORDER BY n.n) END,
       coalesce(max(o.updated_at), now())
FROM (SELECT DISTINCT series_id, date_trunc('year', month)::date AS year_start, price_flag
      FROM prices.observation) g
CROSS JOIN generate_series(0, 11) AS n(n)
LEFT JOIN prices.observation o
       ON o.series_id = g.series_id AND o.price_flag = g.price_flag
      AND o.month = (g.year_start + make_interval(months => n.n))::date
GROUP BY g.series_id, g.year_start, g.price_flag;

DROP TABLE prices.observation;

CREATE VIEW prices.observation AS
SELECT y.series_id, (y.year_start + make_interval(months => u.n::integer - 1))::date AS month, y.price_flag,
       CAST(u.price / 10000.0 AS numeric(18,4)) AS price, CAST(u.usd_price / 10000.0 AS numeric(18,4)) AS usd_price,
       coalesce(u.month_source_import, y.source_import) AS source_import, u.source_user,
       y.updated_at
FROM prices.observation_year y
CROSS JOIN LATERAL unnest(y.price, y.usd_price, y.month_source_import, y.source_user)
    WITH ORDINALITY AS u(price, usd_price, month_source_import, source_user, n)
WHERE u.price IS NOT NULL;
