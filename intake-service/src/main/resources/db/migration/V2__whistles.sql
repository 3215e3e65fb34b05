-- Whistles as intake raised them, plus the reporter's read model of their progress (status, ticket, resolution),
-- kept from the lifecycle events dispatch publishes. Nothing here is read by another service.
CREATE TABLE whistle (
    whistle_id        uuid PRIMARY KEY,
    tracking_code     varchar(32)  NOT NULL UNIQUE,
    channel           varchar(16)  NOT NULL,
    category_code     varchar(64)  NOT NULL,
    description       text         NOT NULL,
    lat               double precision,
    lng               double precision,
    address           varchar(500),
    grid_id           varchar(64),
    grid_name         varchar(200),
    street_id         varchar(64),
    street_name       varchar(200),
    -- The node codes from the city down to the grid (or to the fallback owner's area): whose scope covers it.
    ancestry          text[]       NOT NULL,
    fallback_owner_id varchar(64),
    urgency           varchar(8)   NOT NULL,
    reporter_kind     varchar(16)  NOT NULL,
    reporter_user_id  varchar(128),
    reporter_role     varchar(32),
    -- AES-GCM (nonce || ciphertext) under whistle.intake.phone-key; only the masked form leaves the service.
    phone_cipher      bytea,
    masked_phone      varchar(16),
    evidence          jsonb        NOT NULL DEFAULT '[]',
    raised_at         timestamptz  NOT NULL,
    -- Intake's own revision for the events it publishes about this whistle (raised = 1, each feedback + 1).
    intake_revision   bigint       NOT NULL DEFAULT 1,
    status            varchar(16)  NOT NULL DEFAULT 'RAISED',
    status_revision   bigint       NOT NULL DEFAULT 0,
    ticket_id         uuid,
    ticket_number     varchar(64),
    outcome           varchar(16),
    -- Counts how often the whistle reached RESOLVED; the reporter may rate each resolution once.
    resolution        integer      NOT NULL DEFAULT 0,
    result_evidence   jsonb        NOT NULL DEFAULT '[]',
    updated_at        timestamptz  NOT NULL
);

CREATE INDEX whistle_open_by_category ON whistle (category_code, lat, lng)
    WHERE status NOT IN ('CLOSED', 'REJECTED', 'MERGED');
CREATE INDEX whistle_raised_at ON whistle (raised_at);

-- The public timeline: what happened, when, by which kind of unit; staff names are masked before they get here.
CREATE TABLE whistle_timeline (
    entry_id     bigserial PRIMARY KEY,
    whistle_id   uuid        NOT NULL REFERENCES whistle (whistle_id),
    event_id     uuid        UNIQUE,
    kind         varchar(32) NOT NULL,
    status       varchar(16) NOT NULL,
    note         varchar(2000),
    actor        varchar(200),
    evidence     jsonb       NOT NULL DEFAULT '[]',
    at           timestamptz NOT NULL
);

CREATE INDEX whistle_timeline_by_whistle ON whistle_timeline (whistle_id, at);
CREATE INDEX whistle_timeline_by_time ON whistle_timeline (at);

-- "Add to this one": a further report on an open whistle instead of a new whistle.
CREATE TABLE whistle_support (
    support_id       uuid PRIMARY KEY,
    whistle_id       uuid         NOT NULL REFERENCES whistle (whistle_id),
    reporter_kind    varchar(16)  NOT NULL,
    reporter_user_id varchar(128),
    phone_cipher     bytea,
    masked_phone     varchar(16),
    note             varchar(2000),
    evidence         jsonb        NOT NULL DEFAULT '[]',
    created_at       timestamptz  NOT NULL
);

CREATE INDEX whistle_support_by_whistle ON whistle_support (whistle_id);

-- One rating per resolution: a reopened and again resolved whistle may be rated again.
CREATE TABLE whistle_feedback (
    whistle_id  uuid        NOT NULL REFERENCES whistle (whistle_id),
    resolution  integer     NOT NULL,
    rating      varchar(24) NOT NULL,
    resolved    boolean     NOT NULL,
    comment     varchar(2000),
    given_at    timestamptz NOT NULL,
    PRIMARY KEY (whistle_id, resolution)
);

-- Idempotency-Key: the first response to a key, replayed to retries with the same request. The row is inserted in
-- the transaction that raises the whistle, so a concurrent request with the same key waits on it and then replays.
CREATE TABLE idempotent_request (
    idempotency_key varchar(255) PRIMARY KEY,
    request_hash    char(64)     NOT NULL,
    status          integer      NOT NULL,
    location        varchar(500),
    body            text         NOT NULL,
    created_at      timestamptz  NOT NULL
);

CREATE INDEX idempotent_request_age ON idempotent_request (created_at);
