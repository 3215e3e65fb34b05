-- Who is told what: the rule table (data, edited by administrators), what the service knows about each whistle,
-- the delivery log (one row per event × recipient × channel × target), and the channels' own state.

CREATE TABLE notification_rule (
    id          BIGSERIAL PRIMARY KEY,
    -- an event type name (whistle-routed …) or * for every whistle event
    event_type  TEXT      NOT NULL,
    -- an action / report / kind / outcome the event must carry (see README); NULL matches any
    qualifier   TEXT,
    selector    TEXT      NOT NULL,
    channels    TEXT[]    NOT NULL,
    urgency     TEXT      NOT NULL CHECK (urgency IN ('URGENT', 'ROUTINE')),
    active      BOOLEAN   NOT NULL DEFAULT TRUE,
    description TEXT      NOT NULL DEFAULT ''
);

INSERT INTO notification_rule (event_type, qualifier, selector, channels, urgency, description) VALUES
    ('whistle-routed', 'SUMMONED', 'SUMMONED_UNITS', '{INBOX,SSE,WEBHOOK}', 'ROUTINE', '派哨: the summoned units'' duty officers'),
    ('whistle-reported', 'DECLINED', 'OWNING_CENTRE', '{INBOX,SSE,WEBHOOK}', 'ROUTINE', '退回: the owning command centre'),
    ('whistle-routed', 'RETURNED', 'OWNING_CENTRE', '{INBOX,SSE,WEBHOOK}', 'ROUTINE', 'every unit declined: the owning command centre'),
    ('whistle-routed', 'REOPENED', 'LEAD_UNIT', '{INBOX,SSE,WEBHOOK}', 'ROUTINE', '返工: the lead unit'),
    ('whistle-escalated', 'ESCALATION', 'LATE_UNIT_LEADER', '{INBOX,SSE,WEBHOOK}', 'URGENT', '督办: the late unit''s leader'),
    ('whistle-escalated', 'ESCALATION', 'OWNING_CENTRE', '{INBOX,SSE}', 'URGENT', 'escalation: the owning centre and the one above'),
    ('whistle-escalated', 'WARNING', 'LATE_UNIT', '{INBOX,SSE}', 'ROUTINE', 'a clock is about to expire: the unit'),
    ('whistle-feedback', 'NOT_RESOLVED', 'OWNING_CENTRE', '{INBOX,SSE}', 'ROUTINE', 'the reporter says not fixed'),
    ('whistle-routed', 'FILED', 'REPORTER', '{INBOX,SMS}', 'ROUTINE', '受理: the reporter'),
    ('whistle-reported', 'RESOLVED', 'REPORTER', '{INBOX,SMS}', 'ROUTINE', '办结 by the lead unit: the reporter, with the rating link'),
    ('whistle-routed', 'VERIFIED', 'REPORTER', '{INBOX,SMS}', 'ROUTINE', '核查 passed: the reporter, with the rating link'),
    ('whistle-closed', NULL, 'REPORTER', '{INBOX,SMS}', 'ROUTINE', '结案: the reporter'),
    ('whistle-raised', NULL, 'AREA_SUBSCRIBERS', '{INBOX,SSE,WEBHOOK}', 'ROUTINE', 'subscribers of the area'),
    ('*', NULL, 'OWNING_CENTRE', '{SSE}', 'ROUTINE', 'the command centre''s live dashboard sees every event of its whistles');

-- What this service learnt about a whistle from earlier events: later events lack the reporter and the area.
CREATE TABLE whistle_context (
    whistle_id     UUID PRIMARY KEY,
    tracking_code  TEXT,
    area_node      TEXT,
    owning_centre  TEXT,
    lead_unit      TEXT,
    reporter_kind  TEXT,
    reporter_user  TEXT,
    reporter_phone_masked TEXT,
    updated_at     TIMESTAMPTZ NOT NULL
);

CREATE TABLE delivery (
    id           BIGSERIAL PRIMARY KEY,
    event_id     UUID        NOT NULL,
    event_type   TEXT        NOT NULL,
    whistle_id   UUID,
    -- unit:<code>, user:<subject>, reporter:<whistle id>, role:<role>
    recipient    TEXT        NOT NULL,
    channel      TEXT        NOT NULL,
    -- the webhook subscription for WEBHOOK, '' otherwise
    target       TEXT        NOT NULL DEFAULT '',
    leader       BOOLEAN     NOT NULL DEFAULT FALSE,
    urgency      TEXT        NOT NULL,
    status       TEXT        NOT NULL,
    detail       TEXT,
    attempts     INT         NOT NULL DEFAULT 0,
    title        TEXT        NOT NULL,
    template     TEXT        NOT NULL,
    body         TEXT        NOT NULL,
    payload      TEXT        NOT NULL,
    digest_into  BIGINT REFERENCES delivery (id),
    created_at   TIMESTAMPTZ NOT NULL,
    claimed_at   TIMESTAMPTZ,
    finished_at  TIMESTAMPTZ,
    CONSTRAINT delivery_once UNIQUE (event_id, recipient, channel, target)
);
CREATE INDEX delivery_by_whistle ON delivery (whistle_id, created_at);
CREATE INDEX delivery_waiting ON delivery (status, id) WHERE status IN ('PENDING', 'SENDING', 'DEFERRED');

CREATE TABLE delivery_attempt (
    delivery_id BIGINT      NOT NULL REFERENCES delivery (id),
    attempt     INT         NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    outcome     TEXT        NOT NULL,
    detail      TEXT,
    PRIMARY KEY (delivery_id, attempt)
);

CREATE TABLE inbox_item (
    id          BIGSERIAL PRIMARY KEY,
    recipient   TEXT        NOT NULL,
    delivery_id BIGINT UNIQUE REFERENCES delivery (id),
    whistle_id  UUID,
    event_type  TEXT        NOT NULL,
    title       TEXT        NOT NULL,
    body        TEXT        NOT NULL,
    leader      BOOLEAN     NOT NULL DEFAULT FALSE,
    urgency     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    read_at     TIMESTAMPTZ
);
CREATE INDEX inbox_by_recipient ON inbox_item (recipient, id DESC);

CREATE TABLE webhook_subscription (
    id                   UUID PRIMARY KEY,
    unit                 TEXT        NOT NULL,
    url                  TEXT        NOT NULL,
    secret               TEXT        NOT NULL,
    -- empty: every event type
    event_types          TEXT[]      NOT NULL,
    active               BOOLEAN     NOT NULL DEFAULT TRUE,
    consecutive_failures INT         NOT NULL DEFAULT 0,
    disabled_reason      TEXT,
    created_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX webhook_by_unit ON webhook_subscription (unit);

CREATE TABLE area_subscription (
    id        BIGSERIAL PRIMARY KEY,
    area_id   TEXT NOT NULL,
    recipient TEXT NOT NULL,
    CONSTRAINT area_subscription_once UNIQUE (area_id, recipient)
);

-- What the development SMS/WeChat provider would have sent; never used with a real provider.
CREATE TABLE dev_outbox (
    id         BIGSERIAL PRIMARY KEY,
    channel    TEXT        NOT NULL,
    recipient  TEXT        NOT NULL,
    address    TEXT        NOT NULL,
    template   TEXT        NOT NULL,
    text       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
