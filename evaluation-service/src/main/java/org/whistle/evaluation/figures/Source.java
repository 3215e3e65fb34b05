package org.whistle.evaluation.figures;

import org.jspecify.annotations.Nullable;

/**
 * Where a figure's cases come from: the live case rows, or a closed period's frozen rows — as they were when it
 * closed ({@link #ORIGINAL}), with the adjustments applied since ({@link #PUBLISHED}), or with the pending ones too
 * ({@link #PENDING}). Each gives rows shaped like {@code eval_case} (plus the administrator's exemption) and like
 * {@code eval_case_unit}, so one query counts them all.
 */
public enum Source {
    LIVE,
    ORIGINAL,
    PUBLISHED,
    PENDING;

    /** The case rows, as a sub-select aliased by the caller; {@code :periodCode} names a closed period. */
    String cases() {
        return switch (this) {
            case LIVE -> LIVE_CASES;
            case ORIGINAL -> frozen("original_row", "original_exemption");
            case PUBLISHED -> frozen("case_row", "exemption");
            case PENDING ->
                "(SELECT * FROM " + frozen("case_row", "exemption")
                        + " f WHERE NOT EXISTS (SELECT 1 FROM adjustment j WHERE j.period_code = :periodCode"
                        + " AND j.state = 'PENDING' AND j.whistle_id = f.whistle_id)"
                        + " UNION ALL SELECT * FROM " + LIVE_CASES + " l WHERE EXISTS (SELECT 1 FROM adjustment j"
                        + " WHERE j.period_code = :periodCode AND j.state = 'PENDING' AND j.whistle_id = l.whistle_id))";
        };
    }

    String units() {
        return switch (this) {
            case LIVE -> "eval_case_unit";
            case ORIGINAL -> frozenUnits("original_row");
            case PUBLISHED -> frozenUnits("unit_row");
            case PENDING ->
                "(SELECT * FROM " + frozenUnits("unit_row")
                        + " f WHERE NOT EXISTS (SELECT 1 FROM adjustment j WHERE j.period_code = :periodCode"
                        + " AND j.state = 'PENDING' AND j.whistle_id = f.whistle_id)"
                        + " UNION ALL SELECT * FROM eval_case_unit l WHERE EXISTS (SELECT 1 FROM adjustment j"
                        + " WHERE j.period_code = :periodCode AND j.state = 'PENDING' AND j.whistle_id = l.whistle_id))";
        };
    }

    public boolean frozen() {
        return this != LIVE;
    }

    private static final String LIVE_CASES = "(SELECT c.*, e.reason AS exemption FROM eval_case c"
            + " LEFT JOIN case_exemption e ON e.whistle_id = c.whistle_id AND e.revoked_at IS NULL)";

    private static String frozen(String row, String exemption) {
        return "(SELECT (jsonb_populate_record(NULL::eval_case, p." + row + ")).*, p." + exemption
                + " AS exemption FROM period_case p WHERE p.period_code = :periodCode AND p." + row
                + " IS NOT NULL)";
    }

    private static String frozenUnits(String row) {
        return "(SELECT (jsonb_populate_record(NULL::eval_case_unit, p." + row + ")).* FROM period_case_unit p"
                + " WHERE p.period_code = :periodCode AND p." + row + " IS NOT NULL)";
    }

    static @Nullable String periodCodeOf(Source source, @Nullable String code) {
        return source == LIVE ? null : code;
    }
}
