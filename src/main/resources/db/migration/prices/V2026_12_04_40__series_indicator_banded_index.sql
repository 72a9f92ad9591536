-- The dashboard's warning levels read, on every view, which series carry an ALPS band for a recent month. A
-- series_indicator row keeps the series' monthly arrays inline (about five kilobytes, one row a page), so that read
-- scanned one page per series: 512 pages for the demo's 456 series, growing with every series imported. From this
-- narrow index alone (an index-only scan, once autovacuum has passed after an import), the statement took 0.69 ms
-- instead of 1.51 on the demo data; on a table not yet vacuumed the planner may still read the rows' pages.
CREATE INDEX series_indicator_banded_idx ON prices.series_indicator (latest_month, series_id, latest_alps_band)
    WHERE latest_alps_band IS NOT NULL;
