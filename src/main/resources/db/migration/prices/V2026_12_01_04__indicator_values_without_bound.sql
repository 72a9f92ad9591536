-- An IPA or ALPS is a number of standard deviations: with two reference years of nearly equal growth, or a trend
-- that fits almost exactly, it can exceed the 999,999.9999 of numeric(10,4), and one such month refused a whole
-- import. Values keep the four decimals they are written with; only the bound goes.
ALTER TABLE prices.series_month ALTER COLUMN ipa TYPE numeric, ALTER COLUMN alps TYPE numeric,
    ALTER COLUMN alps_trend TYPE numeric;
ALTER TABLE prices.alert ALTER COLUMN value TYPE numeric;

-- Indicator months are written a few million at a time; the foreign key to prices.series was checked with one
-- query per row, most of the write's time. They are computed from the observations of series that exist, and
-- series are never deleted (as for observations, see V2026_12_01_03).
ALTER TABLE prices.series_month DROP CONSTRAINT series_month_series_id_fkey;
