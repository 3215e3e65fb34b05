-- The handling unit a task made from a whistle was taken on for (dispatch summoned it as the ticket's lead), so that
-- its completion reports done for that unit even if a dispatcher has since made another unit the lead. Tasks made
-- before this column have none; dispatch then falls back to the ticket's current lead, as it did before.
ALTER TABLE task ADD COLUMN handling_unit TEXT CHECK (handling_unit IS NULL OR whistle_id IS NOT NULL);
