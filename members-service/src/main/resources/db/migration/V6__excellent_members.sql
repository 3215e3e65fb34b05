-- 优秀市民党员: the rule (a year's score at least the city's threshold, no deductions that year) is data on the rule
-- set; the branch confirms the ones it nominates, once per member and year.

ALTER TABLE rule_set ADD COLUMN excellent_threshold INT NOT NULL DEFAULT 80 CHECK (excellent_threshold >= 0);

CREATE TABLE excellent_member (
    member_id    UUID        NOT NULL REFERENCES membership (id),
    year         INT         NOT NULL,
    score        INT         NOT NULL,
    confirmed_by TEXT        NOT NULL,
    confirmed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (member_id, year)
);
