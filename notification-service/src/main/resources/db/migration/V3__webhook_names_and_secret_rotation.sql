-- Webhook subscriptions get a name people recognise, and the time their secret was last set: the secret itself is
-- shown once (when created or rotated), later reads only say that one exists and since when.
ALTER TABLE webhook_subscription ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE webhook_subscription ADD COLUMN secret_rotated_at TIMESTAMPTZ;
UPDATE webhook_subscription SET secret_rotated_at = created_at;
ALTER TABLE webhook_subscription ALTER COLUMN secret_rotated_at SET NOT NULL;
