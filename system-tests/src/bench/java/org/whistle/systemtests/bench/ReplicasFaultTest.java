package org.whistle.systemtests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.whistle.embedded.FreePorts;
import org.whistle.events.Topics;
import org.whistle.localstack.Service;

/**
 * Fault test (issue 11): two replicas of every service, each pair behind a round-robin TCP balancer ({@link Proxy}, as a
 * Kubernetes Service would be), steady load through the gateways' balancer; then one replica of each service is stopped
 * in turn (SIGTERM, as an orchestrator scales down or rolls), and stays stopped. Work must go on, and nothing be handled
 * twice: the same invariants as after {@code kill -9}.
 */
@Order(8)
class ReplicasFaultTest {

    static final String SECTION = "replicas";
    private static final Duration READY = Duration.ofMinutes(4);

    private final Duration baselineWindow = Bench.duration("bench.replicas.baseline", "15s", "5s");
    private final Duration after = Bench.duration("bench.replicas.after-stop", "15s", "8s");

    /** One replica stopped: how long the stop took, and what the generator saw in the window after it. */
    record Stop(
            String service,
            double stopSeconds,
            double transitionsPerSecond,
            int refused,
            Map<Integer, Long> byStatus) {}

    @Test
    void workGoesOnWhenOneOfTwoReplicasOfEachServiceStops() throws Exception {
        if (!Bench.enabled("replicas")) {
            return;
        }
        var platform = Bench.infrastructure();
        Bench.stopServices();
        var proxies = new EnumMap<Service, Proxy>(Service.class);
        var second = new EnumMap<Service, Integer>(Service.class);
        // Every port picked ahead, none twice: services bind theirs only when they start.
        var taken = new java.util.HashSet<>(platform.ports().values());
        java.util.function.IntSupplier freshPort = () -> {
            int port;
            do {
                port = FreePorts.pick();
            } while (!taken.add(port));
            return port;
        };
        for (var service : Service.values()) {
            second.put(service, freshPort.getAsInt());
            var proxy = new Proxy(
                    service.module(),
                    freshPort.getAsInt(),
                    List.of(platform.ports().get(service), second.get(service)));
            proxies.put(service, proxy);
            platform.route(service, proxy.port());
        }
        var stops = new ArrayList<Stop>();
        List<Invariants.Outcome> outcomes;
        var recorder = new Recorder();
        double baseline;
        try {
            // org-registry first, both replicas (the second finds the city seeded), then the rest, both replicas each.
            long starting = System.nanoTime();
            var registry = List.of(
                    platform.launch(Service.ORG_REGISTRY, 0, platform.ports().get(Service.ORG_REGISTRY), Map.of()));
            for (var instance : registry) {
                instance.awaitReady(READY);
            }
            // People sign in before the second registry replica runs: sign-in sessions live in one replica's memory.
            var tokens = new Tokens(platform.gateway());
            var started = new ArrayList<Platform.Instance>();
            started.add(platform.launch(Service.ORG_REGISTRY, 1, second.get(Service.ORG_REGISTRY), Map.of()));
            for (var service : Service.values()) {
                if (service != Service.ORG_REGISTRY) {
                    started.add(platform.launch(service, 0, platform.ports().get(service), Map.of()));
                    started.add(platform.launch(service, 1, second.get(service), Map.of()));
                }
            }
            for (var instance : started) {
                instance.awaitReady(READY);
            }
            Bench.progress("[replicas] 12 service processes ready in %.0f s", (System.nanoTime() - starting) / 1e9);
            tokens.of(WhistleTarget.DISPATCHER);
            tokens.of(WhistleTarget.UNIT_SYSTEM);

            var topics = new ArrayList<>(Invariants.TICKET_TOPICS);
            topics.add(Topics.WHISTLE_ESCALATED);
            var rate = Bench.FIGURES.get("ramp.Whistle") instanceof Ramp.Result ramp
                    ? Math.max(0.5, ramp.sustainedLifecycles() / 10)
                    : Bench.smoke() ? 1 : 2;
            var generator = new LoadGenerator(
                    new WhistleTarget(new Http(), platform.gateway(), tokens, "NORMAL"),
                    recorder,
                    Duration.ofMinutes(3),
                    10,
                    KillNineFaultTest.THINK);
            try (var watcher = new TopicWatcher(platform.kafka(), topics)) {
                var load = generator.open(rate);
                Thread.sleep(Duration.ofSeconds(5));
                long from = System.nanoTime();
                Thread.sleep(baselineWindow);
                baseline = recorder.transitions(from, System.nanoTime()) / ((System.nanoTime() - from) / 1e9);
                Bench.progress(
                        "[replicas] %s lifecycles/s offered, %s transitions/s with every replica up",
                        Report.number(rate), Report.number(baseline));
                for (var service : Service.values()) {
                    var replica = platform.instances().stream()
                            .filter(i -> i.service() == service && i.isAlive())
                            .reduce((a, b) -> b)
                            .orElseThrow();
                    long stopping = System.nanoTime();
                    replica.stop();
                    double stopSeconds = (System.nanoTime() - stopping) / 1e9;
                    long windowFrom = System.nanoTime();
                    Thread.sleep(after);
                    long windowTo = System.nanoTime();
                    var refused = recorder.failures(stopping, windowTo);
                    var stop = new Stop(
                            replica.name(),
                            stopSeconds,
                            recorder.transitions(windowFrom, windowTo) / ((windowTo - windowFrom) / 1e9),
                            refused.size(),
                            new TreeMap<>(refused.stream()
                                    .collect(Collectors.groupingBy(Recorder.Failure::status, Collectors.counting()))));
                    stops.add(stop);
                    Bench.progress(
                            "[replicas] stopped %s in %.1f s: then %s transitions/s, %d refused %s",
                            stop.service(),
                            stopSeconds,
                            Report.number(stop.transitionsPerSecond()),
                            stop.refused(),
                            stop.byStatus());
                }
                // The lifecycles still retrying are given up: the invariants concern what was acknowledged, not what
                // was still being attempted.
                generator.abandonInFlight();
                load.stop(Duration.ofSeconds(30));
                var acked = recorder.raised().stream()
                        .map(Recorder.Raised::whistleId)
                        .toList();
                outcomes = new ArrayList<>();
                outcomes.add(Invariants.everyAcknowledgedWhistleHasOneTicket(platform, acked, Duration.ofMinutes(2)));
                outcomes.add(awaitOrder(platform, acked, watcher));
                outcomes.add(Invariants.noEscalationOrNotificationTwice(platform, acked, watcher.seen()));
                outcomes.add(new Invariants.Outcome(
                        "work goes on with one replica of each service",
                        stops.stream().allMatch(s -> s.transitionsPerSecond() >= 0.5 * baseline),
                        stops.stream()
                                        .map(s -> "%s stopped: %s transitions/s after"
                                                .formatted(s.service(), Report.number(s.transitionsPerSecond())))
                                        .collect(Collectors.joining("; "))
                                + " (at least half the %s transitions/s with every replica)"
                                        .formatted(Report.number(baseline))));
            }
        } finally {
            // Whatever runs after this gets a platform of single services again, reached directly.
            Bench.stopServices();
            platform.routeDirectly();
            for (var proxy : proxies.values()) {
                proxy.close();
            }
        }
        outcomes.forEach(
                o -> Bench.progress("[replicas] %s: %s — %s", o.held() ? "HELD" : "BROKEN", o.name(), o.detail()));
        write(stops, outcomes, recorder, baseline, proxies);
        Bench.FIGURES.put("replicas.outcomes", outcomes);
        assertThat(outcomes)
                .allSatisfy(o ->
                        assertThat(o.held()).as(o.name() + ": " + o.detail()).isTrue());
    }

    private static Invariants.Outcome awaitOrder(Platform platform, List<String> acked, TopicWatcher watcher)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            var outcome = Invariants.ticketEventsInRevisionOrder(platform, acked, watcher.seen());
            if (outcome.held() || System.nanoTime() > deadline) {
                return outcome;
            }
            Thread.sleep(1000);
        }
    }

    private static void write(
            List<Stop> stops,
            List<Invariants.Outcome> outcomes,
            Recorder recorder,
            double baseline,
            Map<Service, Proxy> proxies)
            throws Exception {
        var lines = new ArrayList<String>();
        lines.add("## Two replicas of every service, one stopped under load");
        lines.add("");
        lines.add(Report.provenance());
        lines.add("");
        lines.add(("Every service twice (12 processes, each as the local stack starts it, on its own port; the SLA"
                        + " replicas with state folders of their own and one Streams application id), each pair behind a"
                        + " round-robin TCP balancer in the benchmark's JVM as a Kubernetes Service would be — services"
                        + " reach each other, and the generator the gateways, only through the balancers. Steady load as"
                        + " in the kill -9 test, at people's pace (%s transitions/s with every replica up); then one"
                        + " replica of each"
                        + " service in turn is stopped with SIGTERM (graceful shutdown, as an orchestrator scales down)"
                        + " and stays stopped, and the next %s are measured.")
                .formatted(Report.number(baseline), Bench.duration("bench.replicas.after-stop", "15s", "8s")));
        lines.add("");
        lines.add("| replica stopped | stop took (s) | transitions/s after | requests refused (by status) |");
        lines.add("|---|---:|---:|---|");
        for (var s : stops) {
            lines.add("| %s | %.1f | %s | %d %s |"
                    .formatted(
                            s.service(),
                            s.stopSeconds(),
                            Report.number(s.transitionsPerSecond()),
                            s.refused(),
                            s.byStatus().isEmpty() ? "" : s.byStatus().toString()));
        }
        lines.add("");
        lines.add("| invariant | held | what was checked |");
        lines.add("|---|---|---|");
        for (var o : outcomes) {
            lines.add("| %s | %s | %s |"
                    .formatted(o.name(), o.held() ? "yes" : "**NO**", o.detail().replace("|", "\\|")));
        }
        lines.add("");
        lines.add("Balancers: "
                + proxies.values().stream()
                        .map(p -> String.format(
                                Locale.ROOT,
                                "%s %,d connections (%,d sent on after a replica refused)",
                                p.name(),
                                p.connections(),
                                p.refusedBackends()))
                        .collect(Collectors.joining("; "))
                + ". %,d whistles acknowledged, %,d lifecycles gave up."
                        .formatted(recorder.raised().size(), recorder.givenUp()));
        Report.write(Bench.reliabilityReport(), "Reliability", SECTION, String.join("\n", lines));
    }
}
