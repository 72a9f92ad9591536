-- Organisations: the IOFS Secretariat, member-state agencies, companies and partner institutions every account
-- belongs to. The trade and project capabilities extend them later.
CREATE SCHEMA IF NOT EXISTS organisations;

CREATE TABLE organisations.organisation (
    id           uuid        PRIMARY KEY,
    type         text        NOT NULL CHECK (type IN ('IOFS_SECRETARIAT', 'MEMBER_STATE_AGENCY', 'COMPANY',
                                                      'PARTNER_INSTITUTION')),
    country_iso3 char(3)     REFERENCES countries.country (iso3),
    name_en      text        NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    name_ar      text        NOT NULL CHECK (length(name_ar) BETWEEN 1 AND 200),
    name_fr      text        NOT NULL CHECK (length(name_fr) BETWEEN 1 AND 200),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX organisation_name_en_key ON organisations.organisation (lower(name_en));
CREATE INDEX organisation_country_idx ON organisations.organisation (country_iso3);
