-- ADR 0046: a reporter who raised their whistle through WeChat, signed in there, is told its progress through
-- WeChat too. The channel the whistle came through is remembered with its context, and the reporter's rules that
-- text them (受理, 办结, 核查, 结案) gain the WECHAT channel; it reaches only the new wechat:<whistle id> address,
-- which is given to such reporters alone, so phone reporters are told as before.
ALTER TABLE whistle_context ADD COLUMN channel TEXT;

UPDATE notification_rule
SET channels = array_append(channels, 'WECHAT')
WHERE selector = 'REPORTER'
  AND channels = '{INBOX,SMS}';
