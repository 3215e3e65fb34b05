package org.whistle.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Periodically deletes what the messaging tables no longer need: published outbox rows, old handled event ids. */
final class Housekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final Map<String, IntSupplier> tasks;
    private final Duration interval;
    private @Nullable ScheduledExecutorService scheduler;

    Housekeeping(Map<String, IntSupplier> tasks, Duration interval) {
        this.tasks = Map.copyOf(tasks);
        this.interval = interval;
    }

    private void runAll() {
        tasks.forEach((name, task) -> {
            try {
                int deleted = task.getAsInt();
                if (deleted > 0) {
                    log.info("Messaging housekeeping: {} deleted {} rows", name, deleted);
                }
            } catch (RuntimeException e) {
                log.warn("Messaging housekeeping task {} failed; it runs again in {}", name, interval, e);
            }
        });
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("messaging-housekeeping").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::runAll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
