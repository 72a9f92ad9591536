-- What the imported prices of a series add up to (ImportFingerprint), kept when one import wrote them all; NULL
-- when unknown (the series was changed row by row since, or a month repeated in its file). A file whose rows of a
-- series add up to the same value holds the same prices, and re-importing it compares nothing for that series.
ALTER TABLE prices.series ADD COLUMN import_fingerprint bigint;
