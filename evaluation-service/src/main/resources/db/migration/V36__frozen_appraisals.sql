-- 双考核 appraisals frozen with their period (ADR 0038). Closing a period copies every department's and street's
-- appraisal as it stood, with the weights version it used; original_row never changes, appraisal_row takes applied
-- adjustments. Later events, ratings and weight versions move a closed period's appraisal only through an adjustment.
CREATE TABLE frozen_appraisal_set (
    period_code            TEXT NOT NULL REFERENCES period (code),
    kind                   TEXT NOT NULL,
    original_weights_from  DATE NOT NULL,
    weights_from           DATE NOT NULL,
    frozen_at              TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (period_code, kind)
);

CREATE TABLE frozen_appraisal (
    period_code   TEXT NOT NULL,
    kind          TEXT NOT NULL,
    object_id     TEXT NOT NULL,
    original_row  JSONB,
    appraisal_row JSONB,
    PRIMARY KEY (period_code, kind, object_id),
    FOREIGN KEY (period_code, kind) REFERENCES frozen_appraisal_set (period_code, kind)
);

-- An adjustment of a closed period's appraisals: who, why, when, and how many rows it changed.
CREATE TABLE appraisal_adjustment (
    id            BIGSERIAL PRIMARY KEY,
    period_code   TEXT NOT NULL,
    kind          TEXT NOT NULL,
    reason        TEXT NOT NULL,
    author        TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    weights_from  DATE NOT NULL,
    changed_rows  INTEGER NOT NULL,
    FOREIGN KEY (period_code, kind) REFERENCES frozen_appraisal_set (period_code, kind)
);
CREATE INDEX appraisal_adjustment_period ON appraisal_adjustment (period_code, kind, id);
