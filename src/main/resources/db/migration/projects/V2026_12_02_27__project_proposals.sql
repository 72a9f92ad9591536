-- Updates a member's focal point proposes to a project of its member (a stage reached, a date moved, a figure
-- corrected); the Secretariat, which edits projects, accepts or declines each with a reply.
CREATE TABLE projects.proposal (
    id           bigserial   PRIMARY KEY,
    project_id   bigint      NOT NULL REFERENCES projects.project (id) ON DELETE CASCADE,
    country_iso3 char(3)     NOT NULL REFERENCES countries.country (iso3),
    topic        text        NOT NULL CHECK (topic IN ('STAGE', 'DATES', 'FINANCING', 'RESULTS', 'LOCATIONS',
                                                       'DESCRIPTION', 'OTHER')),
    text         text        NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
    status       text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ACCEPTED', 'DECLINED')),
    reply        text        NOT NULL DEFAULT '' CHECK (length(reply) <= 4000),
    proposed_by  text        NOT NULL,
    proposed_at  timestamptz NOT NULL,
    decided_by   text,
    decided_at   timestamptz
);

CREATE INDEX proposal_project_idx ON projects.proposal (project_id, proposed_at DESC);
CREATE INDEX proposal_open_idx ON projects.proposal (proposed_at) WHERE status = 'OPEN';
