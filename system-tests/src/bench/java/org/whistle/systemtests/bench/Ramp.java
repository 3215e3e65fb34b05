package org.whistle.systemtests.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.whistle.systemtests.bench.LifecycleTarget.Step;

/**
 * Finds a system's knee with the load generator and measures it, the same way for every system:
 *
 * <ol>
 *   <li>warm-up: {@code warmupUsers} closed-loop users for {@code warmup}, not measured (JIT, pools, caches);
 *   <li>ramp: 1, 2, 4 … closed-loop users, each step settled for {@code settle} and then measured for {@code window};
 *       it stops once two steps in a row gain less than 5 %, a step falls below half the best, or at {@code maxUsers};
 *   <li>knee: the fewest users whose throughput is within 5 % of the best step's; measured again for
 *       {@code windows} windows in one run, the median is the sustained rate;
 *   <li>half load: lifecycles started at half the sustained rate (open loop) for {@code halfLoad}: raise → routed
 *       latency, and the transitions' latency.
 * </ol>
 */
final class Ramp {

    record Settings(
            Duration warmup,
            int warmupUsers,
            Duration settle,
            Duration window,
            int maxUsers,
            int windows,
            Duration halfLoad,
            Duration patience) {

        static Settings fromProperties() {
            return new Settings(
                    Bench.duration("bench.lifecycle.warmup", "20s", "5s"),
                    Bench.integer("bench.lifecycle.warmup-users", 8, 4),
                    Bench.duration("bench.lifecycle.settle", "5s", "2s"),
                    Bench.duration("bench.lifecycle.window", "10s", "4s"),
                    Bench.integer("bench.lifecycle.max-users", 64, 8),
                    Bench.integer("bench.lifecycle.windows", 3, 2),
                    Bench.duration("bench.lifecycle.half-load", "20s", "6s"),
                    Bench.duration("bench.lifecycle.patience", "60s", "30s"));
        }
    }

    /** One measured window: users (0 for open loop), rates per second, transition latency p50/p99 (ns). */
    record Window(
            int users, double lifecyclesPerSecond, double transitionsPerSecond, long p50, long p99, int failures) {}

    /** Raise → routed as the generator saw it (ns), and the transitions' latency, at half the sustained rate. */
    record HalfLoad(
            double lifecyclesPerSecond,
            int raises,
            int routedSeen,
            long routedP50,
            long routedP99,
            long routedMax,
            long transitionP50,
            long transitionP99,
            int failures,
            long fromNanos,
            long toNanos) {}

    record Result(
            String system,
            List<Window> ramp,
            int kneeUsers,
            List<Window> knee,
            double sustainedLifecycles,
            double sustainedTransitions,
            HalfLoad half,
            Map<String, Double> kneeCpu,
            Map<String, Double> kneeWaits,
            long kneeFromNanos,
            long kneeToNanos,
            Recorder recorder) {}

    private Ramp() {}

    /** @param cpu starts measuring CPU use per process, over the knee's windows */
    static Result run(LifecycleTarget target, Settings settings, Supplier<CpuUse> cpu) throws InterruptedException {
        var recorder = new Recorder();
        var generator = new LoadGenerator(target, recorder, settings.patience(), 0);
        // Between steps the lifecycles still in flight are given up rather than waited for: a step past the knee can
        // leave many of them retrying.
        var drain = Duration.ofSeconds(15);
        progress(target, "warm-up: %d users for %s", settings.warmupUsers(), settings.warmup());
        var warm = generator.closed(settings.warmupUsers());
        Thread.sleep(settings.warmup());
        generator.abandonInFlight();
        warm.stop(drain);

        var ramp = new ArrayList<Window>();
        double best = 0;
        int flat = 0;
        for (int users = 1; users <= settings.maxUsers(); users *= 2) {
            var run = generator.closed(users);
            Thread.sleep(settings.settle());
            var window = measure(recorder, users, settings.window());
            generator.abandonInFlight();
            run.stop(drain);
            ramp.add(window);
            progress(
                    target,
                    "%2d users: %s lifecycles/s, %s transitions/s, p50 %s ms, p99 %s ms, %d refused",
                    users,
                    Report.number(window.lifecyclesPerSecond()),
                    Report.number(window.transitionsPerSecond()),
                    Report.ms(window.p50()),
                    Report.ms(window.p99()),
                    window.failures());
            if (window.transitionsPerSecond() < best * 1.05) {
                flat++;
            } else {
                flat = 0;
            }
            best = Math.max(best, window.transitionsPerSecond());
            // Two steps without gain, or one that collapsed, end the ramp.
            if (flat >= 2 || window.transitionsPerSecond() < 0.5 * best) {
                break;
            }
        }
        double max = best;
        int kneeUsers = ramp.stream()
                .filter(w -> w.transitionsPerSecond() >= 0.95 * max)
                .mapToInt(Window::users)
                .min()
                .orElse(1);

        progress(target, "knee at %d users: %d windows of %s", kneeUsers, settings.windows(), settings.window());
        var knee = new ArrayList<Window>();
        var sustained = generator.closed(kneeUsers);
        Thread.sleep(settings.settle());
        var cpuUse = cpu.get();
        long kneeFrom = System.nanoTime();
        for (int i = 0; i < settings.windows(); i++) {
            knee.add(measure(recorder, kneeUsers, settings.window()));
        }
        long kneeTo = System.nanoTime();
        var kneeCpu = cpuUse.stop();
        generator.abandonInFlight();
        sustained.stop(drain);
        double lifecycles = Stats.median(
                knee.stream().mapToDouble(Window::lifecyclesPerSecond).toArray());
        double transitions = Stats.median(
                knee.stream().mapToDouble(Window::transitionsPerSecond).toArray());
        progress(
                target,
                "sustained at the knee: %s lifecycles/s, %s transitions/s (median of %d)",
                Report.number(lifecycles),
                Report.number(transitions),
                knee.size());

        double halfRate = Math.max(0.1, lifecycles / 2);
        progress(target, "half load: %s lifecycles/s for %s", Report.number(halfRate), settings.halfLoad());
        var open = generator.open(halfRate);
        Thread.sleep(settings.settle());
        long from = System.nanoTime();
        Thread.sleep(settings.halfLoad());
        long to = System.nanoTime();
        generator.abandonInFlight();
        open.stop(drain);
        var raised = recorder.raised(from, to);
        var routed = Stats.sorted(raised.stream()
                .filter(r -> r.routedNanos() > 0)
                .mapToLong(r -> r.routedNanos() - r.sentNanos())
                .toArray());
        var transitionLatency = recorder.latencies(null, from, to);
        var half = new HalfLoad(
                halfRate,
                raised.size(),
                routed.length,
                Stats.percentile(routed, 0.50),
                Stats.percentile(routed, 0.99),
                routed.length == 0 ? -1 : routed[routed.length - 1],
                Stats.percentile(transitionLatency, 0.50),
                Stats.percentile(transitionLatency, 0.99),
                recorder.failures(from, to).size(),
                from,
                to);
        progress(
                target,
                "half load: raise → routed p50 %s ms, p99 %s ms (%d of %d seen)",
                Report.ms(half.routedP50()),
                Report.ms(half.routedP99()),
                half.routedSeen(),
                half.raises());
        return new Result(
                target.name(),
                ramp,
                kneeUsers,
                knee,
                lifecycles,
                transitions,
                half,
                kneeCpu,
                cpuUse.postgresWaits(),
                kneeFrom,
                kneeTo,
                recorder);
    }

    private static Window measure(Recorder recorder, int users, Duration window) throws InterruptedException {
        long from = System.nanoTime();
        Thread.sleep(window);
        long to = System.nanoTime();
        double seconds = (to - from) / 1e9;
        var latencies = recorder.latencies(null, from, to);
        return new Window(
                users,
                recorder.lifecycles(from, to) / seconds,
                recorder.transitions(from, to) / seconds,
                Stats.percentile(latencies, 0.50),
                Stats.percentile(latencies, 0.99),
                recorder.failures(from, to).size());
    }

    /** Latency percentiles (ns) of each transition kind within a window, for the report. */
    static long[] stepLatency(Recorder recorder, Step step, long from, long to) {
        var sorted = recorder.latencies(step, from, to);
        return new long[] {Stats.percentile(sorted, 0.50), Stats.percentile(sorted, 0.99)};
    }

    private static void progress(LifecycleTarget target, String format, Object... arguments) {
        Bench.progress("[%s] %s", target.name(), format.formatted(arguments));
    }
}
