-- A series' indicator months (about 4 kB for five years) were compressed on every write, a quarter of the time of
-- writing them, and decompressed on every read, to save half of their space. They are now kept as they are, in
-- the row, up to the page's size (longer histories are still compressed).
ALTER TABLE prices.series_indicator SET (toast_tuple_target = 8160);
ALTER TABLE prices.series_indicator
    ALTER COLUMN month SET STORAGE MAIN,
    ALTER COLUMN price SET STORAGE MAIN,
    ALTER COLUMN interpolated SET STORAGE MAIN,
    ALTER COLUMN ipa SET STORAGE MAIN,
    ALTER COLUMN ipa_band SET STORAGE MAIN,
    ALTER COLUMN alps SET STORAGE MAIN,
    ALTER COLUMN alps_band SET STORAGE MAIN,
    ALTER COLUMN alps_trend SET STORAGE MAIN;
