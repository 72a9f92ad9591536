-- A project's yearly budgets and planned disbursements (IATI budget and planned-disbursement, each period at most a
-- year), its locations as points on the map, and its documents (stored here, published by their address).
CREATE TABLE projects.project_budget (
    id             bigserial     PRIMARY KEY,
    project_id     bigint        NOT NULL REFERENCES projects.project (id) ON DELETE CASCADE,
    kind           text          NOT NULL CHECK (kind IN ('BUDGET', 'PLANNED_DISBURSEMENT')),
    -- IATI BudgetStatus for a budget: 1 indicative, 2 committed.
    status         smallint      NOT NULL DEFAULT 1 CHECK (status IN (1, 2)),
    period_start   date          NOT NULL,
    period_end     date          NOT NULL,
    currency       char(3)       NOT NULL,
    value          numeric(16,2) NOT NULL CHECK (value > 0),
    value_usd      numeric(16,2) NOT NULL CHECK (value_usd > 0),
    financier_name text          NOT NULL DEFAULT '',
    financier_type text          NOT NULL DEFAULT '',
    demo           boolean       NOT NULL DEFAULT false,
    CHECK (period_end >= period_start AND period_end < period_start + interval '1 year')
);

CREATE INDEX project_budget_project_idx ON projects.project_budget (project_id, kind, period_start);

CREATE TABLE projects.project_location (
    project_id   bigint        NOT NULL REFERENCES projects.project (id) ON DELETE CASCADE,
    position     smallint      NOT NULL,
    name_en      text          NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    name_ar      text          NOT NULL CHECK (length(name_ar) BETWEEN 1 AND 200),
    name_fr      text          NOT NULL CHECK (length(name_fr) BETWEEN 1 AND 200),
    country_iso3 char(3)       NOT NULL REFERENCES countries.country (iso3),
    latitude     numeric(8,5)  NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude    numeric(8,5)  NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    -- IATI GeographicExactness: 1 exact, 2 approximate.
    exactness    smallint      NOT NULL DEFAULT 1 CHECK (exactness IN (1, 2)),
    PRIMARY KEY (project_id, position)
);

CREATE TABLE projects.project_document (
    id           bigserial     PRIMARY KEY,
    project_id   bigint        NOT NULL REFERENCES projects.project (id) ON DELETE CASCADE,
    title_en     text          NOT NULL CHECK (length(title_en) BETWEEN 1 AND 300),
    title_ar     text          NOT NULL CHECK (length(title_ar) BETWEEN 1 AND 300),
    title_fr     text          NOT NULL CHECK (length(title_fr) BETWEEN 1 AND 300),
    -- IATI DocumentCategory, e.g. A02 objectives, A07 pre- and post-project impact appraisal, A08 review.
    category     char(3)       NOT NULL CHECK (category ~ '^[AB][0-9]{2}$'),
    document_on  date          NOT NULL,
    media_type   text          NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
    sha256       char(64)      NOT NULL,
    content      bytea         NOT NULL,
    size_bytes   integer       NOT NULL CHECK (size_bytes BETWEEN 1 AND 20971520),
    uploaded_by  text          NOT NULL,
    uploaded_at  timestamptz   NOT NULL,
    UNIQUE (project_id, sha256)
);
