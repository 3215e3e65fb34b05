-- 评议: the compound branch's year-end evaluation of each in-service member, exported per workplace organisation as
-- its appraisal input (MEMBERS.md §5). Append-only like the ledger: a revised grade is a new row, the latest counts,
-- and every row says who graded and when.

CREATE TABLE year_end_review (
    id          UUID        PRIMARY KEY,
    member_id   UUID        NOT NULL REFERENCES membership (id),
    year        INT         NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    grade       TEXT        NOT NULL CHECK (grade IN ('EXCELLENT', 'COMPETENT', 'BASIC', 'INCOMPETENT')),
    comment     TEXT        NOT NULL CHECK (char_length(comment) <= 2000),
    reviewed_by TEXT        NOT NULL,
    reviewer    TEXT        NOT NULL,
    reviewed_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX year_end_review_member ON year_end_review (member_id, year, reviewed_at DESC);

CREATE TRIGGER year_end_review_append_only
    BEFORE UPDATE OR DELETE ON year_end_review
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
