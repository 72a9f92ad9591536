-- The board's search reads an offer's own words and its company's legal names (each in its language's text search
-- configuration) as one document, from one index over the open offers. The search had first found the companies
-- whose names match and then looked for their offers among all open ones: a word in nine hundred companies' names
-- read twenty thousand offers to count a thousand. An offer keeps a copy of its company's names' search vector,
-- set when the offer is written and again whenever the company's names change.
ALTER TABLE trade.offer ADD COLUMN company_search tsvector;

UPDATE trade.offer o SET company_search = c.search FROM trade.company c WHERE c.organisation_id = o.company_id;

CREATE FUNCTION trade.offer_company_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT c.search INTO NEW.company_search FROM trade.company c WHERE c.organisation_id = NEW.company_id;
    RETURN NEW;
END
$$;

CREATE TRIGGER offer_company_search BEFORE INSERT OR UPDATE OF company_id ON trade.offer
    FOR EACH ROW EXECUTE FUNCTION trade.offer_company_search();

CREATE FUNCTION trade.company_search_to_offers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE trade.offer SET company_search = NEW.search WHERE company_id = NEW.organisation_id;
    RETURN NULL;
END
$$;

CREATE TRIGGER company_search_to_offers AFTER UPDATE OF legal_name_en, legal_name_ar, legal_name_fr ON trade.company
    FOR EACH ROW WHEN (OLD.search IS DISTINCT FROM NEW.search) EXECUTE FUNCTION trade.company_search_to_offers();

CREATE INDEX offer_board_search_idx ON trade.offer USING gin ((search || coalesce(company_search, ''::tsvector)))
    WHERE status IN ('PUBLISHED', 'PARTLY_TAKEN');

DROP INDEX trade.offer_search_idx;
