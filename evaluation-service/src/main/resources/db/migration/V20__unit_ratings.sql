-- 双考核 (ADR 0025): one rating per unit and whistle, created when the unit's part ended (done, declined, withdrawn)
-- and rated by the centre that summoned it; the unit may appeal it once and the level above decides. Unlike the
-- figures these rows are decisions people made, not derived from events: a rebuild of the projection keeps them.
CREATE TABLE unit_rating (
    rating_id            UUID PRIMARY KEY,
    whistle_id           UUID NOT NULL,
    ticket_id            UUID,
    ticket_number        TEXT,
    unit_id              TEXT NOT NULL,
    centre_id            TEXT NOT NULL,
    part_ended           TEXT NOT NULL,
    part_ended_at        TIMESTAMPTZ NOT NULL,
    summoned_at          TIMESTAMPTZ NOT NULL,
    reported_in_at       TIMESTAMPTZ,
    reported_in_late     BOOLEAN NOT NULL,
    on_site_at           TIMESTAMPTZ,
    count_date           DATE NOT NULL,
    status               TEXT NOT NULL,
    version              BIGINT NOT NULL,
    reported_in_on_time  BOOLEAN,
    came_on_site         BOOLEAN,
    stayed_until_done    BOOLEAN,
    quality              TEXT,
    score                INTEGER CHECK (score BETWEEN 0 AND 100),
    comment              TEXT,
    rated_by             JSONB,
    rated_by_name        TEXT,
    rated_at             TIMESTAMPTZ,
    appeal_reason        TEXT,
    appealed_by          JSONB,
    appealed_by_name     TEXT,
    appealed_at          TIMESTAMPTZ,
    decision             TEXT,
    decided_score        INTEGER CHECK (decided_score BETWEEN 0 AND 100),
    decision_reason      TEXT,
    decided_by           JSONB,
    decided_by_name      TEXT,
    decided_at           TIMESTAMPTZ,
    UNIQUE (whistle_id, unit_id)
);
CREATE INDEX unit_rating_centre ON unit_rating (centre_id, status, part_ended_at);
CREATE INDEX unit_rating_unit ON unit_rating (unit_id, count_date);
CREATE INDEX unit_rating_status ON unit_rating (status, count_date);

-- Every change of a rating, who made it and what it said: the rating's record, never updated.
CREATE TABLE unit_rating_audit (
    id          BIGSERIAL PRIMARY KEY,
    rating_id   UUID NOT NULL REFERENCES unit_rating (rating_id),
    version     BIGINT NOT NULL,
    action      TEXT NOT NULL,
    actor       JSONB NOT NULL,
    actor_name  TEXT,
    at          TIMESTAMPTZ NOT NULL,
    detail      JSONB NOT NULL,
    UNIQUE (rating_id, version)
);
