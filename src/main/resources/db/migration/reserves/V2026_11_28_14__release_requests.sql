-- Release requests: a member state asks a reserve for a commodity under a tier; the request moves through
-- submitted, assessed, approved (by an approval chain, never by the requester) or rejected, dispatched (shipments
-- of lots picked first expiry first out), delivered and closed. Every transition is an event.
CREATE TABLE reserves.release_request (
    id                bigserial     PRIMARY KEY,
    country_iso3      char(3)       NOT NULL REFERENCES countries.country (iso3),
    reserve_code      text          NOT NULL REFERENCES reserves.reserve (code),
    commodity_code    text          NOT NULL REFERENCES commodities.commodity (code),
    tonnes            numeric(14,3) NOT NULL CHECK (tonnes > 0),
    delivery_point    text          NOT NULL CHECK (length(delivery_point) BETWEEN 1 AND 200),
    need_by           date          NOT NULL,
    tier              smallint      NOT NULL CHECK (tier IN (1, 2, 3)),
    -- Tier 2: how the release is paid for.
    payment           text          CHECK (payment IN ('CASH', 'LOAN', 'GRANT')),
    justification     text          NOT NULL CHECK (length(justification) BETWEEN 1 AND 4000),
    -- The lines of defence already used before a regional release (subsidiarity).
    local_used        boolean       NOT NULL DEFAULT false,
    national_used     boolean       NOT NULL DEFAULT false,
    status            text          NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'ASSESSED', 'APPROVED', 'REJECTED',
                                                               'DISPATCHED', 'DELIVERED', 'CLOSED')),
    assessment_note   text,
    approvals_needed  smallint      NOT NULL DEFAULT 1,
    requested_by      text          NOT NULL,
    created_at        timestamptz   NOT NULL DEFAULT now(),
    submitted_at      timestamptz,
    approved_at       timestamptz,
    delivered_at      timestamptz,
    received_tonnes   numeric(14,3) CHECK (received_tonnes >= 0),
    received_condition text,
    demo              boolean       NOT NULL DEFAULT false,
    CHECK (tier <> 2 OR payment IS NOT NULL)
);

CREATE INDEX release_request_country_idx ON reserves.release_request (country_iso3, id DESC);
CREATE INDEX release_request_status_idx ON reserves.release_request (status);

CREATE TABLE reserves.release_event (
    id          bigserial   PRIMARY KEY,
    request_id  bigint      NOT NULL REFERENCES reserves.release_request (id),
    from_status text,
    to_status   text        NOT NULL,
    actor       text        NOT NULL,
    note        text,
    at          timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX release_event_request_idx ON reserves.release_event (request_id, id);

CREATE TABLE reserves.release_approval (
    request_id bigint      NOT NULL REFERENCES reserves.release_request (id),
    step       smallint    NOT NULL,
    approver   text        NOT NULL,
    at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (request_id, step),
    UNIQUE (request_id, approver)
);

-- A shipment of a release from a hub: its lots and tonnes, mode and dates; in transit until it arrives.
CREATE TABLE reserves.shipment (
    id                bigserial   PRIMARY KEY,
    request_id        bigint      NOT NULL REFERENCES reserves.release_request (id),
    origin_hub        text        NOT NULL REFERENCES reserves.hub (code),
    destination       text        NOT NULL,
    mode              text        NOT NULL CHECK (mode IN ('SEA', 'RAIL', 'ROAD', 'AIR')),
    estimated_departure date      NOT NULL,
    estimated_arrival date        NOT NULL,
    actual_departure  date,
    actual_arrival    date,
    CHECK (estimated_arrival >= estimated_departure)
);

CREATE TABLE reserves.shipment_line (
    shipment_id     bigint        NOT NULL REFERENCES reserves.shipment (id),
    lot_id          bigint        NOT NULL REFERENCES reserves.lot (id),
    tonnes          numeric(14,3) NOT NULL CHECK (tonnes > 0),
    ledger_entry_id bigint        NOT NULL REFERENCES reserves.ledger_entry (id),
    PRIMARY KEY (shipment_id, lot_id)
);

-- What a tier 1 or 2 release obliges the recipient to give back: grain for grain, or cash; by a due date.
CREATE TABLE reserves.obligation (
    id             bigserial     PRIMARY KEY,
    request_id     bigint        NOT NULL UNIQUE REFERENCES reserves.release_request (id),
    country_iso3   char(3)       NOT NULL REFERENCES countries.country (iso3),
    kind           text          NOT NULL CHECK (kind IN ('GRAIN_FOR_GRAIN', 'CASH')),
    commodity_code text          NOT NULL,
    tonnes         numeric(14,3) NOT NULL CHECK (tonnes > 0),
    due_on         date          NOT NULL,
    settled_on     date
);
