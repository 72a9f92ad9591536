-- The board's filters answered from indexes alone: the capped count of a commodity, side and Incoterm, or of a
-- commodity, reads the index (with each offer's validity and company beside it) and not the table, and the page is
-- the index's first entries in newest-first order.
CREATE INDEX offer_filter_idx ON trade.offer (commodity_code, side, incoterm, published_at DESC, id DESC)
    INCLUDE (valid_until, company_id) WHERE status IN ('PUBLISHED', 'PARTLY_TAKEN');
CREATE INDEX offer_commodity_newest_idx ON trade.offer (commodity_code, published_at DESC, id DESC)
    INCLUDE (valid_until, company_id) WHERE status IN ('PUBLISHED', 'PARTLY_TAKEN');
