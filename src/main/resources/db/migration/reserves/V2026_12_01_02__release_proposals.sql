-- The Secretariat proposes a release request to a member's focal points, for instance after a price alert; the focal
-- points see it on their release page and draft the request from it (or not: the request stays theirs to make).
CREATE TABLE reserves.release_proposal (
    id             bigserial   PRIMARY KEY,
    country_iso3   char(3)     NOT NULL REFERENCES countries.country (iso3),
    commodity_code text        NOT NULL REFERENCES commodities.commodity (code),
    reason         text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    proposed_by    text        NOT NULL,
    proposed_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX release_proposal_country_idx ON reserves.release_proposal (country_iso3, proposed_at DESC);
