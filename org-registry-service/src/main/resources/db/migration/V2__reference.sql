-- Reference data the dispatch and SLA services work from: event categories (大类/小类), routing rules (who handles
-- what where) and deadline policies (how long each clock runs). Retiring keeps the row (active = false) so history
-- and published states stay explainable; revision counts published states per row.

CREATE TABLE category (
    code             varchar(48)  PRIMARY KEY CHECK (code ~ '^[A-Z0-9-]+$'),
    name             varchar(100) NOT NULL,
    name_en          varchar(200),
    -- Two levels: a 小类 names its 大类; a 大类 has none.
    parent_code      varchar(48)  REFERENCES category (code),
    handling_class   varchar(16)  NOT NULL CHECK (handling_class IN ('EMERGENCY', 'UTILITIES', 'GENERAL', 'COMPLEX')),
    default_urgency  varchar(8)   NOT NULL CHECK (default_urgency IN ('NORMAL', 'URGENT')),
    active           boolean      NOT NULL,
    revision         bigint       NOT NULL,
    updated_at       timestamptz  NOT NULL,
    CHECK (parent_code IS NULL OR parent_code <> code)
);
CREATE INDEX category_parent ON category (parent_code);

CREATE TABLE routing_rule (
    rule_id          varchar(64)  PRIMARY KEY,
    -- NULL: the area's fallback owner (兜底), used only where no category rule matches.
    category_code    varchar(48)  REFERENCES category (code),
    area_code        varchar(32)  NOT NULL REFERENCES org_node (code),
    -- NULL: any command level.
    level            varchar(8)   CHECK (level IN ('STREET', 'DISTRICT', 'CITY')),
    lead_unit_code   varchar(48)  NOT NULL REFERENCES handling_unit (code),
    co_unit_codes    varchar(48)[] NOT NULL,
    precedence       integer      NOT NULL,
    active           boolean      NOT NULL,
    revision         bigint       NOT NULL,
    updated_at       timestamptz  NOT NULL,
    CHECK (NOT (lead_unit_code = ANY (co_unit_codes)))
);
CREATE INDEX routing_rule_area ON routing_rule (area_code);
CREATE INDEX routing_rule_category ON routing_rule (category_code);

CREATE TABLE deadline_policy (
    policy_id         varchar(64)  PRIMARY KEY,
    -- NULL category or level: matches any.
    category_code     varchar(48)  REFERENCES category (code),
    urgency           varchar(8)   NOT NULL CHECK (urgency IN ('NORMAL', 'URGENT')),
    level             varchar(8)   CHECK (level IN ('STREET', 'DISTRICT', 'CITY')),
    -- ISO-8601 durations, one per clock (design §5).
    file              varchar(32)  NOT NULL,
    report_in         varchar(32)  NOT NULL,
    contact_reporter  varchar(32)  NOT NULL,
    resolve           varchar(32)  NOT NULL,
    verify            varchar(32)  NOT NULL,
    follow_up         varchar(32)  NOT NULL,
    warning_ratio     double precision NOT NULL CHECK (warning_ratio > 0 AND warning_ratio < 1),
    escalation        varchar(16)  NOT NULL CHECK (escalation IN ('NEXT_LEVEL', 'CITY')),
    pause_when        varchar(16)[] NOT NULL,
    calendar_id       varchar(64),
    active            boolean      NOT NULL,
    revision          bigint       NOT NULL,
    updated_at        timestamptz  NOT NULL
);
-- At most one active policy per (category, urgency, level), so the most specific match is never a tie.
CREATE UNIQUE INDEX deadline_policy_active_key
    ON deadline_policy (coalesce(category_code, ''), urgency, coalesce(level, '')) WHERE active;
