package org.whistle.dispatch.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.whistle.dispatch.ticket.domain.TicketNumber;
import org.whistle.dispatch.ticket.domain.TicketSnapshot;
import org.whistle.events.TaskState;
import org.whistle.events.TicketState;

/**
 * What one ticket adds to the overview's counters (V4, ADR 0030), and the difference a change makes to them: the
 * counters are the sum of every ticket's share, so storing a change adds its share after less its share before.
 */
final class TicketCounts {

    /** States in which a ticket no longer counts as open. */
    static final Set<TicketState> FINISHED = EnumSet.of(TicketState.CLOSED, TicketState.REJECTED, TicketState.MERGED);

    /** Task states of work still to do. */
    static final Set<TaskState> OPEN_TASK = EnumSet.of(TaskState.SUMMONED, TaskState.REPORTED_IN, TaskState.ON_SITE);

    /** Slots per counter key: concurrent changes in one grid spread over this many rows. */
    static final int SLOTS = 8;

    /** The differences to write: open tickets by level/state, open tasks by unit, raised and closed by day. */
    record Delta(
            Map<List<String>, Long> open,
            Map<String, Long> openTasks,
            Map<LocalDate, Long> raised,
            Map<LocalDate, Long> closed) {

        boolean isEmpty() {
            return open.isEmpty() && openTasks.isEmpty() && raised.isEmpty() && closed.isEmpty();
        }

        /** Rows for {@code jsonb_to_recordset}, in key order so that concurrent writers lock rows in one order. */
        List<Map<String, Object>> openRows() {
            var rows = new ArrayList<Map<String, Object>>();
            open.forEach((key, n) -> rows.add(Map.of("level", key.get(0), "state", key.get(1), "n", n)));
            return rows;
        }

        List<Map<String, Object>> openTaskRows() {
            var rows = new ArrayList<Map<String, Object>>();
            openTasks.forEach((unit, n) -> rows.add(Map.of("unit", unit, "n", n)));
            return rows;
        }

        List<Map<String, Object>> dayRows() {
            var days = new TreeMap<LocalDate, long[]>();
            raised.forEach((day, n) -> days.computeIfAbsent(day, d -> new long[2])[0] += n);
            closed.forEach((day, n) -> days.computeIfAbsent(day, d -> new long[2])[1] += n);
            var rows = new ArrayList<Map<String, Object>>();
            days.forEach((day, n) -> rows.add(Map.of("day", day.toString(), "raised", n[0], "closed", n[1])));
            return rows;
        }
    }

    private TicketCounts() {}

    /** The slot of a ticket's counter rows. */
    static int slot(TicketSnapshot ticket) {
        return Math.floorMod(ticket.id().value().hashCode(), SLOTS);
    }

    /**
     * The change to the counters from {@code before} to {@code after}; {@code raisedAt} only for a new ticket (a
     * stored ticket's raising was counted when it was inserted and never changes).
     */
    static Delta between(@Nullable TicketSnapshot before, TicketSnapshot after, @Nullable Instant raisedAt) {
        var open = new TreeMap<List<String>, Long>(
                Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        var tasks = new TreeMap<String, Long>();
        var closed = new TreeMap<LocalDate, Long>();
        add(after, 1, open, tasks, closed);
        if (before != null) {
            add(before, -1, open, tasks, closed);
        }
        var raised = new TreeMap<LocalDate, Long>();
        if (raisedAt != null) {
            raised.put(day(raisedAt), 1L);
        }
        return new Delta(nonZero(open), nonZero(tasks), raised, nonZero(closed));
    }

    private static void add(
            TicketSnapshot t,
            long sign,
            Map<List<String>, Long> open,
            Map<String, Long> tasks,
            Map<LocalDate, Long> closed) {
        if (!FINISHED.contains(t.state())) {
            open.merge(List.of(t.level().name(), t.state().name()), sign, Long::sum);
            for (var task : t.tasks()) {
                if (OPEN_TASK.contains(task.state())) {
                    tasks.merge(task.unit().value(), sign, Long::sum);
                }
            }
        }
        if (t.closedAt() != null) {
            closed.merge(day(t.closedAt()), sign, Long::sum);
        }
    }

    private static LocalDate day(Instant at) {
        return at.atZone(TicketNumber.ZONE).toLocalDate();
    }

    private static <K> Map<K, Long> nonZero(Map<K, Long> counts) {
        var kept = new LinkedHashMap<K, Long>();
        counts.forEach((key, n) -> {
            if (n != 0) {
                kept.put(key, n);
            }
        });
        return kept;
    }
}
