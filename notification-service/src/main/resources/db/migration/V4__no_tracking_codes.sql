-- The tracking code is the reporter's secret: this service no longer keeps it. Texts already written with it are
-- rewritten to the placeholder that sending fills in from intake's contact (delivery log, inbox, webhook payloads),
-- then the column goes. The dev outbox keeps what it "sent": it stands for the reporter's own phone.
UPDATE delivery d SET body = replace(d.body, c.tracking_code, '〔查询码〕'),
                      payload = replace(d.payload, c.tracking_code, '〔查询码〕')
FROM whistle_context c
WHERE d.whistle_id = c.whistle_id AND c.tracking_code IS NOT NULL AND c.tracking_code <> '';

UPDATE inbox_item i SET body = replace(i.body, c.tracking_code, '〔查询码〕')
FROM whistle_context c
WHERE i.whistle_id = c.whistle_id AND c.tracking_code IS NOT NULL AND c.tracking_code <> '';

ALTER TABLE whistle_context DROP COLUMN tracking_code;
