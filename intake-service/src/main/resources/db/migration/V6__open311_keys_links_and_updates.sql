-- Open311 clients' API keys, issued by administrators (ADR 0027). Only the SHA-256 of a key is kept: the key itself
-- is shown once, to the administrator who issues it. Revoking keeps the row, so the list says who had a key and when.
CREATE TABLE open311_api_key (
    key_id       uuid PRIMARY KEY,
    client_name  varchar(100) NOT NULL,
    key_hash     bytea        NOT NULL UNIQUE,
    -- The key's first characters, so an administrator can tell keys apart in the list; not enough to use one.
    key_prefix   varchar(16)  NOT NULL,
    created_at   timestamptz  NOT NULL,
    created_by   varchar(128) NOT NULL,
    revoked_at   timestamptz,
    revoked_by   varchar(128),
    last_used_at timestamptz
);

-- The link an Open311 client gave as media_url: kept as written, never fetched.
ALTER TABLE whistle ADD COLUMN media_url varchar(1000);

-- FixMyStreet's updates: the client's own update_id (a retry with it records nothing twice) and the status it gave.
ALTER TABLE whistle_support ADD COLUMN client_update_id varchar(64);
ALTER TABLE whistle_support ADD COLUMN client_status varchar(32);
ALTER TABLE whistle_support ADD COLUMN timeline_entry_id bigint;
CREATE UNIQUE INDEX whistle_support_client_update ON whistle_support (whistle_id, client_update_id)
    WHERE client_update_id IS NOT NULL;
ALTER TABLE whistle_timeline ADD COLUMN client_status varchar(32);
