-- The ticket aggregate (工单) and its parts. The ticket row carries the revision for optimistic locking; tasks,
-- extension requests, supervision orders, level history and the red list are rewritten with it; the timeline is
-- append-only and hash-chained (whistle-timeline/1, ADR 0009).
CREATE TABLE ticket (
    id                UUID PRIMARY KEY,
    whistle_id        UUID        NOT NULL UNIQUE,
    number            TEXT        NOT NULL UNIQUE,
    category          TEXT        NOT NULL,
    priority          TEXT        NOT NULL,
    level             TEXT        NOT NULL,
    owning_centre     TEXT        NOT NULL,
    state             TEXT        NOT NULL,
    suspended_from    TEXT,
    suspend_reason    TEXT,
    revision          BIGINT      NOT NULL,
    reopen_count      INT         NOT NULL DEFAULT 0,
    resolved_at       TIMESTAMPTZ,
    closed_at         TIMESTAMPTZ,
    outcome           TEXT,
    merged_into       UUID,
    reject_reason     TEXT,
    -- Where the whistle was raised: the grid (or street) and its ancestry, city first, for scope checks and rollups.
    grid_id           TEXT,
    street_id         TEXT,
    area_path         TEXT[]      NOT NULL,
    -- A satisfied reporter answered before verification: the ticket closes as RESOLVED once verified.
    satisfied_at      TIMESTAMPTZ,
    raised_at         TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);

CREATE INDEX ticket_centre_queue ON ticket (owning_centre, state, level, category, raised_at);
CREATE INDEX ticket_area ON ticket USING GIN (area_path);
CREATE INDEX ticket_open_by_level ON ticket (level, state) WHERE state NOT IN ('CLOSED', 'REJECTED', 'MERGED');
CREATE INDEX ticket_raised_at ON ticket (raised_at);
CREATE INDEX ticket_closed_at ON ticket (closed_at) WHERE closed_at IS NOT NULL;

CREATE TABLE ticket_task (
    ticket_id      UUID        NOT NULL REFERENCES ticket (id),
    unit           TEXT        NOT NULL,
    ordinal        INT         NOT NULL,
    lead           BOOLEAN     NOT NULL,
    state          TEXT        NOT NULL,
    summoned_at    TIMESTAMPTZ NOT NULL,
    reported_in_at TIMESTAMPTZ,
    done_at        TIMESTAMPTZ,
    decline_reason TEXT,
    rework_count   INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (ticket_id, unit)
);

CREATE INDEX ticket_task_unit_open ON ticket_task (unit, state) WHERE state IN ('SUMMONED', 'REPORTED_IN', 'ON_SITE');

CREATE TABLE ticket_extension_request (
    ticket_id    UUID        NOT NULL REFERENCES ticket (id),
    unit         TEXT        NOT NULL,
    ordinal      INT         NOT NULL,
    clock        TEXT        NOT NULL,
    extra_time   TEXT        NOT NULL,
    reason       TEXT        NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL,
    status       TEXT        NOT NULL,
    answer       TEXT,
    answered_at  TIMESTAMPTZ,
    PRIMARY KEY (ticket_id, unit, ordinal)
);

CREATE TABLE ticket_supervision_order (
    ticket_id  UUID        NOT NULL REFERENCES ticket (id),
    number     INT         NOT NULL,
    against    TEXT        NOT NULL,
    clock      TEXT        NOT NULL,
    from_level TEXT        NOT NULL,
    to_level   TEXT,
    red_list   BOOLEAN     NOT NULL,
    issued_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (ticket_id, number)
);

CREATE TABLE ticket_level_history (
    ticket_id UUID        NOT NULL REFERENCES ticket (id),
    ordinal   INT         NOT NULL,
    level     TEXT        NOT NULL,
    centre    TEXT        NOT NULL,
    since     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (ticket_id, ordinal)
);

CREATE TABLE ticket_red_list (
    ticket_id UUID NOT NULL REFERENCES ticket (id),
    unit      TEXT NOT NULL,
    PRIMARY KEY (ticket_id, unit)
);

CREATE TABLE ticket_timeline_entry (
    ticket_id      UUID        NOT NULL REFERENCES ticket (id),
    sequence       BIGINT      NOT NULL,
    at             TIMESTAMPTZ NOT NULL,
    actor_user_id  TEXT        NOT NULL,
    actor_org_unit TEXT,
    actor_role     TEXT,
    action         TEXT        NOT NULL,
    note           TEXT,
    evidence       JSONB       NOT NULL,
    state_before   TEXT,
    state_after    TEXT        NOT NULL,
    unit           TEXT,
    previous_hash  TEXT        NOT NULL,
    hash           TEXT        NOT NULL,
    PRIMARY KEY (ticket_id, sequence)
);

-- The timeline is evidence for supervision and evaluation: rows are only ever added.
CREATE FUNCTION ticket_timeline_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ticket timeline entries are append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER ticket_timeline_entry_append_only
    BEFORE UPDATE OR DELETE ON ticket_timeline_entry
    FOR EACH ROW EXECUTE FUNCTION ticket_timeline_entry_is_append_only();

CREATE TRIGGER ticket_timeline_entry_no_truncate
    BEFORE TRUNCATE ON ticket_timeline_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ticket_timeline_entry_is_append_only();

-- Ticket numbers: one counter per city and Shanghai day, advanced in the transaction that stores the ticket.
CREATE TABLE ticket_number_sequence (
    city TEXT NOT NULL,
    day  DATE NOT NULL,
    next INT  NOT NULL,
    PRIMARY KEY (city, day)
);
