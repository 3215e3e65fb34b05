-- 书记考核: adjusting the automatic indicators a closed quarter or year froze (V38), like the 双考核 appraisals' adjustments
-- (V36): original_rates keeps them as they stood at closing, rates takes an applied adjustment, and every adjustment
-- keeps who made it, why, when and the figures before and after (issue 20).
ALTER TABLE frozen_secretary_rates ADD COLUMN original_rates JSONB;
UPDATE frozen_secretary_rates SET original_rates = rates;
ALTER TABLE frozen_secretary_rates ALTER COLUMN original_rates SET NOT NULL;

CREATE TABLE secretary_rates_adjustment (
    id           BIGSERIAL   PRIMARY KEY,
    period_code  TEXT        NOT NULL,
    secretary_id UUID        NOT NULL,
    reason       TEXT        NOT NULL,
    author       TEXT        NOT NULL,
    author_name  TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    before_rates JSONB       NOT NULL,
    after_rates  JSONB       NOT NULL,
    FOREIGN KEY (period_code, secretary_id) REFERENCES frozen_secretary_rates (period_code, secretary_id)
        ON DELETE CASCADE
);
CREATE INDEX secretary_rates_adjustment_of ON secretary_rates_adjustment (secretary_id, period_code, id);
