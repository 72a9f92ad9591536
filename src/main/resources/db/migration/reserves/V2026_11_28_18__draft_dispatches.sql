-- A dispatch proposed for an approved release (by the allocation optimiser): from which hub, by which mode, when,
-- and which lots. Nothing moves until the hub's operators dispatch; the proposal then says which draft they used.
CREATE TABLE reserves.draft_dispatch (
    id                  bigserial   PRIMARY KEY,
    request_id          bigint      NOT NULL REFERENCES reserves.release_request (id),
    origin_hub          text        NOT NULL REFERENCES reserves.hub (code),
    mode                text        NOT NULL,
    estimated_departure date        NOT NULL,
    estimated_arrival   date        NOT NULL,
    source              text        NOT NULL,
    created_by          text        NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    CHECK (estimated_arrival >= estimated_departure)
);

CREATE INDEX draft_dispatch_request_idx ON reserves.draft_dispatch (request_id);

CREATE TABLE reserves.draft_dispatch_line (
    draft_id bigint        NOT NULL REFERENCES reserves.draft_dispatch (id),
    lot_id   bigint        NOT NULL REFERENCES reserves.lot (id),
    tonnes   numeric(14,3) NOT NULL CHECK (tonnes > 0),
    PRIMARY KEY (draft_id, lot_id)
);
