-- Duty officers are texted for a summons (召集) and a 督办, not only told in the inbox (issue 25): the default rules
-- gain SMS. The duty officers' phone is the unit's duty contact in org-registry; a leader's copy is not texted.
-- Rules an administrator has changed since are left as they are.
UPDATE notification_rule SET channels = array_append(channels, 'SMS')
WHERE event_type = 'whistle-routed' AND qualifier = 'SUMMONED' AND selector = 'SUMMONED_UNITS'
  AND channels = '{INBOX,SSE,WEBHOOK}';
UPDATE notification_rule SET channels = array_append(channels, 'SMS')
WHERE event_type = 'whistle-supervised' AND qualifier = 'ORDER' AND selector = 'SUPERVISED_UNIT'
  AND channels = '{INBOX,SSE,WEBHOOK}';
