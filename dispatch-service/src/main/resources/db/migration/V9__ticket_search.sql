-- The centre's queue searched by address and text (issue 23, ADR 0050): the whistle's address and description as
-- raised (phones masked, normalised, at most 500 characters; SearchText) and their distinct two-character pieces.
-- Chinese words are mostly two characters and unspaced, which neither word stems nor trigrams find; a search's
-- bigrams all lie in any text holding it, so this GIN index narrows a search to candidates and a substring check
-- decides. Plain columns written by the raise (a generated column would rewrite the whole table); tickets raised
-- before this migration have no search text and are found by number, state, unit and category as before.
ALTER TABLE ticket ADD COLUMN search_text TEXT, ADD COLUMN search_grams TEXT[];

CREATE INDEX ticket_search ON ticket USING gin (search_grams) WHERE search_grams IS NOT NULL;
