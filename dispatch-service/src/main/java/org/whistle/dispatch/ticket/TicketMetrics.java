package org.whistle.dispatch.ticket;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.whistle.dispatch.ticket.domain.SupervisionOrder;
import org.whistle.dispatch.ticket.domain.TicketSnapshot;
import org.whistle.events.CommandLevel;
import org.whistle.events.TicketState;

/**
 * Dispatch's business meters (ADR 0049).
 *
 * <p>Gauges: {@code whistle_dispatch_tickets_open{level,state}}, {@code whistle_dispatch_tickets_overdue{level}} (open
 * tickets on which a clock expired: they carry an escalation's supervision order) and
 * {@code whistle_dispatch_supervision_orders_open{kind}} (督办 on open tickets: escalations' and those issued by hand;
 * 催办 reminders are not orders). They are read from the overview's counters (V4, a few rows per place, not per
 * ticket) and from the open tickets only (the partial index {@code ticket_open_by_level}), at most once per
 * {@code whistle.dispatch.metrics-refresh} whatever the scrape rate: their cost follows the places and the open
 * backlog, never the history. Labels are enums: 3 levels × 8 open states, 2 kinds.
 *
 * <p>Histograms, recorded once the change commits: {@code whistle_dispatch_report_in_seconds{level}} (a unit's
 * summons to its report-in, 报到) and {@code whistle_dispatch_close_seconds{level}} (raising to closing), with buckets
 * at the times people are held to.
 */
@Component
public class TicketMetrics {

    static final String OPEN = "whistle.dispatch.tickets.open";
    static final String OVERDUE = "whistle.dispatch.tickets.overdue";
    static final String ORDERS_OPEN = "whistle.dispatch.supervision.orders.open";
    static final String REPORT_IN = "whistle.dispatch.report.in";
    static final String CLOSE = "whistle.dispatch.close";

    /**
     * Overdue tickets and supervision orders by level, over the open tickets only: the aggregate in the lateral
     * subquery keeps PostgreSQL from turning it into a join that reads every order ever issued, so each open ticket
     * costs one probe of the orders' primary key and the closed history is never read.
     */
    public static final String OPEN_SUPERVISION = """
            SELECT t.level,
                   count(*) FILTER (WHERE o.escalations > 0) AS overdue,
                   coalesce(sum(o.escalations), 0) AS escalations,
                   coalesce(sum(o.orders), 0) AS orders
            FROM ticket t
            CROSS JOIN LATERAL (
                SELECT count(*) FILTER (WHERE s.kind = 'ESCALATION') AS escalations,
                       count(*) FILTER (WHERE s.kind = 'ORDER') AS orders
                FROM ticket_supervision_order s WHERE s.ticket_id = t.id
            ) o
            WHERE t.state NOT IN ('CLOSED', 'REJECTED', 'MERGED')
            GROUP BY t.level
            """;

    /** Open tickets by level and state, from the overview's counters (V4): a few rows per place, never the tickets. */
    public static final String OPEN_BY_LEVEL_AND_STATE =
            "SELECT level, state, sum(n) AS n FROM ticket_open_count GROUP BY level, state";

    /** Supervision orders that count as 督办. */
    private static final List<SupervisionOrder.Kind> ORDER_KINDS =
            List.of(SupervisionOrder.Kind.ESCALATION, SupervisionOrder.Kind.ORDER);

    private static final Duration[] REPORT_IN_BUCKETS = {
        Duration.ofMinutes(15),
        Duration.ofMinutes(30),
        Duration.ofHours(1),
        Duration.ofHours(2),
        Duration.ofHours(4),
        Duration.ofHours(8),
        Duration.ofDays(1),
        Duration.ofDays(3)
    };

    private static final Duration[] CLOSE_BUCKETS = {
        Duration.ofHours(4),
        Duration.ofDays(1),
        Duration.ofDays(3),
        Duration.ofDays(7),
        Duration.ofDays(15),
        Duration.ofDays(30),
        Duration.ofDays(60)
    };

    private final JdbcClient jdbc;
    private final MeterRegistry meters;
    private final long refreshNanos;
    private final AtomicReference<Snapshot> last = new AtomicReference<>(Snapshot.EMPTY);
    private final Map<CommandLevel, Timer> reportIn = new EnumMap<>(CommandLevel.class);
    private final Map<CommandLevel, Timer> close = new EnumMap<>(CommandLevel.class);

    TicketMetrics(
            JdbcClient jdbc, MeterRegistry meters, @Value("${whistle.dispatch.metrics-refresh:30s}") Duration refresh) {
        this.jdbc = jdbc;
        this.meters = meters;
        this.refreshNanos = refresh.toNanos();
        for (var level : CommandLevel.values()) {
            for (var state : EnumSet.complementOf(EnumSet.copyOf(TicketCounts.FINISHED))) {
                gauge(OPEN, "Open tickets by level and state", s -> s.open(level, state))
                        .tag("level", level.name())
                        .tag("state", state.name())
                        .register(meters);
            }
            gauge(OVERDUE, "Open tickets on which a clock expired (超期)", s -> s.overdue(level))
                    .tag("level", level.name())
                    .register(meters);
            reportIn.put(
                    level, timer(REPORT_IN, "From a unit's summons to its report-in (报到)", level, REPORT_IN_BUCKETS));
            close.put(level, timer(CLOSE, "From raising a ticket to closing it", level, CLOSE_BUCKETS));
        }
        for (var kind : ORDER_KINDS) {
            gauge(ORDERS_OPEN, "Supervision orders (督办) on open tickets", s -> s.orders(kind))
                    .tag("kind", kind.name())
                    .register(meters);
        }
    }

    /**
     * Records what a stored change did to the times people are measured by, once its transaction commits (a change
     * rolled back records nothing).
     */
    void changed(TicketSnapshot before, TicketSnapshot after, Instant raisedAt) {
        var summonsToReportIn = new java.util.ArrayList<Duration>();
        var reportedBefore = new HashMap<String, @Nullable Instant>();
        before.tasks().forEach(t -> reportedBefore.put(t.unit().value(), t.reportedInAt()));
        for (var task : after.tasks()) {
            var reportedInAt = task.reportedInAt();
            if (reportedInAt != null && reportedBefore.get(task.unit().value()) == null) {
                summonsToReportIn.add(Duration.between(task.summonedAt(), reportedInAt));
            }
        }
        var closedAt =
                after.state() == TicketState.CLOSED && before.state() != TicketState.CLOSED ? after.closedAt() : null;
        if (summonsToReportIn.isEmpty() && closedAt == null) {
            return;
        }
        var level = after.level();
        afterCommit(() -> {
            summonsToReportIn.forEach(d -> reportIn.get(level).record(d));
            if (closedAt != null) {
                close.get(level).record(Duration.between(raisedAt, closedAt));
            }
        });
    }

    private Gauge.Builder<TicketMetrics> gauge(String name, String description, ToDoubleFunction<Snapshot> value) {
        return Gauge.builder(name, this, m -> value.applyAsDouble(m.snapshot()))
                .strongReference(true)
                .description(description);
    }

    private Timer timer(String name, String description, CommandLevel level, Duration[] buckets) {
        return Timer.builder(name)
                .description(description)
                .tag("level", level.name())
                .serviceLevelObjectives(buckets)
                .minimumExpectedValue(buckets[0])
                .maximumExpectedValue(buckets[buckets.length - 1])
                .register(meters);
    }

    private Snapshot snapshot() {
        var current = last.get();
        long now = System.nanoTime();
        if (current != Snapshot.EMPTY && now - current.takenAtNanos() < refreshNanos) {
            return current;
        }
        var open = new HashMap<String, Long>();
        jdbc.sql(OPEN_BY_LEVEL_AND_STATE).query(rs -> {
            open.put(rs.getString("level") + "/" + rs.getString("state"), rs.getLong("n"));
        });
        var overdue = new HashMap<String, Long>();
        var orders = new HashMap<String, Long>();
        jdbc.sql(OPEN_SUPERVISION).query(rs -> {
            overdue.put(rs.getString("level"), rs.getLong("overdue"));
            orders.merge(SupervisionOrder.Kind.ESCALATION.name(), rs.getLong("escalations"), Long::sum);
            orders.merge(SupervisionOrder.Kind.ORDER.name(), rs.getLong("orders"), Long::sum);
        });
        var fresh = new Snapshot(open, overdue, orders, now);
        last.set(fresh);
        return fresh;
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    private record Snapshot(
            Map<String, Long> open, Map<String, Long> overdue, Map<String, Long> orders, long takenAtNanos) {

        static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of(), Map.of(), 0);

        double open(CommandLevel level, TicketState state) {
            return Objects.requireNonNullElse(open.get(level.name() + "/" + state.name()), 0L);
        }

        double overdue(CommandLevel level) {
            return Objects.requireNonNullElse(overdue.get(level.name()), 0L);
        }

        double orders(SupervisionOrder.Kind kind) {
            return Objects.requireNonNullElse(orders.get(kind.name()), 0L);
        }
    }
}
