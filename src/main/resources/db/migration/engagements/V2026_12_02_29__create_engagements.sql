-- Engagements: the Secretariat's visits, missions, meetings, forums, signing ceremonies and calls with member states
-- and partners; who took part; what they were about (topics pointing at what the platform holds); what was
-- committed; memoranda of understanding; and the follow-up actions, each with an owner and a due date.
CREATE SCHEMA IF NOT EXISTS engagements;

CREATE TABLE engagements.engagement (
    id              bigserial   PRIMARY KEY,
    kind            text        NOT NULL CHECK (kind IN ('VISIT_TO_IOFS', 'MISSION', 'BILATERAL_MEETING', 'FORUM',
                                                         'SIGNING_CEREMONY', 'VIDEO_CALL')),
    title_en        text        NOT NULL CHECK (length(title_en) BETWEEN 1 AND 300),
    title_ar        text        NOT NULL CHECK (length(title_ar) BETWEEN 1 AND 300),
    title_fr        text        NOT NULL CHECK (length(title_fr) BETWEEN 1 AND 300),
    starts_on       date        NOT NULL,
    ends_on         date        NOT NULL,
    place_en        text        NOT NULL CHECK (length(place_en) BETWEEN 1 AND 200),
    place_ar        text        NOT NULL CHECK (length(place_ar) BETWEEN 1 AND 200),
    place_fr        text        NOT NULL CHECK (length(place_fr) BETWEEN 1 AND 200),
    agenda          text        NOT NULL DEFAULT '' CHECK (length(agenda) <= 10000),
    -- Minutes are the Secretariat's alone unless the engagement is shared and its minutes are not confidential.
    minutes         text        NOT NULL DEFAULT '' CHECK (length(minutes) <= 50000),
    minutes_confidential boolean NOT NULL DEFAULT true,
    -- SECRETARIAT: the Secretariat only; COUNTRIES: also the focal points of the member states involved.
    shared_with     text        NOT NULL DEFAULT 'SECRETARIAT' CHECK (shared_with IN ('SECRETARIAT', 'COUNTRIES')),
    created_by      text        NOT NULL,
    updated_at      timestamptz NOT NULL,
    demo            boolean     NOT NULL DEFAULT false,
    CHECK (ends_on >= starts_on)
);

CREATE INDEX engagement_starts_idx ON engagements.engagement (starts_on DESC, id DESC);

CREATE TABLE engagements.engagement_country (
    engagement_id bigint  NOT NULL REFERENCES engagements.engagement (id) ON DELETE CASCADE,
    country_iso3  char(3) NOT NULL REFERENCES countries.country (iso3),
    PRIMARY KEY (engagement_id, country_iso3)
);

CREATE INDEX engagement_country_idx ON engagements.engagement_country (country_iso3, engagement_id);

-- Partner organisations involved, as the platform knows them (their names in three languages live there).
CREATE TABLE engagements.engagement_partner (
    engagement_id   bigint NOT NULL REFERENCES engagements.engagement (id) ON DELETE CASCADE,
    organisation_id uuid   NOT NULL,
    PRIMARY KEY (engagement_id, organisation_id)
);

CREATE INDEX engagement_partner_idx ON engagements.engagement_partner (organisation_id, engagement_id);

CREATE TABLE engagements.participant (
    engagement_id bigint   NOT NULL REFERENCES engagements.engagement (id) ON DELETE CASCADE,
    position      smallint NOT NULL,
    person        text     NOT NULL CHECK (length(person) BETWEEN 1 AND 200),
    post          text     NOT NULL DEFAULT '' CHECK (length(post) <= 200),
    organisation  text     NOT NULL DEFAULT '' CHECK (length(organisation) <= 200),
    side          text     NOT NULL CHECK (side IN ('IOFS', 'MEMBER_STATE', 'PARTNER')),
    country_iso3  char(3)  REFERENCES countries.country (iso3),
    head          boolean  NOT NULL DEFAULT false,
    PRIMARY KEY (engagement_id, position)
);

-- What an engagement was about, pointing at what the platform holds.
CREATE TABLE engagements.topic (
    engagement_id bigint NOT NULL REFERENCES engagements.engagement (id) ON DELETE CASCADE,
    kind          text   NOT NULL CHECK (kind IN ('COMMODITY', 'HUB', 'RESERVE', 'PROJECT', 'COMPANY', 'RELEASE',
                                                  'ECOSYSTEM')),
    ref           text   NOT NULL,
    PRIMARY KEY (engagement_id, kind, ref)
);

CREATE INDEX topic_ref_idx ON engagements.topic (kind, ref);

-- Outcomes: who committed to what.
CREATE TABLE engagements.commitment (
    id            bigserial PRIMARY KEY,
    engagement_id bigint    NOT NULL REFERENCES engagements.engagement (id) ON DELETE CASCADE,
    party         text      NOT NULL CHECK (length(party) BETWEEN 1 AND 200),
    text_en       text      NOT NULL CHECK (length(text_en) BETWEEN 1 AND 2000),
    text_ar       text      NOT NULL CHECK (length(text_ar) BETWEEN 1 AND 2000),
    text_fr       text      NOT NULL CHECK (length(text_fr) BETWEEN 1 AND 2000)
);

CREATE INDEX commitment_engagement_idx ON engagements.commitment (engagement_id);

CREATE TABLE engagements.document (
    id            bigserial   PRIMARY KEY,
    engagement_id bigint      REFERENCES engagements.engagement (id) ON DELETE CASCADE,
    title         text        NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    media_type    text        NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
    sha256        char(64)    NOT NULL,
    content       bytea       NOT NULL,
    size_bytes    integer     NOT NULL CHECK (size_bytes BETWEEN 1 AND 20971520),
    uploaded_by   text        NOT NULL,
    uploaded_at   timestamptz NOT NULL
);

CREATE INDEX document_engagement_idx ON engagements.document (engagement_id);

CREATE TABLE engagements.memorandum (
    id             bigserial   PRIMARY KEY,
    engagement_id  bigint      REFERENCES engagements.engagement (id) ON DELETE SET NULL,
    subject_en     text        NOT NULL CHECK (length(subject_en) BETWEEN 1 AND 300),
    subject_ar     text        NOT NULL CHECK (length(subject_ar) BETWEEN 1 AND 300),
    subject_fr     text        NOT NULL CHECK (length(subject_fr) BETWEEN 1 AND 300),
    status         text        NOT NULL DEFAULT 'DRAFT'
                               CHECK (status IN ('DRAFT', 'NEGOTIATING', 'SIGNED', 'IN_FORCE', 'EXPIRED', 'TERMINATED')),
    signed_on      date,
    valid_until    date,
    document_id    bigint      REFERENCES engagements.document (id),
    expiry_warned  boolean     NOT NULL DEFAULT false,
    updated_at     timestamptz NOT NULL,
    demo           boolean     NOT NULL DEFAULT false,
    CHECK (valid_until IS NULL OR signed_on IS NULL OR valid_until > signed_on),
    CHECK (status NOT IN ('SIGNED', 'IN_FORCE', 'EXPIRED') OR signed_on IS NOT NULL)
);

CREATE INDEX memorandum_in_force_idx ON engagements.memorandum (valid_until) WHERE status = 'IN_FORCE';

-- A memorandum's parties: member states and partner organisations (IOFS is always one).
CREATE TABLE engagements.memorandum_party (
    memorandum_id   bigint  NOT NULL REFERENCES engagements.memorandum (id) ON DELETE CASCADE,
    country_iso3    char(3) REFERENCES countries.country (iso3),
    organisation_id uuid,
    CHECK ((country_iso3 IS NULL) <> (organisation_id IS NULL))
);

CREATE INDEX memorandum_party_country_idx ON engagements.memorandum_party (country_iso3);

CREATE TABLE engagements.action (
    id             bigserial   PRIMARY KEY,
    engagement_id  bigint      REFERENCES engagements.engagement (id) ON DELETE CASCADE,
    commitment_id  bigint      REFERENCES engagements.commitment (id) ON DELETE SET NULL,
    memorandum_id  bigint      REFERENCES engagements.memorandum (id) ON DELETE CASCADE,
    title          text        NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    owner_id       uuid        NOT NULL,
    due_on         date        NOT NULL,
    status         text        NOT NULL DEFAULT 'NEEDS_ACTION'
                               CHECK (status IN ('NEEDS_ACTION', 'IN_PROCESS', 'COMPLETED', 'CANCELLED')),
    reminded_week  boolean     NOT NULL DEFAULT false,
    reminded_due   boolean     NOT NULL DEFAULT false,
    created_by     text        NOT NULL,
    updated_at     timestamptz NOT NULL,
    demo           boolean     NOT NULL DEFAULT false,
    CHECK (engagement_id IS NOT NULL OR memorandum_id IS NOT NULL)
);

CREATE INDEX action_owner_idx ON engagements.action (owner_id, due_on);
CREATE INDEX action_open_due_idx ON engagements.action (due_on) WHERE status IN ('NEEDS_ACTION', 'IN_PROCESS');

CREATE TABLE engagements.action_comment (
    action_id  bigint      NOT NULL REFERENCES engagements.action (id) ON DELETE CASCADE,
    at         timestamptz NOT NULL,
    author     text        NOT NULL,
    text       text        NOT NULL CHECK (length(text) BETWEEN 1 AND 4000)
);

CREATE INDEX action_comment_idx ON engagements.action_comment (action_id, at);

-- A person's private calendar feed address: only the SHA-256 of its secret is kept; revoking deletes it.
CREATE TABLE engagements.calendar_feed (
    account_id  uuid        PRIMARY KEY,
    secret_hash char(64)    NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL
);
