package org.whistle.systemtests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.whistle.events.Topics;
import org.whistle.localstack.Service;

/**
 * Fault test (issue 11): under steady load through the gateway, {@code kill -9} in turn each service, the Kafka broker
 * and PostgreSQL, and bring it back on the same data and address; then check that every acknowledged whistle has
 * exactly one ticket, every ticket's events are in revision order, no escalation or notification went out twice, and
 * the platform was back to steady state within 30 s of each part being back. Writes {@code docs/reliability.md}.
 */
@Order(7)
class KillNineFaultTest {

    static final String SECTION = "kill-nine";
    static final Duration RECOVERY_LIMIT = Duration.ofSeconds(30);
    private static final Duration STEADY_WINDOW = Duration.ofSeconds(3);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final Duration down = Bench.duration("bench.faults.down", "5s", "3s");
    private final Duration baselineWindow = Bench.duration("bench.faults.baseline", "15s", "5s");
    private final Duration steadyDeadline = Bench.duration("bench.faults.steady-deadline", "30s", "30s");
    private final int abandonEvery = Bench.integer("bench.faults.abandon-every", 10, 5);
    /** People's pace: the time between two actions on a ticket (the throughput ramp has none). */
    static final Duration THINK = Bench.duration("bench.faults.think", "1s", "1s");

    private final Duration think = THINK;

    /** One part killed and brought back: the times from its kill, and what the generator was refused meanwhile. */
    record Fault(
            String part,
            double restartToReady,
            double readyToSteady,
            boolean steady,
            double shedToSteady,
            int refused,
            Map<Integer, Long> refusedByStatus) {

        boolean recovered() {
            return steady && readyToSteady <= RECOVERY_LIMIT.toSeconds();
        }
    }

    @Test
    void survivesKillNineOfEveryPartUnderSteadyLoad() throws Exception {
        if (!Bench.enabled("faults")) {
            return;
        }
        var platform = Bench.platform();
        var tokens = new Tokens(platform.gateway());
        tokens.of(WhistleTarget.DISPATCHER);
        tokens.of(WhistleTarget.UNIT_SYSTEM);
        var target = new WhistleTarget(new Http(), platform.gateway(), tokens, "NORMAL");
        var rate = rate();
        var topics = new ArrayList<>(Invariants.TICKET_TOPICS);
        topics.add(Topics.WHISTLE_ESCALATED);
        Topics.all().stream()
                .map(t -> t.name())
                .filter(name -> name.endsWith(".DLT"))
                .forEach(topics::add);
        var recorder = new Recorder();
        var generator = new LoadGenerator(target, recorder, Duration.ofMinutes(3), abandonEvery, think);
        var faults = new ArrayList<Fault>();
        double baseline;
        long started = System.nanoTime();
        try (var watcher = new TopicWatcher(platform.kafka(), topics)) {
            Bench.progress(
                    "[faults] steady load: %s lifecycles/s (every %d-th whistle left to its clocks)",
                    Report.number(rate), abandonEvery);
            var load = generator.open(rate);
            Thread.sleep(Duration.ofSeconds(5));
            long from = System.nanoTime();
            Thread.sleep(baselineWindow);
            baseline = recorder.transitions(from, System.nanoTime()) / ((System.nanoTime() - from) / 1e9);
            int baselineInFlight = generator.inFlight();
            Bench.progress(
                    "[faults] baseline %s transitions/s, %d lifecycles in flight",
                    Report.number(baseline), baselineInFlight);
            for (var part : parts()) {
                faults.add(fault(platform, part, recorder, generator, baseline, baselineInFlight));
            }
            // The lifecycles still retrying are given up: the invariants concern what was acknowledged, not what was
            // still being attempted.
            generator.abandonInFlight();
            load.stop(Duration.ofSeconds(30));
            Bench.progress("[faults] load stopped; %d lifecycles still in flight", generator.inFlight());

            var acked =
                    recorder.raised().stream().map(Recorder.Raised::whistleId).toList();
            var outcomes = new ArrayList<Invariants.Outcome>();
            outcomes.add(Invariants.everyAcknowledgedWhistleHasOneTicket(platform, acked, Duration.ofMinutes(2)));
            outcomes.add(awaitOrder(platform, acked, watcher));
            outcomes.add(Invariants.noEscalationOrNotificationTwice(platform, acked, watcher.seen()));
            outcomes.add(new Invariants.Outcome(
                    "back to steady state within 30 s of each restart",
                    faults.stream().allMatch(Fault::recovered),
                    faults.stream()
                            .map(f -> "%s %s"
                                    .formatted(
                                            f.part(),
                                            f.steady()
                                                    ? String.format(Locale.ROOT, "%.1f s", f.readyToSteady())
                                                    : "not steady"))
                            .collect(Collectors.joining(", "))));
            var deadLetters = watcher.seen().stream()
                    .filter(s -> s.topic().endsWith(".DLT"))
                    .toList();
            outcomes.forEach(
                    o -> Bench.progress("[faults] %s: %s — %s", o.held() ? "HELD" : "BROKEN", o.name(), o.detail()));
            write(rate, baseline, faults, outcomes, recorder, deadLetters, (System.nanoTime() - started) / 1e9);
            Bench.FIGURES.put("faults.outcomes", outcomes);
            assertThat(outcomes)
                    .allSatisfy(o -> assertThat(o.held())
                            .as(o.name() + ": " + o.detail())
                            .isTrue());
        }
    }

    /** The steady load: a tenth of the knee measured in this run, or {@code bench.faults.rate}. */
    private static double rate() {
        var configured = System.getProperty("bench.faults.rate");
        if (configured != null) {
            return Double.parseDouble(configured);
        }
        if (Bench.FIGURES.get("ramp.Whistle") instanceof Ramp.Result ramp) {
            return Math.max(0.5, ramp.sustainedLifecycles() / 10);
        }
        return Bench.smoke() ? 1 : 2;
    }

    private static List<String> parts() {
        var parts = new ArrayList<String>();
        for (var service : Service.values()) {
            parts.add(service.module());
        }
        parts.add("kafka");
        parts.add("postgresql");
        var only = System.getProperty("bench.faults.parts");
        if (only != null) {
            var wanted = List.of(only.split(","));
            parts.removeIf(p -> !wanted.contains(p));
        }
        return parts;
    }

    private Fault fault(
            Platform platform,
            String part,
            Recorder recorder,
            LoadGenerator generator,
            double baseline,
            int baselineInFlight)
            throws InterruptedException {
        awaitSteady(recorder, generator, baseline, baselineInFlight, System.nanoTime() + steadyDeadline.toNanos());
        long killed = System.nanoTime();
        Bench.progress("[faults] kill -9 %s", part);
        switch (part) {
            case "kafka" -> platform.broker().kill();
            case "postgresql" -> {
                int forced = platform.postgres().kill();
                if (forced > 0) {
                    Bench.progress(
                            "[faults] %d PostgreSQL backends outlived the postmaster and were killed too", forced);
                }
            }
            default -> platform.instance(Service.ofModule(part).orElseThrow()).kill();
        }
        Thread.sleep(down);
        long restarted = System.nanoTime();
        switch (part) {
            case "kafka" -> platform.startBroker();
            case "postgresql" -> platform.startPostgres();
            default -> {
                var instance = platform.instance(Service.ofModule(part).orElseThrow());
                instance.restart();
                instance.awaitReady(READY_TIMEOUT);
            }
        }
        long ready = System.nanoTime();
        long steady = awaitSteady(recorder, generator, baseline, baselineInFlight, ready + steadyDeadline.toNanos());
        var refused = recorder.failures(killed, steady < 0 ? System.nanoTime() : steady);
        double shedToSteady = 0;
        if (steady < 0) {
            // Not back by itself: shed the load in flight (people give up) so that the next part's fault starts from
            // steady state, and note whether, and how soon, that brought it back.
            Bench.progress(
                    "[faults] %s: not steady %d s after it was back; shedding the lifecycles in flight",
                    part, steadyDeadline.toSeconds());
            generator.abandonInFlight();
            long shed = System.nanoTime();
            long after = awaitSteady(
                    recorder,
                    generator,
                    baseline,
                    baselineInFlight,
                    shed + Duration.ofSeconds(45).toNanos());
            shedToSteady = after < 0 ? -1 : (after - shed) / 1e9;
        }
        var byStatus = new TreeMap<Integer, Long>(
                refused.stream().collect(Collectors.groupingBy(Recorder.Failure::status, Collectors.counting())));
        var fault = new Fault(
                part,
                (ready - restarted) / 1e9,
                steady < 0 ? -1 : (steady - ready) / 1e9,
                steady >= 0,
                shedToSteady,
                refused.size(),
                byStatus);
        Bench.progress(
                "[faults] %s back: ready %.1f s after the restart, steady %s later; %d requests refused %s",
                part,
                fault.restartToReady(),
                fault.steady() ? String.format(Locale.ROOT, "%.1f s", fault.readyToSteady()) : "never",
                fault.refused(),
                byStatus);
        return fault;
    }

    /**
     * Polls until the generator's last three seconds look like steady state — at least 80 % of the baseline's
     * transitions, nothing refused, and no more lifecycles in flight than in steady state (the backlog drained) — and
     * returns that moment ({@link System#nanoTime}), or -1 at the deadline.
     */
    private static long awaitSteady(
            Recorder recorder, LoadGenerator generator, double baseline, int baselineInFlight, long deadline)
            throws InterruptedException {
        long window = STEADY_WINDOW.toNanos();
        while (System.nanoTime() < deadline) {
            long now = System.nanoTime();
            double rate = recorder.transitions(now - window, now) / (window / 1e9);
            boolean quiet = recorder.failures(now - window, now).isEmpty();
            boolean drained = generator.inFlight() <= baselineInFlight * 1.5 + 2;
            if (rate >= 0.8 * baseline && quiet && drained) {
                return now;
            }
            Thread.sleep(200);
        }
        return -1;
    }

    /** Dispatch's outboxes may still be publishing when the load stops: the order check is retried until it holds. */
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

    private void write(
            double rate,
            double baseline,
            List<Fault> faults,
            List<Invariants.Outcome> outcomes,
            Recorder recorder,
            List<TopicWatcher.Seen> deadLetters,
            double seconds)
            throws Exception {
        var lines = new ArrayList<String>();
        lines.add("## kill -9 under steady load");
        lines.add("");
        lines.add(Report.provenance());
        lines.add("");
        lines.add(
                ("Steady load through the gateway: %s lifecycles/s (a tenth of the knee measured in this run) started at"
                                + " even intervals (open loop; %s"
                                + " transitions/s measured before the first fault), at people's pace — %s (±50 %%) between two"
                                + " actions on a ticket, where the throughput ramp has none —, every %d-th whistle left unfiled so"
                                + " that"
                                + " its clocks warn and escalate (street → district → city, at the local stack's 60-fold time)"
                                + " while parts die. Each part is killed with SIGKILL, left down %s, and started again on the"
                                + " same data directory and port (services as the local stack starts them; the broker and"
                                + " PostgreSQL on their data directories, PostgreSQL recovering from its WAL). The generator"
                                + " retries a refused or unanswered request with back-off (the same idempotency key for a"
                                + " raise) for up to 3 minutes. **Steady** means: over the last %d s at least 80 %% of the"
                                + " baseline's transitions, no request refused, and no more lifecycles in flight than before"
                                + " the fault (the backlog drained). A part not steady %d s after it was back has its lifecycles in"
                                + " flight given up (the load shed, as people give up), and the time until steady after that is"
                                + " noted, so that each part's fault starts from steady state. %.0f s in all.")
                        .formatted(
                                Report.number(rate),
                                Report.number(baseline),
                                think,
                                abandonEvery,
                                down,
                                STEADY_WINDOW.toSeconds(),
                                steadyDeadline.toSeconds(),
                                seconds));
        lines.add("");
        lines.add("| part killed | restart → ready (s) | ready → steady (s) | after shedding the load (s) | requests"
                + " refused meanwhile (by status) |");
        lines.add("|---|---:|---:|---:|---|");
        for (var f : faults) {
            lines.add("| %s | %.1f | %s | %s | %d %s |"
                    .formatted(
                            f.part(),
                            f.restartToReady(),
                            f.steady()
                                    ? String.format(Locale.ROOT, "%.1f", f.readyToSteady())
                                    : "**not within %d**".formatted(steadyDeadline.toSeconds()),
                            f.steady()
                                    ? "—"
                                    : f.shedToSteady() < 0
                                            ? "**not within 45**"
                                            : String.format(Locale.ROOT, "%.1f", f.shedToSteady()),
                            f.refused(),
                            f.refusedByStatus().isEmpty()
                                    ? ""
                                    : f.refusedByStatus().entrySet().stream()
                                            .map(e -> (e.getKey() == 0
                                                            ? "no answer"
                                                            : e.getKey() == -1 ? "client error" : e.getKey())
                                                    + " × " + e.getValue())
                                            .collect(Collectors.joining(", ", "(", ")"))));
        }
        lines.add("");
        lines.add("Status 0 is no answer at all (connection refused or reset, or the 15 s client timeout).");
        lines.add("");
        lines.add("| invariant | held | what was checked |");
        lines.add("|---|---|---|");
        for (var o : outcomes) {
            lines.add("| %s | %s | %s |"
                    .formatted(o.name(), o.held() ? "yes" : "**NO**", o.detail().replace("|", "\\|")));
        }
        lines.add("");
        lines.add(("The generator: %,d whistles acknowledged, %,d lifecycles gave up after 3 minutes of retries, %,d"
                        + " retried transitions refused with 409 because the first attempt had been carried out (its"
                        + " answer lost). Dead-letter topics: %s.")
                .formatted(
                        recorder.raised().size(),
                        recorder.givenUp(),
                        recorder.repeatedConflicts(),
                        deadLetters.isEmpty()
                                ? "nothing was dead-lettered"
                                : deadLetters.size() + " records — "
                                        + deadLetters.stream()
                                                .map(d -> d.topic() + ": " + d.reason())
                                                .distinct()
                                                .limit(5)
                                                .collect(Collectors.joining("; "))));
        Report.write(Bench.reliabilityReport(), "Reliability", SECTION, String.join("\n", lines));
    }
}
