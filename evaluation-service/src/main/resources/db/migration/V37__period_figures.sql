-- A closed period's figures as counted from its frozen case rows (period_case), kept so that a read of a closed
-- period serves them instead of counting every frozen row again (issue 20). One row per period, statement and
-- generation: the original rows never change (generation 0); the published ones change only when an adjustment is
-- applied, which moves period.adjustments, the generation they are kept under.
CREATE TABLE period_figure (
    period_code TEXT        NOT NULL REFERENCES period (code) ON DELETE CASCADE,
    source      TEXT        NOT NULL CHECK (source IN ('ORIGINAL', 'PUBLISHED')),
    generation  INTEGER     NOT NULL,
    query_key   CHAR(64)    NOT NULL,
    counts      JSONB       NOT NULL,
    counted_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (period_code, query_key, generation)
);
