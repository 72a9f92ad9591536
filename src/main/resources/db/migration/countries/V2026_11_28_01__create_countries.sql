-- The OIC member states: the countries every other module refers to by ISO 3166-1 alpha-3 code.
CREATE SCHEMA IF NOT EXISTS countries;

CREATE TABLE countries.country (
    iso3             char(3)      PRIMARY KEY CHECK (iso3 ~ '^[A-Z]{3}$'),
    iso2             char(2)      NOT NULL UNIQUE CHECK (iso2 ~ '^[A-Z]{2}$'),
    m49              char(3)      NOT NULL UNIQUE CHECK (m49 ~ '^[0-9]{3}$'),
    fao_area_code    integer      NOT NULL UNIQUE CHECK (fao_area_code > 0),
    oic_group        text         NOT NULL CHECK (oic_group IN ('ARAB', 'AFRICAN', 'ASIAN')),
    oic_member_since smallint     NOT NULL CHECK (oic_member_since BETWEEN 1969 AND 2100),
    iofs_status      text         NOT NULL CHECK (iofs_status IN ('RATIFIED', 'SIGNED', 'UNKNOWN')),
    name_en          text         NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    name_ar          text         NOT NULL CHECK (length(name_ar) BETWEEN 1 AND 200),
    name_fr          text         NOT NULL CHECK (length(name_fr) BETWEEN 1 AND 200),
    capital_en       text         NOT NULL,
    capital_ar       text         NOT NULL,
    capital_fr       text         NOT NULL,
    capital_lat      numeric(7,4) NOT NULL CHECK (capital_lat BETWEEN -90 AND 90),
    capital_lon      numeric(7,4) NOT NULL CHECK (capital_lon BETWEEN -180 AND 180),
    updated_at       timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX country_oic_group_idx ON countries.country (oic_group);
