-- The centre's live feed carries only what the centre acts on (issue 23). The rule for every event keeps the
-- dashboard current and marks its deliveries feed = FALSE (Rule.forAction); what the centre acts on reaches it by
-- rules of their own: a new whistle to file, a lead's 办结 to verify, a filing deadline about to pass.
ALTER TABLE delivery ADD COLUMN feed BOOLEAN NOT NULL DEFAULT TRUE;

INSERT INTO notification_rule (event_type, qualifier, selector, channels, urgency, description) VALUES
    ('whistle-raised', NULL, 'OWNING_CENTRE', '{SSE}', 'ROUTINE', '新哨情: the centre files it'),
    ('whistle-reported', 'RESOLVED', 'OWNING_CENTRE', '{SSE}', 'ROUTINE', '办结 by the lead unit: the centre verifies it');

UPDATE notification_rule SET channels = array_append(channels, 'SSE')
WHERE event_type = 'whistle-escalated' AND qualifier = 'WARNING_FILE' AND selector = 'OWNING_CENTRE'
  AND channels = '{INBOX}';
