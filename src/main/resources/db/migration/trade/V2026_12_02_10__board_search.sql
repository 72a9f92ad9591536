-- Full-text search on the board in the platform's three languages: a company by any of its legal names (each in its
-- language's text search configuration), an offer by its specification, grade, place and HS code.
ALTER TABLE trade.company ADD COLUMN search tsvector GENERATED ALWAYS AS (
    to_tsvector('english', legal_name_en) || to_tsvector('arabic', legal_name_ar)
    || to_tsvector('french', legal_name_fr)) STORED;
CREATE INDEX company_search_idx ON trade.company USING gin (search);

ALTER TABLE trade.offer ADD COLUMN search tsvector GENERATED ALWAYS AS (
    to_tsvector('simple', specification || ' ' || grade || ' ' || incoterm_place || ' ' || hs_code)) STORED;
CREATE INDEX offer_search_idx ON trade.offer USING gin (search);
