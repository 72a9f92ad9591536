-- A deal's delivery schedule: the lots its tonnes arrive in, each with the date it is due by. The lots sum to the
-- deal's tonnes exactly and fall within its delivery window, in order (checked by the service that writes them).
CREATE TABLE trade.deal_lot (
    deal_id    bigint        NOT NULL REFERENCES trade.deal (id),
    lot        smallint      NOT NULL CHECK (lot BETWEEN 1 AND 24),
    tonnes     numeric(14,3) NOT NULL CHECK (tonnes > 0),
    deliver_by date          NOT NULL,
    PRIMARY KEY (deal_id, lot)
);

-- Deals made before schedules were recorded arrive in one lot by the end of their window.
INSERT INTO trade.deal_lot (deal_id, lot, tonnes, deliver_by)
SELECT id, 1, tonnes, delivery_until FROM trade.deal;
