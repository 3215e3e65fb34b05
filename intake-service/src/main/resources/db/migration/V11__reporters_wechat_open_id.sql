-- The WeChat open id of a reporter who signed in through WeChat (ADR 0046), from their token's wechat_openid claim
-- (never from the request): notification-service reads it from /internal/whistles/{id}/contact to send progress to
-- their WeChat. Like the phone, it never leaves intake in events or staff views.
ALTER TABLE whistle ADD COLUMN reporter_wechat_open_id varchar(64);
