-- 公示: a quarter's points and rankings of a compound made public, with a window for objections. The ranking is the
-- published document as it was shown that day (derived from the ledger at publication); the ledger stays the truth,
-- and an upheld objection is answered with a correction entry in it.

CREATE TABLE disclosure (
    id               UUID        PRIMARY KEY,
    compound_id      TEXT        NOT NULL,
    year             INT         NOT NULL,
    quarter          INT         NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    published_at     TIMESTAMPTZ NOT NULL,
    published_by     TEXT        NOT NULL,
    objections_until TIMESTAMPTZ NOT NULL,
    ranking          JSONB       NOT NULL,
    UNIQUE (compound_id, year, quarter)
);

CREATE TABLE objection (
    id            UUID        PRIMARY KEY,
    disclosure_id UUID        NOT NULL REFERENCES disclosure (id),
    member_id     UUID        NOT NULL REFERENCES membership (id),
    reason        TEXT        NOT NULL,
    raised_at     TIMESTAMPTZ NOT NULL,
    answer        TEXT,
    answered_by   TEXT,
    answered_at   TIMESTAMPTZ,
    UNIQUE (disclosure_id, member_id)
);
