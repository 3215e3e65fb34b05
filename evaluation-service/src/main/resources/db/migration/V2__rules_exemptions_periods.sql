-- Rule sets: versions are never changed; the one in force on a period's first day is used.
CREATE TABLE rule_set (
    version                     INTEGER PRIMARY KEY,
    effective_from              DATE NOT NULL,
    exempt_outcomes             TEXT[] NOT NULL,
    count_phone_follow_ups      BOOLEAN NOT NULL,
    basically_satisfied_weight  DOUBLE PRECISION NOT NULL,
    weights                     JSONB NOT NULL,
    author                      TEXT NOT NULL,
    reason                      TEXT NOT NULL,
    created_at                  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The first version: the public example of 成都金牛区 for departments (EVALUATION.md §2) and 基本满意 at 0.8.
INSERT INTO rule_set (version, effective_from, exempt_outcomes, count_phone_follow_ups, basically_satisfied_weight,
    weights, author, reason)
VALUES (1, DATE '2000-01-01', ARRAY['REJECTED', 'MERGED'], TRUE, 0.8,
    '[{"rate":"HANDLING","weight":30,"inverted":false},{"rate":"ON_TIME_HANDLING","weight":20,"inverted":false},
      {"rate":"REWORK","weight":20,"inverted":true},{"rate":"OVERDUE_PENDING","weight":20,"inverted":true},
      {"rate":"EXTENSION","weight":10,"inverted":true}]',
    '系统初始设置', '按《考核评价》公开示例（成都金牛区部门综合指标）设定的初始规则');

-- Cases an administrator exempted (恶意诉求, moved by an accepted appeal …), with the reason; revoking keeps the row.
CREATE TABLE case_exemption (
    id            BIGSERIAL PRIMARY KEY,
    whistle_id    UUID NOT NULL,
    reason        TEXT NOT NULL,
    author        TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at    TIMESTAMPTZ,
    revoked_by    TEXT,
    revoke_reason TEXT
);
CREATE UNIQUE INDEX case_exemption_active ON case_exemption (whistle_id) WHERE revoked_at IS NULL;

-- A closed period: its cases frozen as they were when it closed (original_row never changes, case_row takes
-- applied adjustments), with the rule set it was computed with.
CREATE TABLE period (
    code             TEXT PRIMARY KEY,
    kind             TEXT NOT NULL,
    from_date        DATE NOT NULL,
    to_date          DATE NOT NULL,
    state            TEXT NOT NULL,
    rule_set_version INTEGER NOT NULL REFERENCES rule_set (version),
    as_of            TIMESTAMPTZ NOT NULL,
    closed_at        TIMESTAMPTZ NOT NULL,
    closed_by        TEXT NOT NULL,
    published_at     TIMESTAMPTZ,
    published_by     TEXT,
    adjustments      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE period_case (
    period_code         TEXT NOT NULL REFERENCES period (code),
    whistle_id          UUID NOT NULL,
    original_row        JSONB,
    case_row            JSONB,
    original_exemption  TEXT,
    exemption           TEXT,
    PRIMARY KEY (period_code, whistle_id)
);

CREATE TABLE period_case_unit (
    period_code   TEXT NOT NULL REFERENCES period (code),
    whistle_id    UUID NOT NULL,
    unit_id       TEXT NOT NULL,
    original_row  JSONB,
    unit_row      JSONB,
    PRIMARY KEY (period_code, whistle_id, unit_id)
);

-- A change to a closed period's case: pending until an administrator applies or rejects it, with reasons.
CREATE TABLE adjustment (
    id             BIGSERIAL PRIMARY KEY,
    period_code    TEXT NOT NULL REFERENCES period (code),
    whistle_id     UUID NOT NULL,
    event_id       UUID,
    reason         TEXT NOT NULL,
    author         TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    state          TEXT NOT NULL,
    decided_at     TIMESTAMPTZ,
    decided_by     TEXT,
    decision_reason TEXT
);
CREATE INDEX adjustment_period ON adjustment (period_code, state);
-- one pending adjustment per case and period: a later event joins it rather than adding another
CREATE UNIQUE INDEX adjustment_pending ON adjustment (period_code, whistle_id) WHERE state = 'PENDING';
