-- A co-handling unit still summoned (待报到) when its ticket closes is settled: its summons ends with the ticket, so
-- nobody waits for it on a closed ticket (ADR 0041). Empty while the summons stands; a reopen empties it again.
ALTER TABLE ticket_task ADD COLUMN settled_at TIMESTAMPTZ;
