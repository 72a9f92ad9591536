-- Physical counts: an operator counts a lot; the difference from the book becomes a COUNT entry in the ledger, at
-- once when it is small, after a second person approves when it exceeds fse.reserves.count-approval-tonnes.
CREATE TABLE reserves.physical_count (
    id              bigserial     PRIMARY KEY,
    lot_id          bigint        NOT NULL REFERENCES reserves.lot (id),
    hub_code        text          NOT NULL REFERENCES reserves.hub (code),
    counted_tonnes  numeric(14,3) NOT NULL CHECK (counted_tonnes >= 0),
    book_tonnes     numeric(14,3) NOT NULL,
    difference      numeric(14,3) NOT NULL,
    reason_code     text          NOT NULL,
    status          text          NOT NULL CHECK (status IN ('APPLIED', 'PENDING', 'APPROVED', 'REJECTED')),
    counted_by      text          NOT NULL,
    counted_at      timestamptz   NOT NULL DEFAULT now(),
    decided_by      text,
    decided_at      timestamptz,
    ledger_entry_id bigint        REFERENCES reserves.ledger_entry (id),
    CHECK (decided_by IS NULL OR decided_by <> counted_by)
);

CREATE INDEX physical_count_hub_idx ON reserves.physical_count (hub_code, status);
