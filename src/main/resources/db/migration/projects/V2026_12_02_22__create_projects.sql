-- Regional cluster projects and national projects: what IOFS publishes about each (titles and descriptions in three
-- languages, the stage of the IsDB cycle, member states and DAC sectors with their shares, participating
-- organisations with their IATI role, dates), from which the IATI 2.03 export is written.
CREATE SCHEMA IF NOT EXISTS projects;

CREATE TABLE projects.project (
    id                bigserial   PRIMARY KEY,
    code              text        NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,39}$'),
    title_en          text        NOT NULL CHECK (length(title_en) BETWEEN 1 AND 300),
    title_ar          text        NOT NULL CHECK (length(title_ar) BETWEEN 1 AND 300),
    title_fr          text        NOT NULL CHECK (length(title_fr) BETWEEN 1 AND 300),
    description_en    text        NOT NULL DEFAULT '' CHECK (length(description_en) <= 5000),
    description_ar    text        NOT NULL DEFAULT '' CHECK (length(description_ar) <= 5000),
    description_fr    text        NOT NULL DEFAULT '' CHECK (length(description_fr) <= 5000),
    kind              text        NOT NULL CHECK (kind IN ('REGIONAL_CLUSTER', 'NATIONAL_PROJECT', 'PROGRAMME',
                                                           'TECHNICAL_ASSISTANCE')),
    stage             text        NOT NULL CHECK (stage IN ('IDENTIFICATION', 'PREPARATION', 'APPRAISAL', 'APPROVAL',
                                                            'EFFECTIVENESS', 'IMPLEMENTATION', 'COMPLETION',
                                                            'EVALUATION')),
    value_chain_stage text        NOT NULL CHECK (value_chain_stage IN ('INPUTS', 'PRODUCTION', 'STORAGE',
                                                                        'PROCESSING', 'TRADE', 'CONSUMPTION')),
    commodities       text[]      NOT NULL DEFAULT '{}',
    planned_start     date        NOT NULL,
    planned_end       date,
    actual_start      date,
    actual_end        date,
    published         boolean     NOT NULL DEFAULT false,
    updated_at        timestamptz NOT NULL,
    demo              boolean     NOT NULL DEFAULT false,
    CHECK (planned_end IS NULL OR planned_end >= planned_start),
    CHECK (actual_end IS NULL OR (actual_start IS NOT NULL AND actual_end >= actual_start))
);

-- Member states with their share of the project; the shares sum to 100 (checked by the service that writes them).
CREATE TABLE projects.project_country (
    project_id   bigint       NOT NULL REFERENCES projects.project (id) ON DELETE CASCADE,
    country_iso3 char(3)      NOT NULL REFERENCES countries.country (iso3),
    percentage   numeric(5,2) NOT NULL CHECK (percentage > 0 AND percentage <= 100),
    PRIMARY KEY (project_id, country_iso3)
);

CREATE INDEX project_country_idx ON projects.project_country (country_iso3);

-- DAC 5-digit sectors (IATI sector vocabulary 1) with their share; the shares sum to 100.
CREATE TABLE projects.project_sector (
    project_id bigint       NOT NULL REFERENCES projects.project (id) ON DELETE CASCADE,
    code       char(5)      NOT NULL,
    percentage numeric(5,2) NOT NULL CHECK (percentage > 0 AND percentage <= 100),
    PRIMARY KEY (project_id, code)
);

-- Participating organisations with their IATI role (1 funding, 2 accountable, 3 extending, 4 implementing) and
-- IATI organisation type.
CREATE TABLE projects.project_organisation (
    project_id bigint   NOT NULL REFERENCES projects.project (id) ON DELETE CASCADE,
    position   smallint NOT NULL,
    name       text     NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    ref        text     NOT NULL DEFAULT '' CHECK (length(ref) <= 100),
    role       smallint NOT NULL CHECK (role BETWEEN 1 AND 4),
    type       text     NOT NULL CHECK (type ~ '^[0-9]{2}$'),
    PRIMARY KEY (project_id, position)
);
