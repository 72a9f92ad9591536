-- The IOFS Food Balance Database: one supply-utilisation account per member state, FBS item and year.
CREATE SCHEMA IF NOT EXISTS foodbalance;

-- Every FBS item an import has met, whether or not it is a platform commodity (those link through
-- commodities.faostat_item): nothing a file holds is dropped for want of a commodity.
CREATE TABLE foodbalance.fbs_item (
    code       integer     PRIMARY KEY CHECK (code > 0),
    name_en    text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE foodbalance.fbs_element (
    code     integer PRIMARY KEY,
    name_en  text    NOT NULL,
    unit     text    NOT NULL,
    role     text    NOT NULL CHECK (role IN ('POPULATION', 'SUPPLY', 'DOMESTIC_SUPPLY', 'USE', 'PER_CAPITA')),
    position smallint NOT NULL
);

INSERT INTO foodbalance.fbs_element (code, name_en, unit, role, position) VALUES
    (511,  'Total Population - Both sexes', '1000 persons', 'POPULATION', 1),
    (5511, 'Production', '1000 t', 'SUPPLY', 2),
    (5611, 'Import Quantity', '1000 t', 'SUPPLY', 3),
    (5072, 'Stock Variation', '1000 t', 'SUPPLY', 4),
    (5911, 'Export Quantity', '1000 t', 'SUPPLY', 5),
    (5301, 'Domestic supply quantity', '1000 t', 'DOMESTIC_SUPPLY', 6),
    (5521, 'Feed', '1000 t', 'USE', 7),
    (5527, 'Seed', '1000 t', 'USE', 8),
    (5123, 'Losses', '1000 t', 'USE', 9),
    (5131, 'Processing', '1000 t', 'USE', 10),
    (5154, 'Other uses (non-food)', '1000 t', 'USE', 11),
    (5171, 'Tourist consumption', '1000 t', 'USE', 12),
    (5170, 'Residuals', '1000 t', 'USE', 13),
    (5142, 'Food', '1000 t', 'USE', 14),
    (645,  'Food supply quantity (kg/capita/yr)', 'kg', 'PER_CAPITA', 15),
    (664,  'Food supply (kcal/capita/day)', 'kcal/capita/day', 'PER_CAPITA', 16),
    (674,  'Protein supply quantity (g/capita/day)', 'g/capita/day', 'PER_CAPITA', 17),
    (684,  'Fat supply quantity (g/capita/day)', 'g/capita/day', 'PER_CAPITA', 18),
    (661,  'Food supply (kcal)', 'million kcal', 'PER_CAPITA', 19),
    (671,  'Protein supply quantity (t)', 't', 'PER_CAPITA', 20),
    (681,  'Fat supply quantity (t)', 't', 'PER_CAPITA', 21);

-- One row per file imported, applied or not: who, what, and what it did.
CREATE TABLE foodbalance.import_run (
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
    skipped_aggregates  bigint      NOT NULL DEFAULT 0,
    skipped_non_members bigint      NOT NULL DEFAULT 0,
    problems            bigint      NOT NULL DEFAULT 0,
    message             text,
    started_at          timestamptz NOT NULL,
    duration_ms         bigint      NOT NULL DEFAULT 0
);

CREATE INDEX import_run_sha_idx ON foodbalance.import_run (sha256);

CREATE TABLE foodbalance.balance_value (
    country_iso3  char(3)       NOT NULL REFERENCES countries.country (iso3),
    item_code     integer       NOT NULL REFERENCES foodbalance.fbs_item (code),
    element_code  integer       NOT NULL REFERENCES foodbalance.fbs_element (code),
    year          smallint      NOT NULL CHECK (year BETWEEN 1900 AND 2100),
    value         numeric(18,4) NOT NULL,
    unit          text          NOT NULL,
    flag          text          NOT NULL DEFAULT '',
    flag_class    text          NOT NULL CHECK (flag_class IN ('OFFICIAL', 'ESTIMATED', 'IMPUTED', 'UNOFFICIAL',
                                                               'MISSING', 'AGGREGATE')),
    source_import bigint        REFERENCES foodbalance.import_run (id),
    source_user   text,
    status        text          NOT NULL DEFAULT 'PUBLISHED' CHECK (status IN ('DRAFT', 'SUBMITTED', 'VALIDATED',
                                                                                'PUBLISHED')),
    updated_at    timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (country_iso3, item_code, element_code, year),
    CHECK (source_import IS NOT NULL OR source_user IS NOT NULL)
);

-- Indicators and OIC-wide sums read one item and year across all members.
CREATE INDEX balance_value_item_year_idx ON foodbalance.balance_value (item_code, year, element_code);

-- FAOSTAT flags to a small set of classes. FAOSTAT changed its scheme in about 2022: in the old one a blank
-- flag is official and 'A' an aggregate; in the new one 'A' is official. The importer decides which scheme a
-- file uses (old-only flags such as F, Fc, Im or * appear in it) and passes it here. Files without flag columns
-- (NOFLAG) date from the old scheme, where blank means official.
CREATE FUNCTION foodbalance.flag_class(flag text, old_scheme boolean) RETURNS text
    LANGUAGE sql IMMUTABLE AS
$$
SELECT CASE
           WHEN old_scheme THEN
               CASE
                   WHEN flag IN ('', 'X') THEN 'OFFICIAL'
                   WHEN flag = '*' THEN 'UNOFFICIAL'
                   WHEN flag = 'Im' THEN 'IMPUTED'
                   WHEN flag IN ('M', 'NR', 'NV') THEN 'MISSING'
                   WHEN flag = 'A' THEN 'AGGREGATE'
                   ELSE 'ESTIMATED'
               END
           ELSE
               CASE
                   WHEN flag IN ('', 'A', 'X', 'B') THEN 'OFFICIAL'
                   WHEN flag = 'I' THEN 'IMPUTED'
                   WHEN flag = 'T' THEN 'UNOFFICIAL'
                   WHEN flag IN ('M', 'O', 'Q', 'L') THEN 'MISSING'
                   ELSE 'ESTIMATED'
               END
       END
$$;
