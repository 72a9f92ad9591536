-- National entry: a focal point drafts a country's balance sheet for a year and submits it; an analyst returns
-- it with a comment or validates it, which publishes its values. Drafts stay apart from published values until then.
CREATE TABLE foodbalance.sheet_draft (
    country_iso3 char(3)     NOT NULL REFERENCES countries.country (iso3),
    year         smallint    NOT NULL CHECK (year BETWEEN 1900 AND 2100),
    status       text        NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'VALIDATED')),
    comment      text        CHECK (length(comment) <= 2000),
    updated_by   text        NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    submitted_by text,
    reviewed_by  text,
    PRIMARY KEY (country_iso3, year)
);

CREATE TABLE foodbalance.draft_value (
    country_iso3 char(3)       NOT NULL,
    year         smallint      NOT NULL,
    item_code    integer       NOT NULL REFERENCES foodbalance.fbs_item (code),
    element_code integer       NOT NULL REFERENCES foodbalance.fbs_element (code),
    value        numeric(18,4) NOT NULL,
    PRIMARY KEY (country_iso3, year, item_code, element_code),
    FOREIGN KEY (country_iso3, year) REFERENCES foodbalance.sheet_draft (country_iso3, year) ON DELETE CASCADE
);
