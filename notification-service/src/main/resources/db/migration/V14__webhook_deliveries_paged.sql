-- A subscription's delivery history is read a page at a time, newest first, after the page before's last id
-- (GET /api/notifications/webhooks/{id}/deliveries?after=): along this index each page costs the same, however long
-- the history. Until now the history stopped at the newest 100 and was read by scanning the deliveries.
-- Only webhook deliveries have a target; the others ('') stay out of the index (the query says target <> '' too).
CREATE INDEX delivery_by_target ON delivery (target, id DESC) WHERE target <> '';
