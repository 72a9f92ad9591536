-- A market's Arabic and French names; null means the name its source gives (WFP names markets once, in English
-- or in the country's Latin transliteration).
ALTER TABLE prices.market
    ADD COLUMN name_ar text CHECK (length(name_ar) BETWEEN 1 AND 200),
    ADD COLUMN name_fr text CHECK (length(name_fr) BETWEEN 1 AND 200);
