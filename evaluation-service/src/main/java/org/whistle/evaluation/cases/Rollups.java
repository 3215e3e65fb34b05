package org.whistle.evaluation.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.whistle.evaluation.cases.domain.CaseRecord;
import org.whistle.evaluation.cases.domain.Shares;
import org.whistle.evaluation.cases.domain.Shares.Key;

/**
 * Keeps the per-day and per-month rollups (ADR 0037) moving with the case rows. Every change of a case in a
 * transaction adds {@code share(after) − share(before)} to the transaction's pending deltas; just before the
 * transaction commits they are written together, merged by bucket and in the primary key's order — so a batch of a
 * hundred events in one grid writes each of its buckets once, concurrent writers never deadlock, and a transaction
 * that rolls back moves nothing.
 */
@Repository
public class Rollups {

    private final JdbcTemplate jdbc;

    Rollups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Moves the rollups by a case's change; needs a transaction (the fold's). */
    public void move(
            @org.jspecify.annotations.Nullable CaseRecord before,
            boolean exemptBefore,
            @org.jspecify.annotations.Nullable CaseRecord after,
            boolean exemptAfter) {
        var change = Shares.change(before, exemptBefore, after, exemptAfter);
        if (change.isEmpty()) {
            return;
        }
        var pending = pending();
        change.forEach((key, values) -> pending.merge(key, values, Rollups::sum));
    }

    private Map<Key, long[]> pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("rollups move only inside the transaction that changes the case");
        }
        @SuppressWarnings("unchecked")
        var pending = (Map<Key, long[]>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            var fresh = new TreeMap<Key, long[]>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    write(fresh);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(Rollups.this);
                }
            });
            return fresh;
        }
        return pending;
    }

    private static long[] sum(long[] a, long[] b) {
        var sum = a.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += b[i];
        }
        return sum;
    }

    private void write(Map<Key, long[]> pending) {
        pending.values().removeIf(values -> java.util.Arrays.stream(values).allMatch(v -> v == 0));
        var cases = new ArrayList<Object[]>();
        var units = new ArrayList<Object[]>();
        pending.forEach((key, values) -> (key.table() == Shares.Table.CASES ? cases : units).add(row(key, values)));
        if (!cases.isEmpty()) {
            jdbc.batchUpdate(upsert("eval_rollup", Shares.CASE_COLUMNS), cases);
        }
        if (!units.isEmpty()) {
            jdbc.batchUpdate(upsert("eval_unit_rollup", Shares.UNIT_COLUMNS), units);
        }
        // a bucket whose last case left it is removed, so the rollups hold exactly the buckets a recount would
        var emptied = new ArrayList<Object[]>();
        var emptiedUnits = new ArrayList<Object[]>();
        pending.forEach((key, values) -> {
            if (values[0] < 0) {
                (key.table() == Shares.Table.CASES ? emptied : emptiedUnits).add(new Object[] {
                    String.valueOf(key.dim()), String.valueOf(key.grain()), key.day(), key.objectId(), key.exemptClass()
                });
            }
        });
        if (!emptied.isEmpty()) {
            jdbc.batchUpdate(delete("eval_rollup", "raised"), emptied);
        }
        if (!emptiedUnits.isEmpty()) {
            jdbc.batchUpdate(delete("eval_unit_rollup", "summoned"), emptiedUnits);
        }
        pending.clear();
    }

    private static Object[] row(Key key, long[] values) {
        var row = new Object[5 + values.length];
        row[0] = String.valueOf(key.dim());
        row[1] = key.objectId();
        row[2] = String.valueOf(key.grain());
        row[3] = key.day();
        row[4] = key.exemptClass();
        for (int i = 0; i < values.length; i++) {
            row[5 + i] = values[i];
        }
        return row;
    }

    private static String delete(String table, String count) {
        return "DELETE FROM " + table
                + " WHERE dim = ? AND grain = ? AND day = ? AND object_id = ? AND exempt_class = ?" + " AND " + count
                + " = 0";
    }

    private static String upsert(String table, List<String> columns) {
        return "INSERT INTO " + table + " (dim, object_id, grain, day, exempt_class, " + String.join(", ", columns)
                + ") VALUES (?, ?, ?, ?, ?, " + columns.stream().map(c -> "?").collect(Collectors.joining(", "))
                + ") ON CONFLICT (dim, grain, day, object_id, exempt_class) DO UPDATE SET "
                + columns.stream()
                        .map(c -> c + " = " + table + "." + c + " + EXCLUDED." + c)
                        .collect(Collectors.joining(", "));
    }
}
