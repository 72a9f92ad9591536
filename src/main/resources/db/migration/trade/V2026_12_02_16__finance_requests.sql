-- Shariah-compliant finance of IFPA deals: the buyer asks a financial institution to finance a deal under one of
-- five modes; the request follows ITFC's two-step states (requested, approved, agreement signed, guarantee issued,
-- supplier paid, goods delivered, repaying, repaid, guarantee released), as the transition table says who may take
-- which step from which status.
CREATE TABLE trade.finance_transition (
    action      text NOT NULL CHECK (action ~ '^[a-z-]+$'),
    from_status text NOT NULL,
    to_status   text NOT NULL,
    taken_by    text NOT NULL CHECK (taken_by IN ('BUYER', 'FINANCIER')),
    PRIMARY KEY (action, from_status)
);

INSERT INTO trade.finance_transition (action, from_status, to_status, taken_by) VALUES
    ('approve',           'REQUESTED',        'APPROVED',           'FINANCIER'),
    ('decline',           'REQUESTED',        'DECLINED',           'FINANCIER'),
    ('withdraw',          'REQUESTED',        'WITHDRAWN',          'BUYER'),
    ('withdraw',          'APPROVED',         'WITHDRAWN',          'BUYER'),
    ('sign',              'APPROVED',         'AGREEMENT_SIGNED',   'FINANCIER'),
    ('issue-guarantee',   'AGREEMENT_SIGNED', 'GUARANTEE_ISSUED',   'FINANCIER'),
    ('pay-supplier',      'GUARANTEE_ISSUED', 'SUPPLIER_PAID',      'FINANCIER'),
    ('confirm-delivery',  'SUPPLIER_PAID',    'GOODS_DELIVERED',    'BUYER'),
    ('start-repaying',    'GOODS_DELIVERED',  'REPAYING',           'FINANCIER'),
    ('mark-repaid',       'REPAYING',         'REPAID',             'FINANCIER'),
    ('release-guarantee', 'REPAID',           'GUARANTEE_RELEASED', 'FINANCIER');

CREATE TABLE trade.finance_request (
    id                      bigserial     PRIMARY KEY,
    deal_id                 bigint        NOT NULL REFERENCES trade.deal (id),
    buyer_id                uuid          NOT NULL REFERENCES trade.company (organisation_id),
    financier_id            uuid          NOT NULL REFERENCES organisations.organisation (id),
    mode                    text          NOT NULL CHECK (mode IN ('MURABAHA', 'SALAM', 'ISTISNAA', 'IJARA', 'MUSHARAKA')),
    currency                char(3)       NOT NULL,
    status                  text          NOT NULL DEFAULT 'REQUESTED'
                                          CHECK (status IN ('REQUESTED', 'APPROVED', 'DECLINED', 'WITHDRAWN',
                                                            'AGREEMENT_SIGNED', 'GUARANTEE_ISSUED', 'SUPPLIER_PAID',
                                                            'GOODS_DELIVERED', 'REPAYING', 'REPAID',
                                                            'GUARANTEE_RELEASED')),
    -- The schedule's figures (see FinanceSchedules): cost, mark-up (murabaha), price the lines sum to, and the
    -- financier's share of the capital (musharaka).
    cost                    numeric(16,2) NOT NULL,
    markup                  numeric(16,2) NOT NULL,
    price                   numeric(16,2) NOT NULL,
    financier_share_percent numeric(7,4),
    -- The terms as given, from which the schedule is computed; fixed at signing.
    terms                   jsonb         NOT NULL,
    contract_number         text          CHECK (length(contract_number) <= 100),
    signed_on               date,
    shariah_reference       text          CHECK (length(shariah_reference) <= 200),
    guarantee               text          CHECK (length(guarantee) <= 500),
    note                    text          NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    requested_by            text          NOT NULL,
    requested_at            timestamptz   NOT NULL,
    demo                    boolean       NOT NULL DEFAULT false
);

-- One live request per deal; a declined or withdrawn one leaves room for another.
CREATE UNIQUE INDEX finance_request_live_idx ON trade.finance_request (deal_id)
    WHERE status NOT IN ('DECLINED', 'WITHDRAWN');
CREATE INDEX finance_request_financier_idx ON trade.finance_request (financier_id, id DESC);
CREATE INDEX finance_request_buyer_idx ON trade.finance_request (buyer_id, id DESC);

CREATE TABLE trade.finance_schedule_line (
    request_id bigint        NOT NULL REFERENCES trade.finance_request (id) ON DELETE CASCADE,
    seq        int           NOT NULL,
    due_on     date          NOT NULL,
    kind       text          NOT NULL CHECK (kind IN ('INSTALMENT', 'PRICE', 'DELIVERY', 'MILESTONE', 'RENT',
                                                      'PURCHASE', 'BUY_OUT')),
    amount     numeric(16,2) NOT NULL CHECK (amount >= 0),
    tonnes     numeric(14,3),
    PRIMARY KEY (request_id, seq)
);

CREATE TABLE trade.finance_event (
    id          bigserial   PRIMARY KEY,
    request_id  bigint      NOT NULL REFERENCES trade.finance_request (id) ON DELETE CASCADE,
    from_status text,
    to_status   text        NOT NULL,
    actor       text        NOT NULL,
    note        text        NOT NULL DEFAULT '',
    at          timestamptz NOT NULL
);

CREATE INDEX finance_event_request_idx ON trade.finance_event (request_id, id);
