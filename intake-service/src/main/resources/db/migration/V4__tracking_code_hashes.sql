-- The tracking code is the reporter's secret (ADR 0016): keep only its SHA-256. New codes are derived from the
-- whistle id under whistle.intake.tracking-key, so intake can say them again without storing them; the random codes
-- of earlier whistles survive only as their hash, and their reporters keep using them as before.
ALTER TABLE whistle ADD COLUMN tracking_code_hash bytea;
UPDATE whistle SET tracking_code_hash = sha256(convert_to(tracking_code, 'UTF8'));
ALTER TABLE whistle ALTER COLUMN tracking_code_hash SET NOT NULL;
ALTER TABLE whistle ADD CONSTRAINT whistle_tracking_code_hash_key UNIQUE (tracking_code_hash);
ALTER TABLE whistle DROP COLUMN tracking_code;

-- Replayed raise answers are stored without the code; the answer to a retry adds it again where it can be derived.
UPDATE idempotent_request
SET body = (CAST(body AS jsonb) - 'trackingCode' - 'trackUrl')::text
WHERE CASE WHEN body LIKE '{%' THEN (CAST(body AS jsonb) -> 'trackingCode') IS NOT NULL ELSE false END;
