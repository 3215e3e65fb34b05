-- Live-page deliveries (SSE) are no longer written to the delivery log (issue 22, ADR 0056): they are pushed once the
-- planning transaction commits. Rows planned before the upgrade stay as the record of what was done then; those not
-- yet pushed have nobody to reach any more (every stream closed with the old process, and a page reads its state
-- afresh when it reconnects), so the sender, which has no SSE channel now, is not left to claim them.
UPDATE delivery
SET status = 'UNREACHABLE',
    detail = '升级前未推送的实时更新：页面重新连接时已重新读取',
    finished_at = now()
WHERE channel = 'SSE' AND status IN ('PENDING', 'SENDING');
