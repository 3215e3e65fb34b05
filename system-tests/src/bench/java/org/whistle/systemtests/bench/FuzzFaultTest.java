package org.whistle.systemtests.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.whistle.events.Topics;
import org.whistle.localstack.Service;

/**
 * Fuzz test (issue 11): {@code bench.fuzz.requests} (10,000) malformed requests spread over every public endpoint
 * ({@link Fuzzer#OPERATIONS}), through the gateway, anonymous and with tokens. Then: no answer was a 5xx or missing,
 * every error was a problem detail (Open311's own error documents on {@code /open311}), and nothing changed — every
 * table of every service database and every topic the requests could reach is as it was, apart from what changed
 * on its own while nobody sent anything (measured before the fuzzing, and reported).
 */
@Order(5)
class FuzzFaultTest {

    static final String SECTION = "fuzz";
    private static final int CONCURRENCY = 8;

    private final int requests = Bench.integer("bench.fuzz.requests", 10_000, 1_500);
    private final long seed = Long.getLong("bench.fuzz.seed", 20261128L);
    private final Duration quiet = Bench.duration("bench.fuzz.quiet", "10s", "5s");

    /** One answer worth reporting. */
    record Seen(String method, String path, String kind, int status, String contentType, String body) {
        @Override
        public String toString() {
            return "%s %s [%s] → %d %s %s"
                    .formatted(
                            method,
                            path.length() > 90 ? path.substring(0, 90) + "…" : path,
                            kind,
                            status,
                            contentType,
                            body.length() > 160 ? body.substring(0, 160) + "…" : body);
        }
    }

    @Test
    void malformedRequestsToEveryEndpointChangeNothingAndAnswerWithProblemDetails() throws Exception {
        if (!Bench.enabled("fuzz")) {
            return;
        }
        var platform = Bench.platform();
        var tokens = new Tokens(platform.gateway());
        var accounts = List.of(WhistleTarget.DISPATCHER, WhistleTarget.UNIT_SYSTEM, "admin", "qq-zhzx-integration");
        var held = accounts.stream().map(tokens::of).toList();
        var fixtures = fixtures(platform, tokens);

        // The fixtures' timeline heads wait for dispatch's next signed checkpoint (ADR 0016, every minute): let it
        // come before the snapshots, or it lands among the fuzzer's requests as a change nobody asked for.
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> pendingTimelineHeads(platform) == 0);

        // What changes by itself while nobody sends anything is not the fuzzer's doing: measured first.
        var before = snapshot(platform);
        Thread.sleep(quiet);
        var settled = snapshot(platform);
        var background = changed(before, settled);
        Bench.progress(
                "[fuzz] %d tables and topics watched; changing on their own: %s",
                settled.size(), background.isEmpty() ? "none" : background);

        // Through a tap, so that an unanswered request says which side stopped.
        var wiretap = new Wiretap(platform.gateway());
        var fuzzer = new Fuzzer(seed, wiretap.address(platform.gateway()), held, fixtures.get(0), fixtures.get(1));
        var http = new Http();
        // A request that waits five seconds is already far outside anything the gateway should take: dump threads
        // then, while the stall lasts, rather than only learn of it from the client's timeout.
        var stalls = new StallWatch(
                Map.of("gateway", platform.instance(Service.GATEWAY).process().pid()),
                Bench.platformDir().resolve("logs"),
                Duration.ofSeconds(5),
                2);
        var next = new AtomicInteger();
        var byGroup = new TreeMap<String, Map<String, Integer>>();
        var errors = new ConcurrentLinkedQueue<Seen>();
        var notProblem = new ConcurrentLinkedQueue<Seen>();
        var accepted = new ConcurrentLinkedQueue<Seen>();
        var edge = new ConcurrentLinkedQueue<Seen>();
        var unbuilt = new ConcurrentLinkedQueue<String>();
        long started = System.nanoTime();
        var workers = new ArrayList<Thread>();
        for (int w = 0; w < CONCURRENCY; w++) {
            workers.add(Thread.ofVirtual().start(() -> {
                while (true) {
                    Fuzzer.Probe probe;
                    int n;
                    synchronized (fuzzer) {
                        n = next.getAndIncrement();
                        if (n >= requests) {
                            return;
                        }
                        try {
                            probe = fuzzer.next(n);
                        } catch (RuntimeException e) {
                            // A request the fuzzer cannot even build is its own bug; counted, so that it fails the
                            // run loudly instead of silently ending a worker (and the run's concurrency with it).
                            unbuilt.add(n + ": " + e);
                            continue;
                        }
                    }
                    stalls.started(n);
                    var answer = http.send(probe.request());
                    stalls.ended(n);
                    var uri = probe.request().uri();
                    var seen = new Seen(
                            probe.request().method(),
                            uri.getRawPath(),
                            probe.kind(),
                            answer.status(),
                            String.valueOf(answer.contentType()),
                            answer.status() != 0
                                    ? answer.body()
                                    : answer.body() + " — wiretap: "
                                            + wiretap.explain(
                                                    probe.request().method(),
                                                    uri.getRawPath()
                                                            + (uri.getRawQuery() == null
                                                                    ? ""
                                                                    : "?" + uri.getRawQuery())));
                    synchronized (byGroup) {
                        byGroup.computeIfAbsent(probe.operation().group(), g -> new TreeMap<>())
                                .merge(bucket(answer.status()), 1, Integer::sum);
                    }
                    if (answer.status() == 0 || answer.status() >= 500) {
                        errors.add(seen);
                    } else if (answer.status() >= 400) {
                        boolean open311 = seen.path().startsWith("/open311/") && Fuzzer.isOpen311Error(answer);
                        if (!Fuzzer.isProblemDetail(answer) && !open311) {
                            (answer.contentType() == null && answer.body().isEmpty() ? edge : notProblem).add(seen);
                        }
                    } else if (!probe.request().method().equals("GET")) {
                        accepted.add(seen);
                    }
                }
            }));
        }
        for (var worker : workers) {
            worker.join();
        }
        wiretap.close();
        stalls.close();
        double seconds = (System.nanoTime() - started) / 1e9;
        Bench.progress(
                "[fuzz] %,d requests in %.1f s: %d 5xx or unanswered, %d errors not problem details (%d empty),"
                        + " %d writes accepted",
                requests, seconds, errors.size(), notProblem.size() + edge.size(), edge.size(), accepted.size());
        for (var error : errors) {
            if (error.status() == 0) {
                Bench.progress("[fuzz] unanswered: %s %s — %s", error.method(), error.path(), error.body());
            }
        }

        var after = snapshot(platform);
        var changedByFuzz = new TreeSet<>(changed(settled, after));
        changedByFuzz.removeAll(background);
        var outcomes = List.of(
                new Invariants.Outcome(
                        "every request sent",
                        unbuilt.isEmpty(),
                        "%,d of %,d requests the fuzzer could not build%s"
                                .formatted(
                                        unbuilt.size(), requests, unbuilt.isEmpty() ? "" : ", e.g. " + unbuilt.peek())),
                new Invariants.Outcome(
                        "no 5xx and no request left unanswered",
                        errors.isEmpty(),
                        "%,d requests, %d answered 5xx or not at all%s"
                                .formatted(requests, errors.size(), examples(errors))),
                new Invariants.Outcome(
                        "no state change",
                        changedByFuzz.isEmpty(),
                        ("%d tables (row count and an order-independent checksum of every row) in the %d service"
                                        + " databases and the end offsets of %d topics compared before and after%s%s")
                                .formatted(
                                        after.keySet().stream()
                                                .filter(k -> !k.startsWith("topic "))
                                                .count(),
                                        after.keySet().stream()
                                                .filter(k -> !k.startsWith("topic "))
                                                .map(k -> k.substring(0, k.indexOf(' ')))
                                                .distinct()
                                                .count(),
                                        after.keySet().stream()
                                                .filter(k -> k.startsWith("topic "))
                                                .count(),
                                        background.isEmpty()
                                                ? ""
                                                : "; left out as changing on their own while idle: " + background,
                                        changedByFuzz.isEmpty() ? "" : ". CHANGED: " + changedByFuzz)),
                new Invariants.Outcome(
                        "every error a problem detail",
                        notProblem.isEmpty() && edge.isEmpty(),
                        ("every 4xx is `application/problem+json` with a title and its status (Open311's own error"
                                        + " document on /open311); %d are not, %d of them with no body and no content"
                                        + " type%s")
                                .formatted(notProblem.size() + edge.size(), edge.size(), examples(notProblem, edge))));
        outcomes.forEach(o -> Bench.progress("[fuzz] %s: %s — %s", o.held() ? "HELD" : "BROKEN", o.name(), o.detail()));
        var notProblemAll = new ArrayList<Seen>(notProblem);
        notProblemAll.addAll(edge);
        write(byGroup, outcomes, accepted, notProblemAll, seconds);
        Bench.FIGURES.put("fuzz.outcomes", outcomes);
        assertThat(outcomes)
                .allSatisfy(o ->
                        assertThat(o.held()).as(o.name() + ": " + o.detail()).isTrue());
    }

    private static String groupOf(String path) {
        var parts = path.split("/");
        return parts.length > 2 ? "/" + parts[1] + "/" + parts[2] : path;
    }

    private static String bucket(int status) {
        return status == 0 ? "no answer" : status >= 500 ? "5xx" : Integer.toString(status);
    }

    @SafeVarargs
    private static String examples(java.util.Collection<Seen>... lists) {
        var all = new ArrayList<Seen>();
        for (var list : lists) {
            all.addAll(list);
        }
        if (all.isEmpty()) {
            return "";
        }
        // One example per status and path shape, so the report shows the kinds of failure rather than one kind.
        var shapes = new LinkedHashMap<String, Seen>();
        for (var seen : all) {
            shapes.putIfAbsent(seen.status() + " " + seen.path().replaceAll("/[^/]*[0-9][^/]*", "/…"), seen);
        }
        return ". E.g. " + shapes.values().stream().limit(8).map(Seen::toString).collect(Collectors.joining("; "));
    }

    /**
     * Two closed whistles made for the fuzzing: their tickets run no clock, so nothing about them changes by itself,
     * and any change to them is the fuzzer's.
     */
    private static List<List<String>> fixtures(Platform platform, Tokens tokens) throws InterruptedException {
        var recorder = new Recorder();
        var generator = new LoadGenerator(
                new WhistleTarget(new Http(), platform.gateway(), tokens, "NORMAL"),
                recorder,
                Duration.ofMinutes(2),
                0);
        for (int i = 0; i < 2; i++) {
            if (!generator.lifecycle()) {
                throw new IllegalStateException("could not make a closed whistle to fuzz: " + recorder.failures());
            }
        }
        var whistles =
                recorder.raised().stream().map(Recorder.Raised::whistleId).toList();
        var tickets = new ArrayList<String>();
        var target = new WhistleTarget(new Http(), platform.gateway(), tokens, "NORMAL");
        for (var whistle : whistles) {
            tickets.add(target.routed(whistle).orElseThrow());
        }
        return List.of(whistles, tickets);
    }

    private static long pendingTimelineHeads(Platform platform) throws SQLException {
        try (var connection = platform.connect("dispatch");
                var count = connection.createStatement().executeQuery("SELECT count(*) FROM timeline_head_pending")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** Row count and an order-independent checksum of every table of every service database; topic end offsets. */
    private static Map<String, String> snapshot(Platform platform) throws SQLException {
        var state = new TreeMap<String, String>();
        for (var service : Service.values()) {
            var database = service.database();
            if (database.isEmpty()) {
                continue;
            }
            try (var connection = platform.connect(database.get());
                    var tables = connection
                            .createStatement()
                            .executeQuery("SELECT schemaname, tablename FROM pg_tables"
                                    + " WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")) {
                var names = new ArrayList<String>();
                while (tables.next()) {
                    names.add("\"" + tables.getString(1) + "\".\"" + tables.getString(2) + "\"");
                }
                for (var table : names) {
                    try (var sum = connection
                            .createStatement()
                            .executeQuery("SELECT count(*), coalesce(md5(string_agg(md5(t::text), '' ORDER BY"
                                    + " md5(t::text))), '') FROM " + table + " t")) {
                        sum.next();
                        state.put(
                                database.get() + " " + table.replace("\"", ""),
                                sum.getLong(1) + " " + sum.getString(2));
                    }
                }
            }
        }
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of("bootstrap.servers", platform.kafka()),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            var partitions = new ArrayList<TopicPartition>();
            for (var topic : Topics.all()) {
                consumer.partitionsFor(topic.name())
                        .forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
            }
            var ends = consumer.endOffsets(partitions);
            var perTopic = new TreeMap<String, Long>();
            ends.forEach((partition, end) -> perTopic.merge(partition.topic(), end, Long::sum));
            perTopic.forEach((topic, end) -> state.put("topic " + topic, Long.toString(end)));
        }
        return state;
    }

    private static Set<String> changed(Map<String, String> before, Map<String, String> after) {
        var changed = new TreeSet<String>();
        after.forEach((key, value) -> {
            if (!value.equals(before.get(key))) {
                changed.add(key);
            }
        });
        before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(changed::add);
        return changed;
    }

    private void write(
            Map<String, Map<String, Integer>> byGroup,
            List<Invariants.Outcome> outcomes,
            java.util.Collection<Seen> accepted,
            List<Seen> notProblem,
            double seconds)
            throws Exception {
        var lines = new ArrayList<String>();
        lines.add("## Fuzzing every public endpoint");
        lines.add("");
        lines.add(Report.provenance());
        lines.add("");
        lines.add(("%,d malformed requests (seed %d, `-Dbench.fuzz.seed` repeats them) in %.0f s, %d at a time, through"
                        + " the gateway, spread evenly over the %d public operations of `Fuzzer.OPERATIONS` (every"
                        + " endpoint of the access matrix, which its test keeps equal to the controller mappings of"
                        + " every service behind the gateway and the gateway's own; the OAuth2/OIDC sign-in endpoints"
                        + " are left out, their error format being OAuth2's)."
                        + " A quarter are anonymous, the rest carry the token of the street dispatcher, the roads"
                        + " section's system, the administrator or the city's integration client; one in twenty a"
                        + " forged token. Each request is invalid for certain: a path id that names nothing or is no id"
                        + " (unknown, malformed, `%%00`, traversal, SQL, RTL override, emoji, zero-width space, 2–5 kB"
                        + " long); or, aimed at one of two closed whistles made for the purpose, a body that is broken"
                        + " JSON, an array, over 1 MiB, or of the wrong content type; a whistle with a value intake must"
                        + " refuse (latitude or longitude out of range or outside the city, unknown category, channel,"
                        + " coordinate system or urgency, a description over 2,000 characters, a bad phone, no"
                        + " location, empty values; odd Unicode as noise); evidence that claims to be a photo or video"
                        + " and is a web page, a program, an archive, a script or a truncated JPEG; garbage CSV for the"
                        + " imports; Open311 forms without a valid key, service code or location; nonsense query"
                        + " parameters (NaN, Infinity, 1e309, out of range, wrong types).")
                .formatted(requests, seed, seconds, CONCURRENCY, Fuzzer.OPERATIONS.size()));
        lines.add("");
        lines.add("| invariant | held | what was checked |");
        lines.add("|---|---|---|");
        for (var o : outcomes) {
            lines.add("| %s | %s | %s |"
                    .formatted(
                            o.name(),
                            o.held() ? "yes" : "**NO**",
                            o.detail().replace("|", "\\|").replace("\n", " ")));
        }
        lines.add("");
        lines.add("| endpoints | answers by status |");
        lines.add("|---|---|");
        byGroup.forEach((group, statuses) -> lines.add("| `%s` | %s |"
                .formatted(
                        group,
                        statuses.entrySet().stream()
                                .map(e -> e.getKey() + " × " + e.getValue())
                                .collect(Collectors.joining(", ")))));
        lines.add("");
        if (!notProblem.isEmpty()) {
            lines.add("Errors that are not problem details, by status, content type and endpoints (one example each):");
            lines.add("");
            lines.add("| status | content type | endpoints | answers | e.g. |");
            lines.add("|---:|---|---|---:|---|");
            var grouped = new TreeMap<String, List<Seen>>();
            for (var seen : notProblem) {
                var type = seen.contentType().equals("null")
                        ? "(none)"
                        : seen.contentType().split(";")[0];
                grouped.computeIfAbsent(seen.status() + "|" + type + "|" + groupOf(seen.path()), k -> new ArrayList<>())
                        .add(seen);
            }
            grouped.forEach((key, list) -> {
                var parts = key.split("[|]");
                var example = list.getFirst();
                var body = example.body().replace("|", "/").replace("\n", " ").replace("`", "'");
                lines.add("| %s | %s | `%s` | %d | `%s %s` [%s] %s |"
                        .formatted(
                                parts[0],
                                parts[1],
                                parts[2],
                                list.size(),
                                example.method(),
                                example.path().length() > 70 ? example.path().substring(0, 70) + "…" : example.path(),
                                example.kind(),
                                body.isBlank()
                                        ? "(empty body)"
                                        : "`" + body.substring(0, Math.min(100, body.length())) + "`"));
            });
            lines.add("");
        }
        lines.add(
                accepted.isEmpty()
                        ? "No write (POST, PUT, DELETE) was answered with success."
                        : "Writes answered with success (each is checked by the state comparison above): "
                                + examples(accepted).substring(2).replace("|", "\\|") + ".");
        Report.write(Bench.reliabilityReport(), "Reliability", SECTION, String.join("\n", lines));
    }
}
