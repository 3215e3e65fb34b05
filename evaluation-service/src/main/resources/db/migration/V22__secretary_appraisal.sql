-- 书记考核 (ADR 0025): indicator sets per year and level, the secretaries appraised against them, the scores the
-- appraising body gives (append-only: the newest score of an item in a period stands, the older ones are its
-- history), negative-list and veto hits, and every change of a secretary's stars.
CREATE TABLE indicator_set (
    set_id                      TEXT PRIMARY KEY,
    year                        INTEGER NOT NULL,
    level                       TEXT NOT NULL,
    name                        TEXT NOT NULL,
    basically_satisfied_weight  NUMERIC NOT NULL,
    star_thresholds             JSONB NOT NULL,
    created_by                  TEXT NOT NULL,
    created_at                  TIMESTAMPTZ NOT NULL,
    UNIQUE (year, level)
);

CREATE TABLE indicator (
    set_id    TEXT NOT NULL REFERENCES indicator_set (set_id),
    code      TEXT NOT NULL,
    position  INTEGER NOT NULL,
    grp       TEXT NOT NULL,
    name      TEXT NOT NULL,
    kind      TEXT NOT NULL,
    source    TEXT,
    points    NUMERIC NOT NULL,
    target    NUMERIC,
    stars     INTEGER NOT NULL,
    PRIMARY KEY (set_id, code)
);

CREATE TABLE secretary (
    secretary_id  UUID PRIMARY KEY,
    community_id  TEXT NOT NULL,
    name          TEXT NOT NULL,
    set_level     TEXT NOT NULL,
    took_office   DATE NOT NULL,
    stars         INTEGER NOT NULL CHECK (stars BETWEEN 0 AND 5),
    version       BIGINT NOT NULL,
    UNIQUE (community_id, name)
);

CREATE TABLE secretary_score (
    id             BIGSERIAL PRIMARY KEY,
    secretary_id   UUID NOT NULL REFERENCES secretary (secretary_id),
    set_id         TEXT NOT NULL,
    period         TEXT NOT NULL,
    code           TEXT NOT NULL,
    points         NUMERIC,
    evidence       TEXT NOT NULL,
    scored_by      TEXT NOT NULL,
    scored_by_name TEXT,
    scored_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX secretary_score_of ON secretary_score (secretary_id, period, code, id);

CREATE TABLE star_change (
    id             BIGSERIAL PRIMARY KEY,
    secretary_id   UUID NOT NULL REFERENCES secretary (secretary_id),
    version        BIGINT NOT NULL,
    from_stars     INTEGER,
    to_stars       INTEGER NOT NULL,
    kind           TEXT NOT NULL,
    reason         TEXT NOT NULL,
    changed_by     TEXT NOT NULL,
    changed_by_name TEXT,
    changed_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (secretary_id, version)
);
