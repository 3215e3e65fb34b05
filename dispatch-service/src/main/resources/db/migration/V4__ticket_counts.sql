-- The overview's numbers as counters (ADR 0030): counting over the ticket table went lossy at 10,000,000 rows.
-- Written by Tickets in the statement that stores the ticket change (so in its transaction), as differences between the
-- ticket's counts before and after the change. Keyed by the place the whistle was raised (area path, grid, street; ''
-- for no grid or street) and a slot (0–7, from the ticket's id) so that concurrent changes in one grid seldom wait on
-- the same row; readers add the slots up. A sum over the slots is the count; a single slot may be negative after a
-- rebuild (which fills slot 0).

-- Open tickets (neither closed, rejected nor merged) by level and state.
CREATE TABLE ticket_open_count (
    area_path TEXT[]   NOT NULL,
    grid_id   TEXT     NOT NULL,
    street_id TEXT     NOT NULL,
    level     TEXT     NOT NULL,
    state     TEXT     NOT NULL,
    slot      SMALLINT NOT NULL,
    n         BIGINT   NOT NULL,
    PRIMARY KEY (area_path, grid_id, street_id, level, state, slot)
);

-- Open tasks (summoned, reported in, on site) of open tickets, by unit.
CREATE TABLE ticket_open_task_count (
    area_path TEXT[]   NOT NULL,
    grid_id   TEXT     NOT NULL,
    street_id TEXT     NOT NULL,
    unit      TEXT     NOT NULL,
    slot      SMALLINT NOT NULL,
    n         BIGINT   NOT NULL,
    PRIMARY KEY (area_path, grid_id, street_id, unit, slot)
);

-- Tickets raised and closed per Shanghai day: one row per place, day and slot, the day first for "today".
CREATE TABLE ticket_day_count (
    day       DATE     NOT NULL,
    area_path TEXT[]   NOT NULL,
    grid_id   TEXT     NOT NULL,
    street_id TEXT     NOT NULL,
    slot      SMALLINT NOT NULL,
    raised    BIGINT   NOT NULL,
    closed    BIGINT   NOT NULL,
    PRIMARY KEY (day, area_path, grid_id, street_id, slot)
);

-- The rebuild path: the counters recounted from the tickets, e.g. after tickets were loaded in bulk (COPY) past the
-- service. Takes a SHARE lock on the tickets and their tasks so that no change lands half-counted meanwhile.
CREATE FUNCTION rebuild_ticket_counts() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE ticket, ticket_task IN SHARE MODE;
    DELETE FROM ticket_open_count;
    DELETE FROM ticket_open_task_count;
    DELETE FROM ticket_day_count;
    INSERT INTO ticket_open_count (area_path, grid_id, street_id, level, state, slot, n)
        SELECT area_path, coalesce(grid_id, ''), coalesce(street_id, ''), level, state, 0, count(*)
        FROM ticket WHERE state NOT IN ('CLOSED', 'REJECTED', 'MERGED')
        GROUP BY 1, 2, 3, 4, 5;
    INSERT INTO ticket_open_task_count (area_path, grid_id, street_id, unit, slot, n)
        SELECT t.area_path, coalesce(t.grid_id, ''), coalesce(t.street_id, ''), k.unit, 0, count(*)
        FROM ticket_task k JOIN ticket t ON t.id = k.ticket_id
        WHERE t.state NOT IN ('CLOSED', 'REJECTED', 'MERGED') AND k.state IN ('SUMMONED', 'REPORTED_IN', 'ON_SITE')
        GROUP BY 1, 2, 3, 4;
    INSERT INTO ticket_day_count (day, area_path, grid_id, street_id, slot, raised, closed)
        SELECT day, area_path, grid_id, street_id, 0, sum(raised), sum(closed)
        FROM (
            SELECT (raised_at AT TIME ZONE 'Asia/Shanghai')::date AS day, area_path, coalesce(grid_id, '') AS grid_id,
                   coalesce(street_id, '') AS street_id, 1 AS raised, 0 AS closed
            FROM ticket
            UNION ALL
            SELECT (closed_at AT TIME ZONE 'Asia/Shanghai')::date, area_path, coalesce(grid_id, ''),
                   coalesce(street_id, ''), 0, 1
            FROM ticket WHERE closed_at IS NOT NULL
        ) d
        GROUP BY 1, 2, 3, 4;
END;
$$;

SELECT rebuild_ticket_counts();
