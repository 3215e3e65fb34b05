package org.whistle.evaluation.cases.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * A case's share of the rollups (ADR 0037): what it adds to each (object, day or month, exempt class) bucket. The
 * rollups move by {@code share(after) − share(before)} in the transaction that folds the case, so they always equal
 * the sum of the shares of the stored cases — which is what {@code rebuild_eval_rollups()} (V32) counts in SQL from
 * the same rules; the two are held equal by {@code RollupsTest}.
 */
public final class Shares {

    /** The histogram's lower bounds in seconds; bucket 0 is below the first, bucket i from {@code BOUNDS[i-1]}. */
    public static final long[] BOUNDS = {
        60, 300, 600, 900, 1800, 3600, 7200, 10800, 14400, 21600, 28800, 43200, 86400, 129600, 172800, 259200, 345600,
        432000, 604800, 864000, 1296000, 2592000, 5184000
    };

    public static final int BUCKETS = BOUNDS.length + 1;

    /** The counts of a case bucket, in the order of {@code eval_rollup}'s columns. */
    public static final List<String> CASE_COLUMNS;

    /** The counts of a summons bucket, in the order of {@code eval_unit_rollup}'s columns. */
    public static final List<String> UNIT_COLUMNS;

    /** The outcomes a rule set may exempt; each is an exempt class of its own. */
    public static final Set<String> OUTCOME_CLASSES = Set.of("REJECTED", "MERGED");

    /** The class of a case an administrator exempted, whatever its outcome. */
    public static final String MANUAL = "MANUAL";

    /** The class of a case nothing exempts. */
    public static final String NONE = "";

    private static final List<String> COUNTS = List.of(
            "raised",
            "filed",
            "filed_on_time",
            "dispatched",
            "dispatched_correctly",
            "handled",
            "handled_on_time",
            "handled_late",
            "closed",
            "closed_on_time",
            "reworked",
            "extended",
            "self_handled",
            "responded_on_time",
            "followed_up",
            "answered_resolved",
            "satisfied",
            "basically_satisfied",
            "followed_up_phone",
            "answered_resolved_phone",
            "satisfied_phone",
            "basically_satisfied_phone");

    /** The durations of a case, each a count, a sum in microseconds and a histogram. */
    public static final List<String> CASE_DURATIONS = List.of("file", "handle", "close");

    static {
        var cases = new ArrayList<>(COUNTS);
        for (var d : CASE_DURATIONS) {
            cases.add(d + "_n");
            cases.add(d + "_us");
        }
        for (var d : CASE_DURATIONS) {
            cases.addAll(histogram(d));
        }
        CASE_COLUMNS = List.copyOf(cases);
        var units = new ArrayList<>(List.of("summoned", "reported_on_time", "report_in_n", "report_in_us"));
        units.addAll(histogram("report_in"));
        UNIT_COLUMNS = List.copyOf(units);
    }

    private Shares() {}

    /** The histogram columns of a duration. */
    public static List<String> histogram(String duration) {
        return IntStream.range(0, BUCKETS)
                .mapToObj(i -> duration + "_h" + (i < 10 ? "0" : "") + i)
                .toList();
    }

    /** Which table a bucket is in. */
    public enum Table {
        CASES,
        UNITS
    }

    /**
     * A bucket: an object of a dimension (A the case's place, U its lead unit — or for a summons the summoned unit —,
     * C its owning centre), a grain (D a day, M a month by its first day), and an exempt class.
     */
    public record Key(Table table, char dim, String objectId, char grain, LocalDate day, String exemptClass)
            implements Comparable<Key> {

        @Override
        public int compareTo(Key o) {
            // the primary key's order, so that concurrent writers lock rows in one order and never deadlock
            int c = table.compareTo(o.table);
            if (c == 0) c = Character.compare(dim, o.dim);
            if (c == 0) c = Character.compare(grain, o.grain);
            if (c == 0) c = day.compareTo(o.day);
            if (c == 0) c = objectId.compareTo(o.objectId);
            if (c == 0) c = exemptClass.compareTo(o.exemptClass);
            return c;
        }
    }

    /** The exempt class of a case: an administrator's exemption first, then an exemptible outcome. */
    public static String exemptClass(@Nullable String outcome, boolean manuallyExempt) {
        if (manuallyExempt) {
            return MANUAL;
        }
        return outcome != null && OUTCOME_CLASSES.contains(outcome) ? outcome : NONE;
    }

    /** Adds {@code sign} times the case's share to {@code into}. */
    public static void add(Map<Key, long[]> into, @Nullable CaseRecord c, boolean manuallyExempt, int sign) {
        if (c == null) {
            return;
        }
        var exemptClass = exemptClass(c.outcome(), manuallyExempt);
        var counts = caseCounts(c);
        for (var object : objects(c.areaId(), c.leadUnitId(), c.owningCentreId())) {
            for (var key : keys(Table.CASES, object, c.countDate(), exemptClass)) {
                addTo(into, key, counts, sign);
            }
        }
        for (var u : c.units()) {
            var unitCounts = unitCounts(u);
            for (var object : objects(c.areaId(), u.unitId(), c.owningCentreId())) {
                for (var key : keys(Table.UNITS, object, u.countDate(), exemptClass)) {
                    addTo(into, key, unitCounts, sign);
                }
            }
        }
    }

    /** {@code share(after) − share(before)}, without the buckets it leaves unchanged. */
    public static Map<Key, long[]> change(
            @Nullable CaseRecord before, boolean exemptBefore, @Nullable CaseRecord after, boolean exemptAfter) {
        var delta = new HashMap<Key, long[]>();
        add(delta, before, exemptBefore, -1);
        add(delta, after, exemptAfter, +1);
        delta.values().removeIf(values -> Arrays.stream(values).allMatch(v -> v == 0));
        return delta;
    }

    private static void addTo(Map<Key, long[]> into, Key key, long[] values, int sign) {
        var sum = into.computeIfAbsent(key, k -> new long[values.length]);
        for (int i = 0; i < values.length; i++) {
            sum[i] += sign * values[i];
        }
    }

    private record DimObject(char dim, String objectId) {}

    private static List<DimObject> objects(@Nullable String area, @Nullable String unit, @Nullable String centre) {
        var objects = new ArrayList<DimObject>(3);
        if (area != null) objects.add(new DimObject('A', area));
        if (unit != null) objects.add(new DimObject('U', unit));
        if (centre != null) objects.add(new DimObject('C', centre));
        return objects;
    }

    private static List<Key> keys(Table table, DimObject object, LocalDate day, String exemptClass) {
        return List.of(
                new Key(table, object.dim(), object.objectId(), 'D', day, exemptClass),
                new Key(table, object.dim(), object.objectId(), 'M', day.withDayOfMonth(1), exemptClass));
    }

    private static long[] caseCounts(CaseRecord c) {
        boolean filed = c.filedAt() != null;
        boolean due = c.dispatchedAt() != null;
        boolean handled = due && c.handledAt() != null;
        boolean closed = filed && ("RESOLVED".equals(c.outcome()) || "NO_ANSWER".equals(c.outcome()));
        boolean followed = c.followedUp();
        boolean phone = followed && c.answerByPhone();
        boolean satisfied = "SATISFIED".equals(c.answerRating());
        boolean basically = "BASICALLY_SATISFIED".equals(c.answerRating());
        var v = new long[CASE_COLUMNS.size()];
        int i = 0;
        v[i++] = 1;
        v[i++] = one(filed);
        v[i++] = one(filed && !c.fileLate());
        v[i++] = one(due);
        v[i++] = one(due && !c.returned() && !c.transferred());
        v[i++] = one(handled);
        v[i++] = one(handled && !c.handledLate());
        v[i++] = one(handled && c.handledLate());
        v[i++] = one(closed);
        v[i++] = one(filed && c.closedOnTime());
        v[i++] = one(filed && c.reworked() > 0);
        v[i++] = one(due && c.extended() > 0);
        v[i++] = one(c.selfHandled());
        v[i++] = one(due && c.respondedOnTime());
        v[i++] = one(followed);
        v[i++] = one(followed && c.answerResolved());
        v[i++] = one(followed && satisfied);
        v[i++] = one(followed && basically);
        v[i++] = one(phone);
        v[i++] = one(phone && c.answerResolved());
        v[i++] = one(phone && satisfied);
        v[i++] = one(phone && basically);
        var durations = new @Nullable Long[] {
            filed ? micros(c.raisedAt(), c.filedAt()) : null,
            handled ? micros(c.dispatchedAt(), c.handledAt()) : null,
            closed ? micros(c.raisedAt(), c.closedAt()) : null
        };
        for (var d : durations) {
            v[i++] = d == null ? 0 : 1;
            v[i++] = d == null ? 0 : d;
        }
        for (var d : durations) {
            if (d != null) {
                v[i + bucket(d)] = 1;
            }
            i += BUCKETS;
        }
        return v;
    }

    private static long[] unitCounts(CaseRecord.UnitRecord u) {
        var v = new long[UNIT_COLUMNS.size()];
        v[0] = 1;
        v[1] = one(u.reportedInAt() != null && !u.reportInLate());
        var d = u.reportedInAt() == null ? null : micros(u.summonedAt(), u.reportedInAt());
        if (d != null) {
            v[2] = 1;
            v[3] = d;
            v[4 + bucket(d)] = 1;
        }
        return v;
    }

    /** As {@code eval_duration_bucket} (V32): how many lower bounds the duration reaches. */
    public static int bucket(long micros) {
        int bucket = 0;
        while (bucket < BOUNDS.length && micros >= BOUNDS[bucket] * 1_000_000L) {
            bucket++;
        }
        return bucket;
    }

    /**
     * The time between two instants in microseconds, as PostgreSQL has them once stored: the driver writes an
     * instant rounded to the nearest microsecond.
     */
    private static @Nullable Long micros(@Nullable Instant from, @Nullable Instant to) {
        if (from == null || to == null) {
            return null;
        }
        return stored(to) - stored(from);
    }

    private static long stored(Instant instant) {
        return Math.addExact(
                Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), (instant.getNano() + 500) / 1000);
    }

    private static long one(boolean b) {
        return b ? 1 : 0;
    }
}
