package org.whistle.sla.clocks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.whistle.events.WhistleEscalated;
import org.whistle.sla.clocks.domain.Firing;

/**
 * Micrometer view of the clocks on this instance: {@code whistle.sla.clocks.running} (counting down now, across the
 * tasks this instance holds) and {@code whistle.sla.warnings.published} / {@code whistle.sla.escalations.published}
 * by clock. Publications are counted as they enter a transaction; an aborted transaction that is retried counts
 * twice here while the topic holds them once.
 */
final class SlaMetrics implements ClockObserver {

    private final MeterRegistry registry;
    private final Map<String, Long> runningByTask = new ConcurrentHashMap<>();

    SlaMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(
                        "whistle.sla.clocks.running",
                        runningByTask,
                        tasks -> tasks.values().stream()
                                .mapToLong(Long::longValue)
                                .sum())
                .description("Clocks counting down in the tasks this instance holds")
                .register(registry);
    }

    @Override
    public void published(Firing firing) {
        var name = firing.kind() == WhistleEscalated.Kind.WARNING
                ? "whistle.sla.warnings.published"
                : "whistle.sla.escalations.published";
        Counter.builder(name)
                .tag("clock", firing.clock().name())
                .register(registry)
                .increment();
    }

    @Override
    public void running(String task, long clocks) {
        runningByTask.put(task, clocks);
    }

    @Override
    public void closed(String task) {
        runningByTask.remove(task);
    }
}
