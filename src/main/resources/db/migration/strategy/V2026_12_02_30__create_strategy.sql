-- Strategic commodities: the FAOSTAT Detailed Trade Matrix (who trades what with whom, as each side reports it),
-- the record of its imports, and the Secretariat's targets per commodity.
CREATE SCHEMA IF NOT EXISTS strategy;

CREATE TABLE strategy.import_run (
    id                  bigserial   PRIMARY KEY,
    file_name           text        NOT NULL,
    sha256              char(64)    NOT NULL,
    layout              text,
    imported_by         text        NOT NULL,
    outcome             text        NOT NULL CHECK (outcome IN ('APPLIED', 'UNCHANGED', 'REJECTED')),
    rows_read           bigint      NOT NULL DEFAULT 0,
    rows_inserted       bigint      NOT NULL DEFAULT 0,
    rows_updated        bigint      NOT NULL DEFAULT 0,
    rows_unchanged      bigint      NOT NULL DEFAULT 0,
    rows_skipped        bigint      NOT NULL DEFAULT 0,
    skipped_items       bigint      NOT NULL DEFAULT 0,
    skipped_non_members bigint      NOT NULL DEFAULT 0,
    problems            bigint      NOT NULL DEFAULT 0,
    message             text,
    started_at          timestamptz NOT NULL,
    duration_ms         bigint      NOT NULL DEFAULT 0
);

-- One flow as one side reports it: the reporter's imports from and exports to the partner, of one FAOSTAT item in
-- one year. Reporter and partner are members (ISO3) or 'ROW', every country outside the OIC taken together, so that
-- a member's trade with the rest of the world is kept (as the member reports it, and as the rest of the world
-- reports its trade with the member: the mirror). Quantities in tonnes of the item, values in thousand US dollars.
CREATE TABLE strategy.trade_flow (
    reporter      char(3)       NOT NULL,
    partner       char(3)       NOT NULL,
    item_code     integer       NOT NULL,
    year          smallint      NOT NULL CHECK (year BETWEEN 1900 AND 2100),
    import_t      numeric(20,3) CHECK (import_t >= 0),
    export_t      numeric(20,3) CHECK (export_t >= 0),
    import_kusd   numeric(20,3) CHECK (import_kusd >= 0),
    export_kusd   numeric(20,3) CHECK (export_kusd >= 0),
    import_flag   text,
    export_flag   text,
    source_import bigint        REFERENCES strategy.import_run (id),
    demo          boolean       NOT NULL DEFAULT false,
    PRIMARY KEY (reporter, partner, item_code, year),
    CHECK (reporter <> partner)
);

-- The strategy page and the API read one commodity's items in one year (or all years), in both directions.
CREATE INDEX trade_flow_item_year_idx ON strategy.trade_flow (item_code, year);
CREATE INDEX trade_flow_partner_idx ON strategy.trade_flow (partner, reporter, item_code, year);

-- What the Secretariat aims at for a commodity: the OIC's or a group's self-sufficiency ratio (%) or production
-- (thousand tonnes) in a target year.
CREATE TABLE strategy.target (
    id             bigserial     PRIMARY KEY,
    commodity_code text          NOT NULL,
    scope          text          NOT NULL CHECK (scope IN ('OIC', 'ARAB', 'AFRICAN', 'ASIAN')),
    measure        text          NOT NULL CHECK (measure IN ('SELF_SUFFICIENCY', 'PRODUCTION')),
    target_year    smallint      NOT NULL CHECK (target_year BETWEEN 2000 AND 2100),
    value          numeric(18,3) NOT NULL CHECK (value >= 0),
    note           text          NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    set_by         text          NOT NULL,
    updated_at     timestamptz   NOT NULL,
    demo           boolean       NOT NULL DEFAULT false,
    UNIQUE (commodity_code, scope, measure)
);
