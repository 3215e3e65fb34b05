-- Outbox rows the broker refused for good (too large for the topic, otherwise invalid), moved aside so that the rest
-- of their lane goes on. A parked row waits for an administrator (/admin/outbox/parked): re-driven, it goes back to
-- the outbox with its event id; discarded, it stays here with who discarded it and why. Rows are never deleted here:
-- the table is the audit trail of what was held back and what became of it.
CREATE TABLE outbox_parked (
    id                BIGSERIAL   PRIMARY KEY,
    -- The outbox row as it was: its seq, and everything needed to put it back.
    outbox_seq        BIGINT      NOT NULL,
    event_id          UUID        NOT NULL,
    topic             TEXT        NOT NULL,
    record_key        TEXT        NOT NULL,
    lane              SMALLINT    NOT NULL,
    payload           JSONB       NOT NULL,
    headers           JSONB       NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    parked_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- Why, for a person (Chinese), and the broker's or client's own error.
    reason            TEXT        NOT NULL,
    error             TEXT        NOT NULL,
    resolution        TEXT        CHECK (resolution IN ('REDRIVEN', 'DISCARDED')),
    resolved_at       TIMESTAMPTZ,
    resolved_by       TEXT,
    resolved_by_name  TEXT,
    resolution_reason TEXT,
    CHECK ((resolution IS NULL) = (resolved_at IS NULL AND resolved_by IS NULL))
);

CREATE INDEX outbox_parked_waiting ON outbox_parked (parked_at) WHERE resolution IS NULL;
CREATE INDEX outbox_parked_event ON outbox_parked (event_id);
