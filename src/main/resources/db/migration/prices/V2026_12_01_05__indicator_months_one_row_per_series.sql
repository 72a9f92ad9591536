-- A series' indicator months are written together and read together (its chart), and every recompute replaced
-- them all: as one row per series and month, recomputing 100,000 series deleted and inserted five million rows and
-- their index entries, most of the time of the recompute. They are now one row per series, the months side by
-- side in arrays (the n-th element of each array is the n-th month), with the latest month's values beside them
-- for the lists and the warning map. prices.series_month stays as a view with the rows it had.
CREATE TABLE prices.series_indicator (
    series_id        bigint    PRIMARY KEY,
    month            date[]    NOT NULL,
    price            numeric[] NOT NULL,
    interpolated     boolean[] NOT NULL,
    ipa              numeric[] NOT NULL,
    ipa_band         text[]    NOT NULL,
    alps             numeric[] NOT NULL,
    alps_band        text[]    NOT NULL,
    alps_trend       numeric[] NOT NULL,
    latest_month     date      NOT NULL,
    latest_price     numeric   NOT NULL,
    -- The price of the month before the latest, when the series has one.
    previous_price   numeric,
    latest_ipa       numeric,
    latest_ipa_band  text,
    latest_alps      numeric,
    latest_alps_band text,
    CHECK (cardinality(month) = cardinality(price) AND cardinality(month) = cardinality(alps_band))
);

CREATE INDEX series_indicator_latest_month_idx ON prices.series_indicator (latest_month);

INSERT INTO prices.series_indicator
SELECT m.series_id, array_agg(m.month ORDER BY m.month), array_agg(m.price ORDER BY m.month),
       array_agg(m.interpolated ORDER BY m.month), array_agg(m.ipa ORDER BY m.month),
       array_agg(m.ipa_band ORDER BY m.month), array_agg(m.alps ORDER BY m.month),
       array_agg(m.alps_band ORDER BY m.month), array_agg(m.alps_trend ORDER BY m.month),
       l.month, l.price, p.price, l.ipa, l.ipa_band, l.alps, l.alps_band
FROM prices.series_month m
JOIN LATERAL (SELECT * FROM prices.series_month x WHERE x.series_id = m.series_id ORDER BY x.month DESC LIMIT 1) l ON true
LEFT JOIN prices.series_month p ON p.series_id = m.series_id AND p.month = CAST(l.month - interval '1 month' AS date)
GROUP BY m.series_id, l.month, l.price, p.price, l.ipa, l.ipa_band, l.alps, l.alps_band;

DROP TABLE prices.series_month;

CREATE VIEW prices.series_month AS
SELECT i.series_id, u.month, u.price, u.interpolated, u.ipa, u.ipa_band, u.alps, u.alps_band, u.alps_trend
FROM prices.series_indicator i
CROSS JOIN LATERAL unnest(i.month, i.price, i.interpolated, i.ipa, i.ipa_band, i.alps, i.alps_band, i.alps_trend)
    AS u(month, price, interpolated, ipa, ipa_band, alps, alps_band, alps_trend);
