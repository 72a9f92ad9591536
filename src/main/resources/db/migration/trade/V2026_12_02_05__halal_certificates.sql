-- Halal certificates of IFPA companies, the certifying bodies that issue them, and which bodies each member state
-- recognises. A certificate counts for a trade only if valid on the shipment and arrival dates, its scope covers
-- the product and the destination recognises its body.

CREATE TABLE trade.certifying_body (
    code                 text    PRIMARY KEY CHECK (code ~ '^[A-Z0-9-]{2,40}$'),
    name_en              text    NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    name_ar              text    NOT NULL CHECK (length(name_ar) BETWEEN 1 AND 200),
    name_fr              text    NOT NULL CHECK (length(name_fr) BETWEEN 1 AND 200),
    country_iso3         char(3) REFERENCES countries.country (iso3),
    demo                 boolean NOT NULL DEFAULT false
);

-- The certifying bodies a member state accepts for imports; administrators edit it.
CREATE TABLE trade.recognition (
    country_iso3 char(3) NOT NULL REFERENCES countries.country (iso3),
    body_code    text    NOT NULL REFERENCES trade.certifying_body (code),
    PRIMARY KEY (country_iso3, body_code)
);

CREATE TABLE trade.halal_certificate (
    id                   bigserial   PRIMARY KEY,
    company_id           uuid        NOT NULL REFERENCES trade.company (organisation_id),
    number               text        NOT NULL CHECK (length(number) BETWEEN 1 AND 100),
    holder               text        NOT NULL CHECK (length(holder) BETWEEN 1 AND 200),
    sites                text[]      NOT NULL DEFAULT '{}',
    body_code            text        NOT NULL REFERENCES trade.certifying_body (code),
    accreditation_body   text        NOT NULL CHECK (length(accreditation_body) BETWEEN 1 AND 200),
    accreditation_number text        NOT NULL CHECK (length(accreditation_number) BETWEEN 1 AND 100),
    -- The standard as data (OIC/SMIIC 1, GSO 2055-1, MS 1500, others) with its edition.
    standard             text        NOT NULL CHECK (length(standard) BETWEEN 1 AND 100),
    edition              text        NOT NULL DEFAULT '',
    -- Products covered, by HS code (headings or subheadings; a heading covers its subheadings).
    scope_hs             text[]      NOT NULL CHECK (cardinality(scope_hs) > 0),
    scope_note           text        NOT NULL DEFAULT '',
    issued_on            date        NOT NULL,
    expires_on           date        NOT NULL,
    status               text        NOT NULL DEFAULT 'VALID'
                                     CHECK (status IN ('VALID', 'SUSPENDED', 'WITHDRAWN', 'EXPIRED')),
    document             bytea,
    document_type        text        CHECK (document_type IN ('application/pdf', 'image/png', 'image/jpeg')),
    document_sha256      char(64),
    expiry_warned_on     date,
    created_at           timestamptz NOT NULL DEFAULT now(),
    demo                 boolean     NOT NULL DEFAULT false,
    UNIQUE (body_code, number),
    CHECK (expires_on > issued_on),
    CHECK ((document IS NULL) = (document_sha256 IS NULL))
);

-- The document is read only when asked for; it stays out of line and is not compressed again (PDF, PNG, JPEG are).
ALTER TABLE trade.halal_certificate ALTER COLUMN document SET STORAGE EXTERNAL;

CREATE INDEX halal_certificate_company_idx ON trade.halal_certificate (company_id);
CREATE INDEX halal_certificate_expiry_idx ON trade.halal_certificate (expires_on) WHERE status = 'VALID';
