-- A centre's queue read page by page after a cursor (owning centre, raised time, number) instead of OFFSET and an
-- exact count (ADR 0030): newest or oldest first, any page as fast as the first.
CREATE INDEX ticket_centre_raised ON ticket (owning_centre, raised_at, number);

-- The open tickets — a few thousandths of the history — by centre and state in queue order, covering every column a
-- queue item shows, so a queue of open tickets is an index-only scan of this small index.
CREATE INDEX ticket_open_centre_state ON ticket (owning_centre, state, raised_at, number)
    INCLUDE (id, category, priority, level, updated_at)
    WHERE state NOT IN ('CLOSED', 'REJECTED', 'MERGED');

-- Superseded: the queue no longer filters by state, level and category before ordering by time.
DROP INDEX ticket_centre_queue;

-- No read uses these any more: the overview counts from its counters (V4), the queue reads the two indexes above. Each
-- was one more index to write with every ticket change; the GIN one over the area path the costliest.
DROP INDEX ticket_area;
DROP INDEX ticket_open_by_level;
DROP INDEX ticket_raised_at;
DROP INDEX ticket_closed_at;
