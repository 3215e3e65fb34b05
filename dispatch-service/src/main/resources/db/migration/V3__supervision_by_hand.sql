-- Supervision orders issued by hand (督办, 催办) beside the escalations' ones: an order by hand names no expired clock,
-- says which level issued it, why, and the new deadline it sets.
ALTER TABLE ticket_supervision_order ALTER COLUMN clock DROP NOT NULL;
ALTER TABLE ticket_supervision_order ADD COLUMN kind TEXT NOT NULL DEFAULT 'ESCALATION';
ALTER TABLE ticket_supervision_order ADD COLUMN issued_by TEXT;
ALTER TABLE ticket_supervision_order ADD COLUMN reason TEXT;
ALTER TABLE ticket_supervision_order ADD COLUMN due_by TIMESTAMPTZ;
