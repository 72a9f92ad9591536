-- The Halal certificate an offer to sell is covered by: the company's own, valid through the delivery window and
-- covering the offer's HS code when the offer is drafted.
ALTER TABLE trade.offer ADD COLUMN certificate_id bigint REFERENCES trade.halal_certificate (id);
