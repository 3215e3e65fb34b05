-- 考核结果公开 (ADR 0033): one city-wide setting, off until an administrator turns it on. When on, anyone may read the
-- published figures and rankings of closed periods through /api/evaluation/public/**. Every change is a row of
-- disclosure_change (who, when, why): the setting's history is its audit.
CREATE TABLE disclosure_setting (
    id          SMALLINT PRIMARY KEY CHECK (id = 1),
    enabled     BOOLEAN NOT NULL,
    version     BIGINT NOT NULL
);

INSERT INTO disclosure_setting (id, enabled, version) VALUES (1, FALSE, 0);

CREATE TABLE disclosure_change (
    id           BIGSERIAL PRIMARY KEY,
    enabled      BOOLEAN NOT NULL,
    version      BIGINT NOT NULL UNIQUE,
    actor        TEXT NOT NULL,
    actor_name   TEXT NOT NULL,
    reason       TEXT NOT NULL,
    changed_at   TIMESTAMPTZ NOT NULL
);
