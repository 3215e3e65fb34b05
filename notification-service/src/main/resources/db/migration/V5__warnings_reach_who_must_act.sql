-- A unit's leader (督办) and its duty officers are told apart: the same event may reach both through one unit, so
-- the leader flag is part of a delivery's identity. The leader's copy is shown to the unit's leaders only.
ALTER TABLE delivery DROP CONSTRAINT delivery_once;
ALTER TABLE delivery ADD CONSTRAINT delivery_once UNIQUE (event_id, recipient, channel, target, leader);

-- Warnings reach the people who must act (issue 18): a filing warning the owning centre's inbox, a report-in warning
-- the summoned unit's duty officers (the existing WARNING rule), a 督办/催办 issued by hand the unit held to it.
INSERT INTO notification_rule (event_type, qualifier, selector, channels, urgency, description) VALUES
    ('whistle-escalated', 'WARNING_FILE', 'OWNING_CENTRE', '{INBOX}', 'ROUTINE', '受理时限预警: the owning command centre''s inbox'),
    ('whistle-supervised', 'ORDER', 'SUPERVISED_UNIT', '{INBOX,SSE,WEBHOOK}', 'URGENT', '督办 by hand: the lead unit''s leader and duty officers, or the owning centre while nobody leads'),
    ('whistle-supervised', 'REMINDER', 'SUPERVISED_UNIT', '{INBOX,SSE,WEBHOOK}', 'ROUTINE', '催办 by hand: the lead unit''s leader and duty officers, or the owning centre while nobody leads');

-- Escalations name neither the ticket number nor the category: texts take them from what routing told.
ALTER TABLE whistle_context ADD COLUMN ticket_number TEXT, ADD COLUMN category_code TEXT;
