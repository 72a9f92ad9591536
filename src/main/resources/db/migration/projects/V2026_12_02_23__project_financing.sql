-- A project's financing: commitments, disbursements, expenditure and repayments per financier, each with its
-- Islamic mode and its value in US dollars at the month's rate; the rates as loaded from CSV.
CREATE TABLE projects.fx_rate (
    currency     char(3)        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    month        date           NOT NULL CHECK (extract(day FROM month) = 1),
    usd_per_unit numeric(18,8)  NOT NULL CHECK (usd_per_unit > 0),
    PRIMARY KEY (currency, month)
);

CREATE TABLE projects.project_transaction (
    id             bigserial     PRIMARY KEY,
    project_id     bigint        NOT NULL REFERENCES projects.project (id) ON DELETE CASCADE,
    -- IATI TransactionType: 1 incoming funds, 2 commitment, 3 disbursement, 4 expenditure, 6 loan repayment,
    -- 11 incoming commitment.
    type           smallint      NOT NULL CHECK (type IN (1, 2, 3, 4, 6, 11)),
    transaction_on date          NOT NULL,
    currency       char(3)       NOT NULL,
    value          numeric(16,2) NOT NULL CHECK (value > 0),
    value_usd      numeric(16,2) NOT NULL CHECK (value_usd > 0),
    financier_name text          NOT NULL CHECK (length(financier_name) BETWEEN 1 AND 200),
    financier_ref  text          NOT NULL DEFAULT '',
    financier_type text          NOT NULL CHECK (financier_type ~ '^[0-9]{2}$'),
    mode           text          NOT NULL CHECK (mode IN ('GRANT', 'MURABAHA', 'ISTISNAA', 'IJARA', 'MUSHARAKA',
                                                          'SALAM')),
    created_by     text          NOT NULL,
    demo           boolean       NOT NULL DEFAULT false
);

CREATE INDEX project_transaction_project_idx ON projects.project_transaction (project_id, transaction_on);
