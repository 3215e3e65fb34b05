-- A centre's queue narrowed to the tickets a unit is summoned to (ADR 0041) probes the unit's tasks of every ticket it
-- walks, or reads the unit's tasks first when they are few: either way along an index, over the whole history (the
-- partial index of open tasks covers only the open ones).
CREATE INDEX ticket_task_unit ON ticket_task (unit, ticket_id);
