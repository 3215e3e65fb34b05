-- 双考核 ratings of generated history (unit-rated with origin HISTORY on evaluation-ratings, issue 20). The ratings topic
-- and the whistle topics are read in no order relative to each other, so a rating is kept here until the part it
-- rates has ended in this service's fold, and then applied to that part's unit_rating row once (applied_at).
CREATE TABLE history_rating (
    whistle_id          UUID        NOT NULL,
    unit_id             TEXT        NOT NULL,
    event_id            UUID        NOT NULL,
    actor               JSONB       NOT NULL,
    reported_in_on_time BOOLEAN     NOT NULL,
    came_on_site        BOOLEAN     NOT NULL,
    stayed_until_done   BOOLEAN     NOT NULL,
    quality             TEXT        NOT NULL,
    score               INTEGER     NOT NULL,
    rated_at            TIMESTAMPTZ NOT NULL,
    applied_at          TIMESTAMPTZ,
    PRIMARY KEY (whistle_id, unit_id)
);
