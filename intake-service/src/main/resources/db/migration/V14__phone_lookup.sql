-- Command centres find the whistles raised with a phone number (issue 23, ADR 0059). The stored number is encrypted
-- with a fresh nonce (V2, phone_cipher), so no two encryptions of one number are alike: an exact search needs a keyed
-- hash of the normalised number (HMAC-SHA-256 under a key derived from whistle.intake.phone-key), written with the
-- raise. Whistles raised before this version get theirs from PhoneLookupBackfill at start-up.
ALTER TABLE whistle ADD COLUMN phone_lookup bytea;

-- Newest first within one number; only rows that have a phone.
CREATE INDEX whistle_by_phone_lookup ON whistle (phone_lookup, raised_at DESC) WHERE phone_lookup IS NOT NULL;
