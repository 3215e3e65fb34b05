-- 我的吹哨 (issue 23): a signed-in reporter's whistles, newest first, paged by (raised_at, whistle_id) — the index
-- answers each page without counting or skipping what came before.
CREATE INDEX whistle_by_reporter ON whistle (reporter_user_id, raised_at DESC, whistle_id DESC)
    WHERE reporter_user_id IS NOT NULL;
