-- What members-service knows of whistles, from the whistle-* topics: enough for a grid worker or dispatcher to turn a
-- small whistle into a community task (where, what, whether it is still open). Newer revisions replace older ones.

CREATE TABLE whistle_copy (
    whistle_id    UUID        PRIMARY KEY,
    ticket_id     UUID,
    ticket_number TEXT,
    category_code TEXT        NOT NULL,
    description   TEXT        NOT NULL,
    address       TEXT,
    lat           DOUBLE PRECISION,
    lng           DOUBLE PRECISION,
    grid_id       TEXT,
    state         TEXT        NOT NULL,
    revision      BIGINT      NOT NULL,
    raised_at     TIMESTAMPTZ NOT NULL
);

CREATE INDEX whistle_copy_grid ON whistle_copy (grid_id, state);
