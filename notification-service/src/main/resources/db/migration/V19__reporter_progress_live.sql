-- 进度 updates live (issue 23, ADR 0050): a signed-in reporter's page hears each event of their own whistle on its
-- stream, as the centre's dashboard does. A rule for every event, so its deliveries are reload-only (feed = FALSE) and
-- carry only "您的哨情有新进展" (Messages.progress): what units and centres did stays with them. Live updates are not
-- held back by the quiet rules (QuietRules.limits); an escalation is no step of the reporter's and is not sent.
-- Phone reporters' address (reporter:<whistle>) takes no SSE, so nothing is planned for them.
INSERT INTO notification_rule (event_type, qualifier, selector, channels, urgency, description) VALUES
    ('*', NULL, 'REPORTER', '{SSE}', 'ROUTINE', '进度 live: the reporter''s page reloads on each step of their whistle');
