-- Every ledger entry and every new balance row checked its hub against reserves.hub, so each of a hub's concurrent
-- movements took a share lock on the same hub row (which PostgreSQL tracks in a multixact once several hold it).
-- An entry's hub is its lot's hub: one reference to the lot by (id, hub) says both, and says they agree.
CREATE UNIQUE INDEX lot_id_hub_idx ON reserves.lot (id, hub_code);

ALTER TABLE reserves.ledger_entry
    DROP CONSTRAINT ledger_entry_lot_id_fkey,
    DROP CONSTRAINT ledger_entry_hub_code_fkey,
    ADD CONSTRAINT ledger_entry_lot_hub_fkey FOREIGN KEY (lot_id, hub_code) REFERENCES reserves.lot (id, hub_code);

ALTER TABLE reserves.lot_balance
    DROP CONSTRAINT lot_balance_lot_id_fkey,
    DROP CONSTRAINT lot_balance_hub_code_fkey,
    ADD CONSTRAINT lot_balance_lot_hub_fkey FOREIGN KEY (lot_id, hub_code) REFERENCES reserves.lot (id, hub_code);
