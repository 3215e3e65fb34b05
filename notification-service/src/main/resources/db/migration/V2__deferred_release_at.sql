-- Deferred reporter messages carry the time their quiet window lets them out, so the sender releases only what is
-- due (one statement over this partial index) instead of re-counting every held-back group on every poll.
ALTER TABLE delivery ADD COLUMN release_at TIMESTAMPTZ;

-- Held back before the column existed: due now; the release re-checks the window and postpones what it still holds.
UPDATE delivery SET release_at = created_at WHERE status = 'DEFERRED';

CREATE INDEX delivery_deferred_due ON delivery (release_at) WHERE status = 'DEFERRED';
