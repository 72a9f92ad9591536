-- An IPA or ALPS is a number of standard deviations: with two reference years of nearly equal growth, or a trend
-- that fits almost exactly, it can exceed the 999,999.9999 of numeric(10,4), and one such month refused a whole
-- import. An alert's value keeps the four decimals it is written with; only the bound goes (the indicator months
-- themselves are kept without bound from V2026_12_01_05).
ALTER TABLE prices.alert ALTER COLUMN value TYPE numeric;
