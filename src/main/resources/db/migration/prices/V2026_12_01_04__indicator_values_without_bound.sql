-- An IPA or ALPS is a number of standard deviations: with two reference years of nearly equal growth, or a trend
-- that fits almost exactly, it can exceed the 999,999.9999 of numeric(10,4), and one such month refused a whole
-- import. Values keep the four decimals they are written with; only the bound goes.
ALTER TABLE prices.series_month ALTER COLUMN ipa TYPE numeric, ALTER COLUMN alps TYPE numeric,
    ALTER COLUMN alps_trend TYPE numeric;
ALTER TABLE prices.alert ALTER COLUMN value TYPE numeric;
