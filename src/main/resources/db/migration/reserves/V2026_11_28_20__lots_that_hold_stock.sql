-- A hub keeps every lot it ever received, and most of them end empty: after a year of receipts the lots that can
-- still be picked are a few among thousands. FEFO picking walked the hub's lots in expiry order and stepped over
-- every empty one to find the first that holds stock, so each pick grew slower as the hub aged. The lot now says
-- whether it holds stock, and a partial index holds only those lots, in FEFO order: the pick and the hub's stock
-- page read them, not the hub's whole history.
ALTER TABLE reserves.lot ADD COLUMN has_stock boolean NOT NULL DEFAULT true;

UPDATE reserves.lot l
SET has_stock = EXISTS (SELECT 1 FROM reserves.lot_balance b WHERE b.lot_id = l.id AND b.on_hand > 0);

-- The quality status rides along so that a hub's stock totals (available or not) read the lots from the index alone.
CREATE INDEX lot_in_stock_idx ON reserves.lot (hub_code, commodity_code, best_before, intake_date, id)
    INCLUDE (quality_status) WHERE has_stock;

-- The database keeps the flag with the balance, whichever statement moves the stock: it changes only when a
-- balance reaches zero or leaves it, so the triggers fire for a few movements in a lot's life, not for each.
CREATE FUNCTION reserves.lot_balance_sets_has_stock() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    UPDATE reserves.lot SET has_stock = NEW.on_hand > 0 WHERE id = NEW.lot_id AND has_stock <> (NEW.on_hand > 0);
    RETURN NULL;
END
$$;

CREATE TRIGGER lot_balance_created_empty
    AFTER INSERT ON reserves.lot_balance
    FOR EACH ROW WHEN (NEW.on_hand <= 0) EXECUTE FUNCTION reserves.lot_balance_sets_has_stock();

CREATE TRIGGER lot_balance_emptied_or_refilled
    AFTER UPDATE OF on_hand ON reserves.lot_balance
    FOR EACH ROW WHEN ((OLD.on_hand > 0) <> (NEW.on_hand > 0)) EXECUTE FUNCTION reserves.lot_balance_sets_has_stock();
