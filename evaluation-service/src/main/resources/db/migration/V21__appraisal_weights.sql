-- The weights of department and street appraisals (ADR 0025), versioned by the date they take effect: a period is
-- appraised with the version in force on its first day. Edited by an administrator; every version keeps its author
-- and reason, none is ever updated.
CREATE TABLE appraisal_weights (
    kind             TEXT NOT NULL,
    effective_from   DATE NOT NULL,
    handling         NUMERIC NOT NULL,
    on_time_handling NUMERIC NOT NULL,
    rework           NUMERIC NOT NULL,
    overdue_pending  NUMERIC NOT NULL,
    extension        NUMERIC NOT NULL,
    case_share       NUMERIC NOT NULL,
    other_share      NUMERIC NOT NULL,
    author           TEXT NOT NULL,
    reason           TEXT NOT NULL,
    recorded_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, effective_from)
);

-- 成都金牛区's public composite; departments 60 % case figures and 40 % the centres' ratings, streets 70 % their own
-- figures and 30 % how their whistles were answered.
INSERT INTO appraisal_weights VALUES
    ('DEPARTMENT', DATE '2024-01-01', 30, 20, 20, 20, 10, 0.6, 0.4, '系统初始', '默认权重（参照成都金牛区公开做法）', now()),
    ('STREET', DATE '2024-01-01', 30, 20, 20, 20, 10, 0.7, 0.3, '系统初始', '默认权重（参照成都金牛区公开做法）', now());
