-- Per-day and per-month rollups of the case rows (ADR 0037): what every live figure and ranking reads instead of
-- counting eval_case. Kept by the code (cases/Rollups) in the transaction that folds a case change: the case's
-- share before is subtracted, its share after added, so a late event moves a case from its old bucket to its new one.
--
-- A row is one object (dim A: the case's place, U: its lead unit, C: its owning centre; for summons, U is the
-- summoned unit), one grain (D: a Shanghai day, M: a month, keyed by its first day) and one exempt class: '' (not
-- exempt by anything), REJECTED or MERGED (the outcomes a rule set may exempt) or MANUAL (an administrator's
-- exemption). Keying by the class is what keeps the rollups right under any rule set: a version that exempts
-- MERGED simply leaves those rows out, and nothing is recomputed when a version takes effect. Phone follow-ups
-- are counted on their own (*_phone) for the same reason (countPhoneFollowUps). Durations are a sum and a count
-- in microseconds (the mean) and a histogram over fixed bounds (the 90th percentile, to within its bucket).

-- The cases, by the date they count on (count_date).
CREATE TABLE eval_rollup (
    dim          CHAR(1) NOT NULL,
    object_id    TEXT NOT NULL,
    grain        CHAR(1) NOT NULL,
    day          DATE NOT NULL,
    exempt_class TEXT NOT NULL,
    raised BIGINT NOT NULL DEFAULT 0,
    filed BIGINT NOT NULL DEFAULT 0,
    filed_on_time BIGINT NOT NULL DEFAULT 0,
    dispatched BIGINT NOT NULL DEFAULT 0,
    dispatched_correctly BIGINT NOT NULL DEFAULT 0,
    handled BIGINT NOT NULL DEFAULT 0,
    handled_on_time BIGINT NOT NULL DEFAULT 0,
    handled_late BIGINT NOT NULL DEFAULT 0,
    closed BIGINT NOT NULL DEFAULT 0,
    closed_on_time BIGINT NOT NULL DEFAULT 0,
    reworked BIGINT NOT NULL DEFAULT 0,
    extended BIGINT NOT NULL DEFAULT 0,
    self_handled BIGINT NOT NULL DEFAULT 0,
    responded_on_time BIGINT NOT NULL DEFAULT 0,
    followed_up BIGINT NOT NULL DEFAULT 0,
    answered_resolved BIGINT NOT NULL DEFAULT 0,
    satisfied BIGINT NOT NULL DEFAULT 0,
    basically_satisfied BIGINT NOT NULL DEFAULT 0,
    followed_up_phone BIGINT NOT NULL DEFAULT 0,
    answered_resolved_phone BIGINT NOT NULL DEFAULT 0,
    satisfied_phone BIGINT NOT NULL DEFAULT 0,
    basically_satisfied_phone BIGINT NOT NULL DEFAULT 0,
    file_n BIGINT NOT NULL DEFAULT 0,
    file_us BIGINT NOT NULL DEFAULT 0,
    handle_n BIGINT NOT NULL DEFAULT 0,
    handle_us BIGINT NOT NULL DEFAULT 0,
    close_n BIGINT NOT NULL DEFAULT 0,
    close_us BIGINT NOT NULL DEFAULT 0,
    file_h00 BIGINT NOT NULL DEFAULT 0,
    file_h01 BIGINT NOT NULL DEFAULT 0,
    file_h02 BIGINT NOT NULL DEFAULT 0,
    file_h03 BIGINT NOT NULL DEFAULT 0,
    file_h04 BIGINT NOT NULL DEFAULT 0,
    file_h05 BIGINT NOT NULL DEFAULT 0,
    file_h06 BIGINT NOT NULL DEFAULT 0,
    file_h07 BIGINT NOT NULL DEFAULT 0,
    file_h08 BIGINT NOT NULL DEFAULT 0,
    file_h09 BIGINT NOT NULL DEFAULT 0,
    file_h10 BIGINT NOT NULL DEFAULT 0,
    file_h11 BIGINT NOT NULL DEFAULT 0,
    file_h12 BIGINT NOT NULL DEFAULT 0,
    file_h13 BIGINT NOT NULL DEFAULT 0,
    file_h14 BIGINT NOT NULL DEFAULT 0,
    file_h15 BIGINT NOT NULL DEFAULT 0,
    file_h16 BIGINT NOT NULL DEFAULT 0,
    file_h17 BIGINT NOT NULL DEFAULT 0,
    file_h18 BIGINT NOT NULL DEFAULT 0,
    file_h19 BIGINT NOT NULL DEFAULT 0,
    file_h20 BIGINT NOT NULL DEFAULT 0,
    file_h21 BIGINT NOT NULL DEFAULT 0,
    file_h22 BIGINT NOT NULL DEFAULT 0,
    file_h23 BIGINT NOT NULL DEFAULT 0,
    handle_h00 BIGINT NOT NULL DEFAULT 0,
    handle_h01 BIGINT NOT NULL DEFAULT 0,
    handle_h02 BIGINT NOT NULL DEFAULT 0,
    handle_h03 BIGINT NOT NULL DEFAULT 0,
    handle_h04 BIGINT NOT NULL DEFAULT 0,
    handle_h05 BIGINT NOT NULL DEFAULT 0,
    handle_h06 BIGINT NOT NULL DEFAULT 0,
    handle_h07 BIGINT NOT NULL DEFAULT 0,
    handle_h08 BIGINT NOT NULL DEFAULT 0,
    handle_h09 BIGINT NOT NULL DEFAULT 0,
    handle_h10 BIGINT NOT NULL DEFAULT 0,
    handle_h11 BIGINT NOT NULL DEFAULT 0,
    handle_h12 BIGINT NOT NULL DEFAULT 0,
    handle_h13 BIGINT NOT NULL DEFAULT 0,
    handle_h14 BIGINT NOT NULL DEFAULT 0,
    handle_h15 BIGINT NOT NULL DEFAULT 0,
    handle_h16 BIGINT NOT NULL DEFAULT 0,
    handle_h17 BIGINT NOT NULL DEFAULT 0,
    handle_h18 BIGINT NOT NULL DEFAULT 0,
    handle_h19 BIGINT NOT NULL DEFAULT 0,
    handle_h20 BIGINT NOT NULL DEFAULT 0,
    handle_h21 BIGINT NOT NULL DEFAULT 0,
    handle_h22 BIGINT NOT NULL DEFAULT 0,
    handle_h23 BIGINT NOT NULL DEFAULT 0,
    close_h00 BIGINT NOT NULL DEFAULT 0,
    close_h01 BIGINT NOT NULL DEFAULT 0,
    close_h02 BIGINT NOT NULL DEFAULT 0,
    close_h03 BIGINT NOT NULL DEFAULT 0,
    close_h04 BIGINT NOT NULL DEFAULT 0,
    close_h05 BIGINT NOT NULL DEFAULT 0,
    close_h06 BIGINT NOT NULL DEFAULT 0,
    close_h07 BIGINT NOT NULL DEFAULT 0,
    close_h08 BIGINT NOT NULL DEFAULT 0,
    close_h09 BIGINT NOT NULL DEFAULT 0,
    close_h10 BIGINT NOT NULL DEFAULT 0,
    close_h11 BIGINT NOT NULL DEFAULT 0,
    close_h12 BIGINT NOT NULL DEFAULT 0,
    close_h13 BIGINT NOT NULL DEFAULT 0,
    close_h14 BIGINT NOT NULL DEFAULT 0,
    close_h15 BIGINT NOT NULL DEFAULT 0,
    close_h16 BIGINT NOT NULL DEFAULT 0,
    close_h17 BIGINT NOT NULL DEFAULT 0,
    close_h18 BIGINT NOT NULL DEFAULT 0,
    close_h19 BIGINT NOT NULL DEFAULT 0,
    close_h20 BIGINT NOT NULL DEFAULT 0,
    close_h21 BIGINT NOT NULL DEFAULT 0,
    close_h22 BIGINT NOT NULL DEFAULT 0,
    close_h23 BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (dim, grain, day, object_id, exempt_class)
);
CREATE INDEX eval_rollup_object ON eval_rollup (dim, object_id, grain, day);

-- The summons, by the date each counts on (eval_case_unit.count_date); the class is the case's.
CREATE TABLE eval_unit_rollup (
    dim          CHAR(1) NOT NULL,
    object_id    TEXT NOT NULL,
    grain        CHAR(1) NOT NULL,
    day          DATE NOT NULL,
    exempt_class TEXT NOT NULL,
    summoned BIGINT NOT NULL DEFAULT 0,
    reported_on_time BIGINT NOT NULL DEFAULT 0,
    report_in_n BIGINT NOT NULL DEFAULT 0,
    report_in_us BIGINT NOT NULL DEFAULT 0,
    report_in_h00 BIGINT NOT NULL DEFAULT 0,
    report_in_h01 BIGINT NOT NULL DEFAULT 0,
    report_in_h02 BIGINT NOT NULL DEFAULT 0,
    report_in_h03 BIGINT NOT NULL DEFAULT 0,
    report_in_h04 BIGINT NOT NULL DEFAULT 0,
    report_in_h05 BIGINT NOT NULL DEFAULT 0,
    report_in_h06 BIGINT NOT NULL DEFAULT 0,
    report_in_h07 BIGINT NOT NULL DEFAULT 0,
    report_in_h08 BIGINT NOT NULL DEFAULT 0,
    report_in_h09 BIGINT NOT NULL DEFAULT 0,
    report_in_h10 BIGINT NOT NULL DEFAULT 0,
    report_in_h11 BIGINT NOT NULL DEFAULT 0,
    report_in_h12 BIGINT NOT NULL DEFAULT 0,
    report_in_h13 BIGINT NOT NULL DEFAULT 0,
    report_in_h14 BIGINT NOT NULL DEFAULT 0,
    report_in_h15 BIGINT NOT NULL DEFAULT 0,
    report_in_h16 BIGINT NOT NULL DEFAULT 0,
    report_in_h17 BIGINT NOT NULL DEFAULT 0,
    report_in_h18 BIGINT NOT NULL DEFAULT 0,
    report_in_h19 BIGINT NOT NULL DEFAULT 0,
    report_in_h20 BIGINT NOT NULL DEFAULT 0,
    report_in_h21 BIGINT NOT NULL DEFAULT 0,
    report_in_h22 BIGINT NOT NULL DEFAULT 0,
    report_in_h23 BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (dim, grain, day, object_id, exempt_class)
);
CREATE INDEX eval_unit_rollup_object ON eval_unit_rollup (dim, object_id, grain, day);

-- The histogram's lower bounds in seconds (bucket 0 is below the first); Rollups.BOUNDS says the same.
CREATE FUNCTION eval_duration_bucket(micros BIGINT) RETURNS INTEGER LANGUAGE sql IMMUTABLE AS $$
    SELECT width_bucket(micros, ARRAY[60000000, 300000000, 600000000, 900000000, 1800000000, 3600000000, 7200000000, 10800000000, 14400000000, 21600000000, 28800000000, 43200000000, 86400000000, 129600000000, 172800000000, 259200000000, 345600000000, 432000000000, 604800000000, 864000000000, 1296000000000, 2592000000000, 5184000000000]::BIGINT[])
$$;

-- Overdue-and-open is counted at the moment of reading, so it stays on the case table: open dispatched cases are
-- few whatever the history, and this index finds them by the date they count on.
CREATE INDEX eval_case_open ON eval_case (count_date) INCLUDE (area_id, lead_unit_id, owning_centre_id)
    WHERE dispatched_at IS NOT NULL AND handled_at IS NULL AND outcome IS NULL;

-- Recounts every rollup from the case rows, under a SHARE lock (nothing folds meanwhile). Run by this migration;
-- run it again after loading cases past the service (the bench's COPY) or whenever a rollup is doubted. Rollups
-- maintained by the code equal its result (RollupsTest).
CREATE FUNCTION rebuild_eval_rollups() RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE eval_case, eval_case_unit, case_exemption IN SHARE MODE;
    DELETE FROM eval_rollup;
    DELETE FROM eval_unit_rollup;
    INSERT INTO eval_rollup (dim, object_id, grain, day, exempt_class,
        raised, filed, filed_on_time, dispatched, dispatched_correctly, handled, handled_on_time, handled_late, closed, closed_on_time, reworked, extended, self_handled, responded_on_time, followed_up, answered_resolved, satisfied, basically_satisfied, followed_up_phone, answered_resolved_phone, satisfied_phone, basically_satisfied_phone, file_n, file_us, handle_n, handle_us, close_n, close_us, file_h00, file_h01, file_h02, file_h03, file_h04, file_h05, file_h06, file_h07, file_h08, file_h09, file_h10, file_h11, file_h12, file_h13, file_h14, file_h15, file_h16, file_h17, file_h18, file_h19, file_h20, file_h21, file_h22, file_h23, handle_h00, handle_h01, handle_h02, handle_h03, handle_h04, handle_h05, handle_h06, handle_h07, handle_h08, handle_h09, handle_h10, handle_h11, handle_h12, handle_h13, handle_h14, handle_h15, handle_h16, handle_h17, handle_h18, handle_h19, handle_h20, handle_h21, handle_h22, handle_h23, close_h00, close_h01, close_h02, close_h03, close_h04, close_h05, close_h06, close_h07, close_h08, close_h09, close_h10, close_h11, close_h12, close_h13, close_h14, close_h15, close_h16, close_h17, close_h18, close_h19, close_h20, close_h21, close_h22, close_h23)
    SELECT d.dim, d.object_id, g.grain,
        CASE g.grain WHEN 'D' THEN x.count_date ELSE date_trunc('month', x.count_date)::DATE END, x.exempt_class,
        count(*),
        count(*) FILTER (WHERE filed),
        count(*) FILTER (WHERE filed AND NOT file_late),
        count(*) FILTER (WHERE due),
        count(*) FILTER (WHERE due AND NOT returned AND NOT transferred),
        count(*) FILTER (WHERE handled),
        count(*) FILTER (WHERE handled AND NOT handled_late),
        count(*) FILTER (WHERE handled AND handled_late),
        count(*) FILTER (WHERE closed),
        count(*) FILTER (WHERE filed AND closed_on_time),
        count(*) FILTER (WHERE filed AND reworked > 0),
        count(*) FILTER (WHERE due AND extended > 0),
        count(*) FILTER (WHERE self_handled),
        count(*) FILTER (WHERE due AND responded_on_time),
        count(*) FILTER (WHERE followed_up),
        count(*) FILTER (WHERE followed_up AND answer_resolved),
        count(*) FILTER (WHERE followed_up AND answer_rating = 'SATISFIED'),
        count(*) FILTER (WHERE followed_up AND answer_rating = 'BASICALLY_SATISFIED'),
        count(*) FILTER (WHERE followed_up AND answer_by_phone),
        count(*) FILTER (WHERE followed_up AND answer_by_phone AND answer_resolved),
        count(*) FILTER (WHERE followed_up AND answer_by_phone AND answer_rating = 'SATISFIED'),
        count(*) FILTER (WHERE followed_up AND answer_by_phone AND answer_rating = 'BASICALLY_SATISFIED'),
        count(file_us),
        coalesce(sum(file_us), 0),
        count(handle_us),
        coalesce(sum(handle_us), 0),
        count(close_us),
        coalesce(sum(close_us), 0),
        count(*) FILTER (WHERE eval_duration_bucket(file_us) = 0),
        count(*) FILTER (WHERE eval_duration_bucket(file_us) = 1),
        count(*) FILTER (WHERE eval_duration_bucket(file_us) = 2),
        count(*) FILTER (WHERE eval_duration_bucket(file_us) = 3),
        count(*) FILTER (WHERE eval_duration_bucket(file_us) = 4),
        count(*) FILTER (WHERE eval_duration_bucket(file_us) = 5),
        count(*) FILTER (WHERE eval_duration_bucket(file_us) = 6),
        count(*) FILTER (WHERE eval_duration_bucket(file_us) = 7),
        count(*) FILTER (WHERE eval_duration_bucket(file_us) = 8),
        count(*) FILTER (WHERE eval_duration_bucket(file_us) = 9),
        count(*) FILTER (WHERE eval_duration_bucket(file_us) = 10),
        count(*) FILTER (WHERE eval_duration_bucket(file_us) = 11),
        count(*) FILTER (WHERE eval_duration_bucket(file_us) = 12),
        count(*) FILTER (WHERE eval_duration_bucket(file_us) = 13),
        count(*) FILTER (WHERE eval_duration_bucket(file_us) = 14),
        count(*) FILTER (WHERE eval_duration_bucket(file_us) = 15),
        count(*) FILTER (WHERE eval_duration_bucket(file_us) = 16),
        count(*) FILTER (WHERE eval_duration_bucket(file_us) = 17),
        count(*) FILTER (WHERE eval_duration_bucket(file_us) = 18),
        count(*) FILTER (WHERE eval_duration_bucket(file_us) = 19),
        count(*) FILTER (WHERE eval_duration_bucket(file_us) = 20),
        count(*) FILTER (WHERE eval_duration_bucket(file_us) = 21),
        count(*) FILTER (WHERE eval_duration_bucket(file_us) = 22),
        count(*) FILTER (WHERE eval_duration_bucket(file_us) = 23),
        count(*) FILTER (WHERE eval_duration_bucket(handle_us) = 0),
        count(*) FILTER (WHERE eval_duration_bucket(handle_us) = 1),
        count(*) FILTER (WHERE eval_duration_bucket(handle_us) = 2),
        count(*) FILTER (WHERE eval_duration_bucket(handle_us) = 3),
        count(*) FILTER (WHERE eval_duration_bucket(handle_us) = 4),
        count(*) FILTER (WHERE eval_duration_bucket(handle_us) = 5),
        count(*) FILTER (WHERE eval_duration_bucket(handle_us) = 6),
        count(*) FILTER (WHERE eval_duration_bucket(handle_us) = 7),
        count(*) FILTER (WHERE eval_duration_bucket(handle_us) = 8),
        count(*) FILTER (WHERE eval_duration_bucket(handle_us) = 9),
        count(*) FILTER (WHERE eval_duration_bucket(handle_us) = 10),
        count(*) FILTER (WHERE eval_duration_bucket(handle_us) = 11),
        count(*) FILTER (WHERE eval_duration_bucket(handle_us) = 12),
        count(*) FILTER (WHERE eval_duration_bucket(handle_us) = 13),
        count(*) FILTER (WHERE eval_duration_bucket(handle_us) = 14),
        count(*) FILTER (WHERE eval_duration_bucket(handle_us) = 15),
        count(*) FILTER (WHERE eval_duration_bucket(handle_us) = 16),
        count(*) FILTER (WHERE eval_duration_bucket(handle_us) = 17),
        count(*) FILTER (WHERE eval_duration_bucket(handle_us) = 18),
        count(*) FILTER (WHERE eval_duration_bucket(handle_us) = 19),
        count(*) FILTER (WHERE eval_duration_bucket(handle_us) = 20),
        count(*) FILTER (WHERE eval_duration_bucket(handle_us) = 21),
        count(*) FILTER (WHERE eval_duration_bucket(handle_us) = 22),
        count(*) FILTER (WHERE eval_duration_bucket(handle_us) = 23),
        count(*) FILTER (WHERE eval_duration_bucket(close_us) = 0),
        count(*) FILTER (WHERE eval_duration_bucket(close_us) = 1),
        count(*) FILTER (WHERE eval_duration_bucket(close_us) = 2),
        count(*) FILTER (WHERE eval_duration_bucket(close_us) = 3),
        count(*) FILTER (WHERE eval_duration_bucket(close_us) = 4),
        count(*) FILTER (WHERE eval_duration_bucket(close_us) = 5),
        count(*) FILTER (WHERE eval_duration_bucket(close_us) = 6),
        count(*) FILTER (WHERE eval_duration_bucket(close_us) = 7),
        count(*) FILTER (WHERE eval_duration_bucket(close_us) = 8),
        count(*) FILTER (WHERE eval_duration_bucket(close_us) = 9),
        count(*) FILTER (WHERE eval_duration_bucket(close_us) = 10),
        count(*) FILTER (WHERE eval_duration_bucket(close_us) = 11),
        count(*) FILTER (WHERE eval_duration_bucket(close_us) = 12),
        count(*) FILTER (WHERE eval_duration_bucket(close_us) = 13),
        count(*) FILTER (WHERE eval_duration_bucket(close_us) = 14),
        count(*) FILTER (WHERE eval_duration_bucket(close_us) = 15),
        count(*) FILTER (WHERE eval_duration_bucket(close_us) = 16),
        count(*) FILTER (WHERE eval_duration_bucket(close_us) = 17),
        count(*) FILTER (WHERE eval_duration_bucket(close_us) = 18),
        count(*) FILTER (WHERE eval_duration_bucket(close_us) = 19),
        count(*) FILTER (WHERE eval_duration_bucket(close_us) = 20),
        count(*) FILTER (WHERE eval_duration_bucket(close_us) = 21),
        count(*) FILTER (WHERE eval_duration_bucket(close_us) = 22),
        count(*) FILTER (WHERE eval_duration_bucket(close_us) = 23)
    FROM (
        SELECT c.area_id, c.lead_unit_id, c.owning_centre_id, c.count_date, c.file_late, c.returned, c.transferred,
            c.handled_late, c.closed_on_time, c.reworked, c.extended, c.self_handled, c.responded_on_time,
            c.followed_up, c.answer_resolved, c.answer_rating, c.answer_by_phone,
            CASE WHEN e.whistle_id IS NOT NULL THEN 'MANUAL'
                 WHEN c.outcome IN ('REJECTED', 'MERGED') THEN c.outcome ELSE '' END AS exempt_class,
            c.filed_at IS NOT NULL AS filed,
            c.dispatched_at IS NOT NULL AS due,
            c.dispatched_at IS NOT NULL AND c.handled_at IS NOT NULL AS handled,
            c.filed_at IS NOT NULL AND c.outcome IN ('RESOLVED', 'NO_ANSWER') AS closed,
            CASE WHEN c.filed_at IS NOT NULL THEN (extract(epoch FROM c.filed_at - c.raised_at) * 1000000)::BIGINT END AS file_us,
            CASE WHEN c.dispatched_at IS NOT NULL AND c.handled_at IS NOT NULL
                THEN (extract(epoch FROM c.handled_at - c.dispatched_at) * 1000000)::BIGINT END AS handle_us,
            CASE WHEN c.filed_at IS NOT NULL AND c.outcome IN ('RESOLVED', 'NO_ANSWER')
                THEN (extract(epoch FROM c.closed_at - c.raised_at) * 1000000)::BIGINT END AS close_us
        FROM eval_case c
        LEFT JOIN (SELECT DISTINCT whistle_id FROM case_exemption WHERE revoked_at IS NULL) e
            ON e.whistle_id = c.whistle_id
    ) x
    CROSS JOIN LATERAL (VALUES ('A', x.area_id), ('U', x.lead_unit_id), ('C', x.owning_centre_id)) d (dim, object_id)
    CROSS JOIN (VALUES ('D'), ('M')) g (grain)
    WHERE d.object_id IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5;
    INSERT INTO eval_unit_rollup (dim, object_id, grain, day, exempt_class,
        summoned, reported_on_time, report_in_n, report_in_us, report_in_h00, report_in_h01, report_in_h02, report_in_h03, report_in_h04, report_in_h05, report_in_h06, report_in_h07, report_in_h08, report_in_h09, report_in_h10, report_in_h11, report_in_h12, report_in_h13, report_in_h14, report_in_h15, report_in_h16, report_in_h17, report_in_h18, report_in_h19, report_in_h20, report_in_h21, report_in_h22, report_in_h23)
    SELECT d.dim, d.object_id, g.grain,
        CASE g.grain WHEN 'D' THEN x.count_date ELSE date_trunc('month', x.count_date)::DATE END, x.exempt_class,
        count(*),
        count(*) FILTER (WHERE reported_in_at IS NOT NULL AND NOT report_in_late),
        count(report_in_us),
        coalesce(sum(report_in_us), 0),
        count(*) FILTER (WHERE eval_duration_bucket(report_in_us) = 0),
        count(*) FILTER (WHERE eval_duration_bucket(report_in_us) = 1),
        count(*) FILTER (WHERE eval_duration_bucket(report_in_us) = 2),
        count(*) FILTER (WHERE eval_duration_bucket(report_in_us) = 3),
        count(*) FILTER (WHERE eval_duration_bucket(report_in_us) = 4),
        count(*) FILTER (WHERE eval_duration_bucket(report_in_us) = 5),
        count(*) FILTER (WHERE eval_duration_bucket(report_in_us) = 6),
        count(*) FILTER (WHERE eval_duration_bucket(report_in_us) = 7),
        count(*) FILTER (WHERE eval_duration_bucket(report_in_us) = 8),
        count(*) FILTER (WHERE eval_duration_bucket(report_in_us) = 9),
        count(*) FILTER (WHERE eval_duration_bucket(report_in_us) = 10),
        count(*) FILTER (WHERE eval_duration_bucket(report_in_us) = 11),
        count(*) FILTER (WHERE eval_duration_bucket(report_in_us) = 12),
        count(*) FILTER (WHERE eval_duration_bucket(report_in_us) = 13),
        count(*) FILTER (WHERE eval_duration_bucket(report_in_us) = 14),
        count(*) FILTER (WHERE eval_duration_bucket(report_in_us) = 15),
        count(*) FILTER (WHERE eval_duration_bucket(report_in_us) = 16),
        count(*) FILTER (WHERE eval_duration_bucket(report_in_us) = 17),
        count(*) FILTER (WHERE eval_duration_bucket(report_in_us) = 18),
        count(*) FILTER (WHERE eval_duration_bucket(report_in_us) = 19),
        count(*) FILTER (WHERE eval_duration_bucket(report_in_us) = 20),
        count(*) FILTER (WHERE eval_duration_bucket(report_in_us) = 21),
        count(*) FILTER (WHERE eval_duration_bucket(report_in_us) = 22),
        count(*) FILTER (WHERE eval_duration_bucket(report_in_us) = 23)
    FROM (
        SELECT u.unit_id, c.area_id, c.owning_centre_id, u.count_date, u.reported_in_at, u.report_in_late,
            CASE WHEN e.whistle_id IS NOT NULL THEN 'MANUAL'
                 WHEN c.outcome IN ('REJECTED', 'MERGED') THEN c.outcome ELSE '' END AS exempt_class,
            CASE WHEN u.reported_in_at IS NOT NULL THEN (extract(epoch FROM u.reported_in_at - u.summoned_at) * 1000000)::BIGINT END AS report_in_us
        FROM eval_case_unit u
        JOIN eval_case c ON c.whistle_id = u.whistle_id
        LEFT JOIN (SELECT DISTINCT whistle_id FROM case_exemption WHERE revoked_at IS NULL) e
            ON e.whistle_id = c.whistle_id
    ) x
    CROSS JOIN LATERAL (VALUES ('A', x.area_id), ('U', x.unit_id), ('C', x.owning_centre_id)) d (dim, object_id)
    CROSS JOIN (VALUES ('D'), ('M')) g (grain)
    WHERE d.object_id IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5;
END;
$$;

SELECT rebuild_eval_rollups();
