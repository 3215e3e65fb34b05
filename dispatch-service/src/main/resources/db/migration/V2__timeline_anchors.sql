-- Anchoring the timelines outside this database (ADR 0016).

-- The head of every timeline that changed since the last checkpoint: written in the transaction of the change, read
-- and cleared by the next checkpoint. Its size is the number of tickets changed since then, never the history.
CREATE TABLE timeline_head_pending (
    ticket_id  uuid PRIMARY KEY,
    whistle_id uuid NOT NULL,
    sequence   bigint NOT NULL CHECK (sequence >= 1),
    hash       text NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);

-- The checkpoints made, for numbering and chaining the next one. Verification never reads this table: it reads the
-- checkpoints back from Kafka.
CREATE TABLE timeline_checkpoint (
    number      bigint PRIMARY KEY CHECK (number >= 1),
    digest      text NOT NULL,
    merkle_root text NOT NULL,
    heads       integer NOT NULL,
    made_at     timestamptz NOT NULL
);
