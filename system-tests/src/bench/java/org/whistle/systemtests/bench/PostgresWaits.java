package org.whistle.systemtests.bench;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What PostgreSQL's busy sessions are doing over a window: every 100 ms, the active client backends of
 * {@code pg_stat_activity} by database and wait event ("running" when on the CPU). Reported as the average number of
 * backends in each state: where the database time goes, and whether a lock (e.g. on one counter row) is the queue.
 */
final class PostgresWaits implements AutoCloseable {

    private final Map<String, Long> counts = new ConcurrentHashMap<>();
    private final AtomicInteger samples = new AtomicInteger();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Thread thread;

    PostgresWaits(Platform platform) {
        thread = Thread.ofPlatform().daemon().name("pg-waits").start(() -> {
            try (var connection = platform.connect("postgres");
                    var query = connection.prepareStatement("SELECT datname, coalesce(wait_event_type || ':' ||"
                            + " wait_event, 'running'), count(*) FROM pg_stat_activity WHERE state = 'active' AND pid"
                            + " <> pg_backend_pid() AND backend_type = 'client backend' GROUP BY 1, 2")) {
                while (!stopping.get()) {
                    try (var rows = query.executeQuery()) {
                        while (rows.next()) {
                            counts.merge(rows.getString(1) + " " + rows.getString(2), rows.getLong(3), Long::sum);
                        }
                    }
                    samples.incrementAndGet();
                    Thread.sleep(100);
                }
            } catch (SQLException | InterruptedException e) {
                // PostgreSQL went away or the window ended: what was sampled stands.
            }
        });
    }

    /** Average active backends per "database wait" over the window, largest first. */
    Map<String, Double> averages() {
        int n = Math.max(1, samples.get());
        var sorted = new LinkedHashMap<String, Double>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue() / (double) n));
        return sorted;
    }

    @Override
    public void close() throws InterruptedException {
        stopping.set(true);
        thread.join(2000);
    }
}
