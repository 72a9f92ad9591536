-- The allocation optimiser: a transport network (delivery points, routes by mode) and the plans solved on it.
CREATE SCHEMA IF NOT EXISTS allocation;

-- Where a member state receives a release: a port or a city.
CREATE TABLE allocation.delivery_point (
    code         text         PRIMARY KEY CHECK (code ~ '^[A-Z0-9-]{2,40}$'),
    country_iso3 char(3)      NOT NULL REFERENCES countries.country (iso3),
    name         text         NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind         text         NOT NULL CHECK (kind IN ('PORT', 'CITY')),
    latitude     numeric(9,6) NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude    numeric(9,6) NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    -- The point a demand for the country goes to unless it names another.
    main         boolean      NOT NULL DEFAULT false,
    demo         boolean      NOT NULL DEFAULT false
);

CREATE UNIQUE INDEX delivery_point_main_idx ON allocation.delivery_point (country_iso3) WHERE main;

-- A route from a hub to a delivery point or to another hub, by one mode; capacity in tonnes per planning period
-- (none: unlimited). A closed route stays on record but is not used.
CREATE TABLE allocation.route (
    id               bigserial     PRIMARY KEY,
    origin_hub       text          NOT NULL REFERENCES reserves.hub (code),
    to_hub           text          REFERENCES reserves.hub (code),
    to_point         text          REFERENCES allocation.delivery_point (code),
    mode             text          NOT NULL CHECK (mode IN ('SEA', 'RAIL', 'ROAD')),
    cost_per_tonne   numeric(12,2) NOT NULL CHECK (cost_per_tonne >= 0),
    transit_days     integer       NOT NULL CHECK (transit_days BETWEEN 0 AND 365),
    capacity_tonnes  numeric(14,3) CHECK (capacity_tonnes > 0),
    open             boolean       NOT NULL DEFAULT true,
    demo             boolean       NOT NULL DEFAULT false,
    CHECK ((to_hub IS NULL) <> (to_point IS NULL)),
    CHECK (to_hub IS NULL OR to_hub <> origin_hub)
);

CREATE UNIQUE INDEX route_to_point_idx ON allocation.route (origin_hub, to_point, mode) WHERE to_point IS NOT NULL;
CREATE UNIQUE INDEX route_to_hub_idx ON allocation.route (origin_hub, to_hub, mode) WHERE to_hub IS NOT NULL;
CREATE INDEX route_point_idx ON allocation.route (to_point);

-- A solved plan: what was asked (demands and settings), what the solver said, and the model and solution as
-- solved, so that anyone can solve it again with another solver.
CREATE TABLE allocation.plan (
    id              bigserial     PRIMARY KEY,
    label           text          NOT NULL DEFAULT '',
    baseline_id     bigint        REFERENCES allocation.plan (id),
    settings        jsonb         NOT NULL,
    status          text          NOT NULL,
    solver          text          NOT NULL,
    objective       double precision,
    transport_cost  numeric(16,2) NOT NULL DEFAULT 0,
    unmet_tonnes    numeric(16,3) NOT NULL DEFAULT 0,
    variables       integer       NOT NULL,
    constraints     integer       NOT NULL,
    solve_millis    bigint        NOT NULL,
    model_mps       text          NOT NULL,
    solution        text          NOT NULL,
    created_by      text          NOT NULL,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    dispatches_drafted_at timestamptz
);

CREATE INDEX plan_created_idx ON allocation.plan (id DESC);

CREATE TABLE allocation.plan_demand (
    plan_id            bigint        NOT NULL REFERENCES allocation.plan (id),
    demand_no          integer       NOT NULL,
    country_iso3       char(3)       NOT NULL,
    commodity_code     text          NOT NULL,
    substitutes        text[]        NOT NULL DEFAULT '{}',
    tonnes             numeric(14,3) NOT NULL,
    need_by            date          NOT NULL,
    priority           integer       NOT NULL,
    delivery_point     text          NOT NULL,
    release_request_id bigint,
    met_tonnes         numeric(14,3) NOT NULL,
    unmet_tonnes       numeric(14,3) NOT NULL,
    unmet_reason       text,
    PRIMARY KEY (plan_id, demand_no)
);

CREATE TABLE allocation.plan_line (
    plan_id        bigint        NOT NULL REFERENCES allocation.plan (id),
    line_no        integer       NOT NULL,
    demand_no      integer       NOT NULL,
    lot_id         bigint        NOT NULL,
    hub_code       text          NOT NULL,
    commodity_code text          NOT NULL,
    route_id       bigint        NOT NULL,
    via_route_id   bigint,
    via_hub        text,
    mode           text          NOT NULL,
    tonnes         numeric(14,3) NOT NULL,
    cost           numeric(16,2) NOT NULL,
    departure      date          NOT NULL,
    arrival        date          NOT NULL,
    PRIMARY KEY (plan_id, line_no)
);
