-- The board reads open offers newest first and stops when a page is full: an index in that order, and one on the
-- few companies that are not verified (their offers are left off the board).
CREATE INDEX offer_newest_idx ON trade.offer (published_at DESC, id DESC) WHERE status IN ('PUBLISHED', 'PARTLY_TAKEN');
CREATE INDEX company_unverified_idx ON trade.company (organisation_id) WHERE kyc_status <> 'VERIFIED';
