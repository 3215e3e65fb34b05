-- The result's evidence (the handling unit's photos of what was done) moves by the revision of the DONE report that
-- carried it, apart from the status: dispatch may publish done, verified and closed of one change together (a
-- community task approved by the compound's branch), on different topics, and the close can arrive first. The status
-- then rightly ignores the older DONE, but its photos are still the result the reporter must see (issue 21).
ALTER TABLE whistle ADD COLUMN result_evidence_revision BIGINT NOT NULL DEFAULT 0;
