-- Demo requests for quotation, quotes and deals are labelled like every other demo row.
ALTER TABLE trade.rfq ADD COLUMN demo boolean NOT NULL DEFAULT false;
ALTER TABLE trade.quote ADD COLUMN demo boolean NOT NULL DEFAULT false;
ALTER TABLE trade.deal ADD COLUMN demo boolean NOT NULL DEFAULT false;
