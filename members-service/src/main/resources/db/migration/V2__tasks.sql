-- Tasks and micro-wishes with their claims, the photos members take on site, and each task's timeline, which is
-- append-only (refuse_change from V1) like a membership's history.

CREATE TABLE task (
    id                UUID        PRIMARY KEY,
    kind              TEXT        NOT NULL CHECK (kind IN ('WISH', 'GRID_TASK', 'EVENT', 'WHISTLE')),
    title             TEXT        NOT NULL,
    description       TEXT        NOT NULL,
    compound_id       TEXT        NOT NULL,
    grid_id           TEXT        NOT NULL,
    place             TEXT        NOT NULL,
    starts_at         TIMESTAMPTZ NOT NULL,
    ends_at           TIMESTAMPTZ NOT NULL CHECK (ends_at > starts_at),
    places            INT         NOT NULL CHECK (places BETWEEN 1 AND 200),
    skills            TEXT[]      NOT NULL,
    points            INT         NOT NULL CHECK (points BETWEEN 0 AND 100),
    check_in_required BOOLEAN     NOT NULL,
    publisher         TEXT        NOT NULL,
    publisher_name    TEXT        NOT NULL,
    published_at      TIMESTAMPTZ NOT NULL,
    -- a community task made from a small whistle: its whistle and ticket, to answer the reporter through dispatch
    whistle_id        UUID UNIQUE,
    ticket_id         UUID,
    state             TEXT        NOT NULL CHECK (state IN ('OPEN', 'DONE', 'CANCELLED')),
    revision          BIGINT      NOT NULL
);

CREATE INDEX task_open ON task (compound_id, state, ends_at);

CREATE TABLE task_claim (
    task_id        UUID        NOT NULL REFERENCES task (id),
    member_id      UUID        NOT NULL REFERENCES membership (id),
    member_name    TEXT        NOT NULL,
    state          TEXT        NOT NULL CHECK (state IN ('CLAIMED', 'CONFIRMED', 'DECLINED', 'CHECKED_IN', 'FINISHED',
                                                         'APPROVED', 'WITHDRAWN', 'NO_SHOW')),
    claimed_at     TIMESTAMPTZ NOT NULL,
    checked_in_at  TIMESTAMPTZ,
    check_in_lat   DOUBLE PRECISION,
    check_in_lng   DOUBLE PRECISION,
    check_in_photo UUID,
    finished_at    TIMESTAMPTZ,
    evidence       TEXT,
    evidence_photo UUID,
    hours          NUMERIC(5, 1),
    approved_by    TEXT,
    approved_at    TIMESTAMPTZ,
    PRIMARY KEY (task_id, member_id)
);

CREATE INDEX task_claim_member ON task_claim (member_id, state);

CREATE TABLE photo (
    id           UUID        PRIMARY KEY,
    task_id      UUID        NOT NULL REFERENCES task (id),
    member_id    UUID        NOT NULL REFERENCES membership (id),
    content_type TEXT        NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
    bytes        BYTEA       NOT NULL CHECK (octet_length(bytes) <= 3145728),
    taken_at     TIMESTAMPTZ NOT NULL
);

CREATE TABLE task_timeline (
    task_id    UUID        NOT NULL REFERENCES task (id),
    seq        INT         NOT NULL,
    at         TIMESTAMPTZ NOT NULL,
    action     TEXT        NOT NULL,
    actor      TEXT        NOT NULL,
    actor_name TEXT        NOT NULL,
    member_id  UUID,
    note       TEXT,
    PRIMARY KEY (task_id, seq)
);

CREATE TRIGGER task_timeline_append_only
    BEFORE UPDATE OR DELETE ON task_timeline
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
