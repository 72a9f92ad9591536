-- A member company's application beyond its legal identity: its sites (public with the company once verified), its
-- contacts and its documents (seen only by the company and the Secretariat; erased on the company's request).

CREATE TABLE trade.company_site (
    id           bigserial PRIMARY KEY,
    company_id   uuid      NOT NULL REFERENCES trade.company (organisation_id),
    kind         text      NOT NULL CHECK (kind IN ('PLANT', 'WAREHOUSE', 'OFFICE', 'FARM', 'PORT_TERMINAL')),
    name         text      NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    address      text      NOT NULL CHECK (length(address) BETWEEN 1 AND 500),
    country_iso3 char(3)   NOT NULL REFERENCES countries.country (iso3),
    position     int       NOT NULL
);

CREATE INDEX company_site_company_idx ON trade.company_site (company_id, position);

CREATE TABLE trade.company_contact (
    id         bigserial PRIMARY KEY,
    company_id uuid      NOT NULL REFERENCES trade.company (organisation_id),
    name       text      NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    title      text      NOT NULL DEFAULT '' CHECK (length(title) <= 200),
    email      text      NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' AND length(email) <= 254),
    phone      text      NOT NULL DEFAULT '' CHECK (phone ~ '^(\+?[0-9 ()-]{6,30})?$'),
    position   int       NOT NULL
);

CREATE INDEX company_contact_company_idx ON trade.company_contact (company_id, position);

CREATE TABLE trade.company_document (
    id           bigserial   PRIMARY KEY,
    company_id   uuid        NOT NULL REFERENCES trade.company (organisation_id),
    kind         text        NOT NULL CHECK (kind IN ('REGISTRATION', 'TAX', 'LICENCE', 'OWNERSHIP', 'OTHER')),
    file_name    text        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
    content_type text        NOT NULL CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg')),
    size_bytes   int         NOT NULL CHECK (size_bytes BETWEEN 1 AND 20971520),
    sha256       char(64)    NOT NULL,
    content      bytea       NOT NULL,
    uploaded_at  timestamptz NOT NULL,
    uploaded_by  text        NOT NULL,
    -- The same file twice is one document.
    UNIQUE (company_id, sha256)
);

ALTER TABLE trade.company_document ALTER COLUMN content SET STORAGE EXTERNAL;
CREATE INDEX company_document_company_idx ON trade.company_document (company_id, id);
