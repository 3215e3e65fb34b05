-- Party-member participation (党员进小区, members-service's member-participation topic) for the secretary appraisal's
-- participation indicators (ADR 0033). One row per event, so a redelivery adds nothing; the community a grid belongs
-- to is looked up when a result is read, so an event that arrives before its grid is known still counts once it is.
CREATE TABLE member_participation (
    event_id      UUID PRIMARY KEY,
    type          TEXT NOT NULL CHECK (type IN ('REPORTED', 'TASK_DONE')),
    member_id     UUID NOT NULL,
    member_kind   TEXT NOT NULL,
    task_id       UUID,
    compound_id   TEXT NOT NULL,
    grid_id       TEXT NOT NULL,
    hours         NUMERIC(8, 2) NOT NULL DEFAULT 0,
    at            TIMESTAMPTZ NOT NULL
);

CREATE INDEX member_participation_grid ON member_participation (grid_id, at);
