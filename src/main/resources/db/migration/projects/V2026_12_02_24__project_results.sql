-- A project's results (IATI result): each indicator with its baseline, yearly targets and actuals. An indicator may
-- be linked to a figure the platform holds (a member's self-sufficiency or production of a commodity from the Food
-- Balance Database, a hub's capacity, tonnes traded through IFPA): its actuals are then measured from that data
-- (source MEASURED), never typed in.
CREATE TABLE projects.result_indicator (
    id             bigserial     PRIMARY KEY,
    project_id     bigint        NOT NULL REFERENCES projects.project (id) ON DELETE CASCADE,
    position       smallint      NOT NULL,
    -- IATI ResultType: 1 output, 2 outcome, 3 impact.
    result_type    smallint      NOT NULL CHECK (result_type BETWEEN 1 AND 3),
    title_en       text          NOT NULL CHECK (length(title_en) BETWEEN 1 AND 300),
    title_ar       text          NOT NULL CHECK (length(title_ar) BETWEEN 1 AND 300),
    title_fr       text          NOT NULL CHECK (length(title_fr) BETWEEN 1 AND 300),
    unit           text          NOT NULL CHECK (unit IN ('TONNES', 'THOUSAND_TONNES', 'PERCENT', 'COUNT', 'USD')),
    ascending      boolean       NOT NULL DEFAULT true,
    baseline_year  integer       NOT NULL CHECK (baseline_year BETWEEN 1960 AND 2100),
    baseline_value numeric(18,2) NOT NULL,
    link           text          NOT NULL DEFAULT 'NONE'
                                 CHECK (link IN ('NONE', 'SELF_SUFFICIENCY', 'PRODUCTION', 'HUB_CAPACITY',
                                                 'IFPA_TONNES')),
    link_country   char(3)       REFERENCES countries.country (iso3),
    link_commodity text          REFERENCES commodities.commodity (code),
    link_hub       text,
    UNIQUE (project_id, position)
);

CREATE INDEX result_indicator_linked_idx ON projects.result_indicator (link) WHERE link <> 'NONE';

CREATE TABLE projects.result_period (
    indicator_id  bigint        NOT NULL REFERENCES projects.result_indicator (id) ON DELETE CASCADE,
    year          integer       NOT NULL CHECK (year BETWEEN 1960 AND 2100),
    target        numeric(18,2),
    actual        numeric(18,2),
    actual_source text          CHECK (actual_source IN ('ENTERED', 'MEASURED')),
    measured_at   timestamptz,
    PRIMARY KEY (indicator_id, year),
    CHECK ((actual IS NULL) = (actual_source IS NULL))
);
