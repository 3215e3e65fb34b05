package org.whistle.messaging.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Backlog and age of unpublished events, the two signals that the relay is falling behind or stuck, and the parked
 * events waiting for an administrator. One query serves the gauges and is reused for a second, so a scrape costs at
 * most two index scans.
 */
public final class OutboxMetrics {

    /** {@code whistle_outbox_parked_waiting} in Prometheus; the alert {@code WhistleOutboxEventParked} reads it. */
    public static final String PARKED_WAITING = "whistle.outbox.parked.waiting";

    private static final Duration FRESHNESS = Duration.ofSeconds(1);

    private final JdbcClient jdbc;
    private final AtomicReference<Snapshot> last = new AtomicReference<>(new Snapshot(0, 0, 0, 0));

    private OutboxMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static void register(JdbcClient jdbc, MeterRegistry meters) {
        var metrics = new OutboxMetrics(jdbc);
        // Micrometer holds a gauge's object weakly and nothing else holds this one: without a strong reference the
        // gauges would read NaN after the next garbage collection.
        Gauge.builder("whistle.outbox.backlog", metrics, m -> m.snapshot().backlog())
                .strongReference(true)
                .description("Events committed but not yet published")
                .register(meters);
        Gauge.builder("whistle.outbox.oldest.age", metrics, m -> m.snapshot().oldestAgeSeconds())
                .strongReference(true)
                .description("Age of the oldest unpublished event")
                .baseUnit("seconds")
                .register(meters);
        // A gauge as well as the relay's counter: the alert must hold while a row waits, across restarts.
        Gauge.builder(PARKED_WAITING, metrics, m -> m.snapshot().parkedWaiting())
                .strongReference(true)
                .description("Parked events waiting for an administrator to re-drive or discard them")
                .register(meters);
    }

    private Snapshot snapshot() {
        var current = last.get();
        long now = System.nanoTime();
        if (current.takenAtNanos() != 0 && now - current.takenAtNanos() < FRESHNESS.toNanos()) {
            return current;
        }
        var fresh = jdbc.sql("""
                        SELECT count(*) AS backlog,
                               coalesce(extract(epoch FROM now() - min(created_at)), 0) AS oldest,
                               (SELECT count(*) FROM messaging.outbox_parked WHERE resolution IS NULL) AS parked
                        FROM messaging.outbox_event WHERE published_at IS NULL
                        """)
                .query((rs, row) ->
                        new Snapshot(rs.getLong("backlog"), rs.getDouble("oldest"), rs.getLong("parked"), now))
                .single();
        last.set(fresh);
        return fresh;
    }

    private record Snapshot(long backlog, double oldestAgeSeconds, long parkedWaiting, long takenAtNanos) {}
}
