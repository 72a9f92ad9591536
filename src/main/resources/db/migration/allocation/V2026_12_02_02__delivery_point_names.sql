-- A delivery point's Arabic and French names; null means "the English name", as points were set up before them.
ALTER TABLE allocation.delivery_point
    ADD COLUMN name_ar text CHECK (length(name_ar) BETWEEN 1 AND 200),
    ADD COLUMN name_fr text CHECK (length(name_fr) BETWEEN 1 AND 200);
