package org.whistle.systemtests.bench;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The baseline of the lifecycle benchmark: the same lifecycle in Flowable 7 ({@link FlowableServer}) on the platform's
 * PostgreSQL, driven by the same generator in the same shape ({@link Ramp}), while Whistle's services are stopped.
 * {@link LifecycleBenchmark} reports it beside Whistle.
 */
@Order(4)
class FlowableBenchmark {

    @Test
    void flowableBaseline() throws Exception {
        if (!Bench.enabled("flowable")) {
            return;
        }
        var platform = Bench.infrastructure();
        // Whistle's services stay down while Flowable is measured: the two never share the CPU.
        Bench.stopServices();
        platform.ensureDatabase("flowable");
        var work = Bench.platformDir().toAbsolutePath();
        try (var flowable =
                FlowableServer.Running.start(platform.jdbcUrl("flowable"), Platform.USER, Platform.PASSWORD, work)) {
            Bench.progress("Flowable ready on port %d (pid %d)", flowable.port(), flowable.pid());
            var target = new FlowableTarget(new Http(), URI.create("http://127.0.0.1:" + flowable.port()));
            var result = Ramp.run(
                    target,
                    Ramp.Settings.fromProperties(),
                    () -> CpuUse.start(platform, Map.of("Flowable server", flowable.pid())));
            Bench.FIGURES.put("ramp.Flowable", result);
        }
    }
}
