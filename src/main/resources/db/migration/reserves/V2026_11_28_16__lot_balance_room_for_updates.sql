-- Every issue and receipt updates a lot's balance row, and the first lot in FEFO order is updated over and over.
-- Half-empty pages let PostgreSQL write each new row version beside the old one without touching the indexes
-- (a heap-only update), and a low vacuum threshold prunes the dead versions before scans of a hub's lots have to
-- step over them.
ALTER TABLE reserves.lot_balance SET (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.0,
                                      autovacuum_vacuum_threshold = 2000, autovacuum_vacuum_cost_delay = 0);

-- Lots arrive in bursts at a new hub; fresh statistics keep the FEFO pick on its indexes as the hub fills.
ALTER TABLE reserves.lot SET (autovacuum_analyze_scale_factor = 0.02);
ALTER TABLE reserves.lot_balance SET (autovacuum_analyze_scale_factor = 0.02);
