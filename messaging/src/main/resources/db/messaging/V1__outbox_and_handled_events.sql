-- The transactional outbox: a service's state change and the events it causes commit together here; the relay
-- publishes them to Kafka afterwards. Rows are kept for a while after publication for audit and replay.
CREATE TABLE outbox_event (
    seq          BIGSERIAL PRIMARY KEY,
    event_id     UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    record_key   TEXT        NOT NULL,
    -- A key always maps to one lane and one relay publishes a lane at a time, which keeps each key's order.
    lane         SMALLINT    NOT NULL,
    payload      JSONB       NOT NULL,
    headers      JSONB       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ
);

CREATE INDEX outbox_event_pending ON outbox_event (lane, seq) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- Idempotent consumers: an event id is recorded in the same transaction as its effect, so a redelivery finds it.
CREATE TABLE handled_event (
    consumer   TEXT        NOT NULL,
    event_id   UUID        NOT NULL,
    handled_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

CREATE INDEX handled_event_age ON handled_event (handled_at);
