-- The members' photos that answered a whistle (members-photo:<id>) are read once from members-service, stripped of
-- location, and kept here as evidence of the whistle (ADR 0051): copied_from names the reference they were made for.
-- One copy per whistle and reference, however many viewers open it at once.
ALTER TABLE evidence ADD COLUMN copied_from varchar(80);
CREATE UNIQUE INDEX evidence_copied_from ON evidence (whistle_id, copied_from) WHERE copied_from IS NOT NULL;
