-- 积分制: rule sets per city (data an administrator edits), the append-only ledger from which every balance and
-- ranking is derived, and the exchange (积分超市): a catalogue with stock and redemptions that spend points.

CREATE TABLE rule_set (
    -- a city's node code; '*' is the default for cities without their own
    city_id        TEXT        PRIMARY KEY,
    name           TEXT        NOT NULL,
    base_points    INT         NOT NULL CHECK (base_points BETWEEN 0 AND 1000),
    floor_points   INT         NOT NULL CHECK (floor_points >= 0),
    annual_reset   BOOLEAN     NOT NULL,
    -- what a no-show after claiming costs (0 or less)
    no_show_points INT         NOT NULL CHECK (no_show_points BETWEEN -100 AND 0),
    updated_at     TIMESTAMPTZ NOT NULL,
    updated_by     TEXT        NOT NULL
);

CREATE TABLE rule_item (
    city_id    TEXT NOT NULL REFERENCES rule_set (city_id) ON DELETE CASCADE,
    code       TEXT NOT NULL,
    name       TEXT NOT NULL,
    -- points per occurrence; for TASK the task's own points apply and this is ignored
    points     INT  NOT NULL CHECK (points BETWEEN -100 AND 100),
    -- at most this much from the item per member and year; NULL: no cap
    yearly_cap INT CHECK (yearly_cap > 0),
    PRIMARY KEY (city_id, code)
);

INSERT INTO rule_set (city_id, name, base_points, floor_points, annual_reset, no_show_points, updated_at, updated_by)
VALUES ('*', '默认积分规则：基础分 60 分，加分减分按年累计，年底清零，最低 0 分', 60, 0, TRUE, -2, now(), 'flyway');

INSERT INTO rule_item (city_id, code, name, points, yearly_cap) VALUES
    ('*', 'TASK', '志愿服务（按任务积分）', 0, NULL),
    ('*', 'MEETING', '参加三会一课、主题党日', 2, 24),
    ('*', 'STUDY', '参加学习教育', 2, 12),
    ('*', 'HONOUR', '获得表彰', 10, 20),
    ('*', 'NO_SHOW', '认领后未到场', -2, NULL),
    ('*', 'MISSED_DUTY', '无故不参加组织生活', -3, NULL);

CREATE TABLE ledger_entry (
    id            UUID        PRIMARY KEY,
    -- the order entries were written in, for a stable history
    seq           BIGSERIAL   UNIQUE,
    member_id     UUID        NOT NULL REFERENCES membership (id),
    amount        INT         NOT NULL CHECK (amount <> 0 AND amount BETWEEN -1000 AND 1000),
    reason        TEXT        NOT NULL,
    city_id       TEXT        NOT NULL,
    rule_code     TEXT        NOT NULL,
    task_id       UUID        REFERENCES task (id),
    event_ref     TEXT,
    redemption_id UUID,
    approver      TEXT        NOT NULL,
    approver_name TEXT        NOT NULL,
    at            TIMESTAMPTZ NOT NULL,
    year          INT         NOT NULL,
    -- a correction names the entry it corrects; the corrected entry stays as it was
    corrects      UUID        REFERENCES ledger_entry (id),
    -- what makes a grant happen once: task:<task>:<member>, noshow:<task>:<member>, redeem:<redemption>
    grant_key     TEXT        UNIQUE
);

CREATE INDEX ledger_member_year ON ledger_entry (member_id, year);

CREATE TRIGGER ledger_entry_append_only
    BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE TABLE catalogue_item (
    id          UUID        PRIMARY KEY,
    compound_id TEXT        NOT NULL,
    name        TEXT        NOT NULL,
    description TEXT        NOT NULL,
    -- a red-partner merchant that honours it, if not the community itself
    merchant    TEXT,
    points      INT         NOT NULL CHECK (points BETWEEN 1 AND 10000),
    stock       INT         NOT NULL CHECK (stock >= 0),
    active      BOOLEAN     NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  TEXT        NOT NULL
);

CREATE TABLE redemption (
    id               UUID        PRIMARY KEY,
    member_id        UUID        NOT NULL REFERENCES membership (id),
    item_id          UUID        NOT NULL REFERENCES catalogue_item (id),
    item_name        TEXT        NOT NULL,
    compound_id      TEXT        NOT NULL,
    points           INT         NOT NULL,
    state            TEXT        NOT NULL CHECK (state IN ('REQUESTED', 'HANDED_OVER')),
    requested_at     TIMESTAMPTZ NOT NULL,
    handed_over_at   TIMESTAMPTZ,
    handed_over_by   TEXT,
    handed_over_name TEXT
);

CREATE INDEX redemption_compound ON redemption (compound_id, state);
