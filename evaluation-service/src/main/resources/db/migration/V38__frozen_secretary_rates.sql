-- 书记考核: the automatic indicators' figures (三率, on-time, rework, whistles answered, party members' participation)
-- of every secretary as they stood when their quarter or year closed (issue 20, ADR 0051), like the 双考核
-- appraisals (V36). Manual scores, hits and stars keep their own history (V22) and are not frozen here.
CREATE TABLE frozen_secretary_rates (
    period_code  TEXT        NOT NULL REFERENCES period (code) ON DELETE CASCADE,
    secretary_id UUID        NOT NULL REFERENCES secretary (secretary_id),
    rates        JSONB       NOT NULL,
    frozen_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (period_code, secretary_id)
);
