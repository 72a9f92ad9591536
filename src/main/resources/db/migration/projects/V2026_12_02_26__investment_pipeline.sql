-- The investment pipeline: a project seeking finance states the US dollars it needs (its funding gap is that less
-- what financiers have committed); investors (financial institutions, IFPA companies) express interest; the
-- Secretariat moves each opportunity through due diligence and a term sheet to committed or declined, and a
-- commitment becomes the project's financing transaction.
ALTER TABLE projects.project
    ADD COLUMN seeking_usd numeric(16,2) CHECK (seeking_usd > 0);

CREATE TABLE projects.opportunity (
    id             bigserial     PRIMARY KEY,
    project_id     bigint        NOT NULL REFERENCES projects.project (id) ON DELETE CASCADE,
    investor_id    uuid          NOT NULL,
    investor_name  text          NOT NULL,
    investor_type  text          NOT NULL CHECK (investor_type ~ '^[0-9]{2}$'),
    amount_usd     numeric(16,2) NOT NULL CHECK (amount_usd > 0),
    mode           text          NOT NULL CHECK (mode IN ('GRANT', 'MURABAHA', 'ISTISNAA', 'IJARA', 'MUSHARAKA',
                                                          'SALAM')),
    status         text          NOT NULL DEFAULT 'INTEREST'
                                 CHECK (status IN ('INTEREST', 'DUE_DILIGENCE', 'TERM_SHEET', 'COMMITTED',
                                                   'DECLINED')),
    note           text          NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    transaction_id bigint        REFERENCES projects.project_transaction (id),
    created_at     timestamptz   NOT NULL,
    updated_at     timestamptz   NOT NULL,
    demo           boolean       NOT NULL DEFAULT false
);

-- One open opportunity per investor and project: a declined one may be followed by a new expression of interest.
CREATE UNIQUE INDEX opportunity_open_idx ON projects.opportunity (project_id, investor_id)
    WHERE status NOT IN ('COMMITTED', 'DECLINED');
CREATE INDEX opportunity_investor_idx ON projects.opportunity (investor_id, id DESC);

CREATE TABLE projects.opportunity_step (
    opportunity_id bigint      NOT NULL REFERENCES projects.opportunity (id) ON DELETE CASCADE,
    at             timestamptz NOT NULL,
    from_status    text,
    to_status      text        NOT NULL,
    taken_by       text        NOT NULL,
    note           text        NOT NULL DEFAULT ''
);

CREATE INDEX opportunity_step_idx ON projects.opportunity_step (opportunity_id, at);
