package org.whistle.systemtests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.whistle.events.Channel;
import org.whistle.events.ClockKind;
import org.whistle.events.EventCodec;
import org.whistle.events.EventEnvelope;
import org.whistle.events.GeoPoint;
import org.whistle.events.Location;
import org.whistle.events.Reporter;
import org.whistle.events.Topics;
import org.whistle.events.TraceIds;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleEscalated;
import org.whistle.events.WhistleId;
import org.whistle.events.WhistleRaised;
import org.whistle.events.kafka.EnvelopeSerializer;
import org.whistle.orgreference.copy.OrgReferenceCopy;
import org.whistle.sla.clocks.ClockObserver;
import org.whistle.sla.clocks.ClockTopology;
import org.whistle.sla.clocks.ClockTracing;
import org.whistle.sla.clocks.OrgReferenceDeadlines;
import org.whistle.sla.clocks.SlaProperties;
import org.whistle.sla.clocks.SlaStreams;
import org.whistle.sla.clocks.domain.Firing;

/**
 * The SLA clock benchmark (issue 6): a million live clocks, a hundred thousand of them due in the same second, and
 * how late their escalations are. Not a test: nothing here asserts a time; it measures and writes
 * {@code docs/performance.md}. Run by the {@code bench} profile only.
 *
 * <p>The SLA topology runs exactly as the service builds it ({@link ClockTopology}, {@link SlaStreams#standalone}:
 * exactly-once v2, two stream threads, bounded RocksDB memory, 250 ms wall-clock punctuation with firing slices,
 * time scale 1) without Spring and
 * without org data, so the design's §5 default deadlines apply: FILE 2 h for a normal whistle, 30 min for an urgent
 * one. The broker runs in a JVM of its own ({@link BrokerProcess}).
 *
 * <ol>
 *   <li>{@code clocks − burst} normal whistles raised now: FILE clocks due in 2 h, far outside the run. They are
 *       produced first, then the SLA app starts on the backlog; the time until it holds them all is the load rate.
 *   <li>{@code burst} urgent whistles whose {@code raisedAt} is 30 min before one whole second {@code B} in the near
 *       future, spread over its milliseconds: FILE clocks due within [B, B + 1 s). Clocks start at the event's time,
 *       so their 80 % warning point is already behind: their warnings go out while they load, before B.
 *   <li>Once the app holds every clock, the escalations of the burst are read from {@code whistle-escalated}
 *       (read_committed) and each one's lateness measured: {@code firedAt − dueAt} as the event says, and
 *       {@code seen − dueAt}, when this JVM's consumer received it, i.e. once its transaction committed.
 * </ol>
 */
@Order(1)
class SlaClockBenchmark {

    private static final String BEGIN = "<!-- sla-clock-bench:begin -->";
    private static final String END = "<!-- sla-clock-bench:end -->";
    private static final String COMMAND = "./mvnw -B -pl system-tests -am verify -Pbench -DskipTests";
    private static final Duration URGENT_FILE = Duration.ofMinutes(30);
    private static final Duration LOAD_PATIENCE = Duration.ofMinutes(20);
    private static final Duration BURST_PATIENCE = Duration.ofMinutes(5);

    private final int clocks = Integer.getInteger("bench.clocks", 1_000_000);
    private final int burst = Integer.getInteger("bench.burst", 100_000);
    private final Path work = Path.of(System.getProperty("bench.work-dir", "target/bench"));
    private final Path report = Path.of(System.getProperty("bench.report", "../docs/performance.md"));
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Object> figures = new HashMap<>();

    @Test
    void aMillionLiveClocksAndAHundredThousandDueInOneSecond() throws Exception {
        if (!Bench.enabled("clocks")) {
            return;
        }
        var started = System.nanoTime();
        clean(work);
        Files.createDirectories(work);
        var stateDir = work.resolve("state");
        try (var broker = BrokerProcess.start(work.resolve("kafka"), work)) {
            var bootstrap = broker.bootstrapServers();
            progress("broker ready at %s (pid %d)", bootstrap, broker.pid());
            try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                Topics.ensureCreated(admin, (short) 1);
            }
            int far = clocks - burst;

            // 1. The clocks far from due, produced before the app starts: it loads them from a backlog.
            var producer = producer(bootstrap);
            var now = clock.instant();
            var producing = System.nanoTime();
            produce(producer, far, i -> raised(Urgency.NORMAL, now));
            figures.put("produceFarSeconds", seconds(System.nanoTime() - producing));
            progress("%,d whistles on whistle-raised in %.1f s", far, figures.get("produceFarSeconds"));

            var observer = new CountingObserver();
            var properties = SlaProperties.of(
                    1, Duration.ofMillis(250), Duration.ofDays(7), "sla-bench", stateDir.toString(), null, Map.of());
            var deadlines = new OrgReferenceDeadlines(
                    new OrgReferenceCopy(), properties.timeScale(), properties.closedRetention());
            var sla = SlaStreams.standalone(
                    properties,
                    Map.of(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                    topology -> ClockTopology.addTo(
                            topology,
                            deadlines,
                            clock,
                            properties.punctuationInterval(),
                            properties.firingSlice(),
                            observer,
                            ClockTracing.NONE));
            var loading = System.nanoTime();
            sla.start();
            try {
                awaitRunning(sla, far, observer, "loading");
                var loadFarNanos = System.nanoTime() - loading;
                figures.put("loadFarSeconds", seconds(loadFarNanos));
                figures.put("loadFarRate", far / seconds(loadFarNanos));
                figures.put("memoryFar", Memory.now(broker.pid()));
                progress(
                        "%,d clocks loaded in %.1f s (%,.0f clocks/s)",
                        far, figures.get("loadFarSeconds"), figures.get("loadFarRate"));

                // 2. The burst: due within one whole second, far enough ahead for all of it to load first.
                var expectedLoad = Duration.ofMillis((long) (1000.0 * burst / (double) figures.get("loadFarRate")));
                var lead = Duration.ofSeconds(20).plus(expectedLoad.multipliedBy(3));
                var burstSecond =
                        Instant.ofEpochSecond(clock.instant().plus(lead).getEpochSecond() + 1);
                figures.put("burstSecond", burstSecond);
                try (var watcher = new EscalationWatcher(bootstrap)) {
                    var base = burstSecond.minus(URGENT_FILE);
                    var burstProducing = System.nanoTime();
                    produce(producer, burst, i -> raised(Urgency.URGENT, base.plusMillis(i % 1000)));
                    producer.close();
                    figures.put("produceBurstSeconds", seconds(System.nanoTime() - burstProducing));
                    awaitRunning(sla, clocks, observer, "loading the burst");
                    var loaded = clock.instant();
                    figures.put("loadBurstSeconds", seconds(System.nanoTime() - burstProducing));
                    figures.put(
                            "loadedBeforeBurstMillis",
                            Duration.between(loaded, burstSecond).toMillis());
                    figures.put("warningsWhileLoading", observer.warnings.get());
                    progress(
                            "all %,d clocks live, %,d ms before the burst second %s",
                            clocks, figures.get("loadedBeforeBurstMillis"), burstSecond);
                    if (Duration.between(clock.instant(), burstSecond).toMillis() > 5_000) {
                        figures.put("memoryLoaded", Memory.now(broker.pid()));
                    }

                    // 3. The burst fires; wait until every escalation of it is on the topic, then a little longer
                    //    so that a repeated one would be seen too.
                    var deadline = burstSecond.plus(BURST_PATIENCE);
                    while (watcher.escalations() < burst && clock.instant().isBefore(deadline)) {
                        if (!figures.containsKey("warningsBeforeBurst")
                                && !clock.instant().plusMillis(100).isBefore(burstSecond)) {
                            figures.put("warningsBeforeBurst", observer.warnings.get());
                        }
                        Thread.sleep(50);
                        watcher.failure();
                    }
                    Thread.sleep(5_000);
                    watcher.stop();
                    figures.put("memoryAfterBurst", Memory.now(broker.pid()));
                    figures.put("warnings", observer.warnings.get());
                    figures.put("runningAfterBurst", observer.running());
                    analyse(watcher.seen(), burstSecond);
                }
            } finally {
                sla.stop();
            }
            // Sizes once the app has stopped: RocksDB flushes its memtables then (Streams writes no RocksDB WAL).
            figures.put("stateOnDisk", Machine.sizeOnDisk(stateDir));
            figures.put("brokerOnDisk", Machine.sizeOnDisk(work.resolve("kafka")));
        }
        figures.put("totalSeconds", seconds(System.nanoTime() - started));
        write();
        Bench.FIGURES.put("sla.visibleLateness", figures.get("visibleLateness"));
        Bench.FIGURES.put("sla.clocks", "%,d".formatted(clocks));
        Bench.FIGURES.put("sla.burst", "%,d".formatted(burst));
        assertThat((long) figures.get("escalated"))
                .as("escalations of the burst")
                .isEqualTo(burst);
        assertThat((long) figures.get("repeated"))
                .as("escalations published twice")
                .isZero();
    }

    // --- load generation -------------------------------------------------------------------------------------

    private static KafkaProducer<String, EventEnvelope<?>> producer(String bootstrap) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        org.apache.kafka.common.serialization.Serializer<EventEnvelope<?>> envelopes =
                (org.apache.kafka.common.serialization.Serializer) new EnvelopeSerializer();
        return new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.LINGER_MS_CONFIG,
                        20,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        256 * 1024,
                        ProducerConfig.COMPRESSION_TYPE_CONFIG,
                        "lz4",
                        ProducerConfig.BUFFER_MEMORY_CONFIG,
                        64L * 1024 * 1024),
                new StringSerializer(),
                envelopes);
    }

    private static void produce(
            KafkaProducer<String, EventEnvelope<?>> producer, int count, IntFunction<EventEnvelope<?>> event) {
        var failure = new AtomicReference<Exception>();
        for (int i = 0; i < count && failure.get() == null; i++) {
            var envelope = event.apply(i);
            producer.send(new ProducerRecord<>(envelope.topic(), envelope.key(), envelope), (metadata, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
            });
        }
        producer.flush();
        if (failure.get() != null) {
            // The broker goes with the failed part; a producer left open would retry it for the rest of the bench.
            producer.close(Duration.ZERO);
            throw new IllegalStateException("producing whistles failed", failure.get());
        }
    }

    /** A whistle as intake publishes it: the file clock starts at {@code raisedAt}. */
    private EventEnvelope<?> raised(Urgency urgency, Instant raisedAt) {
        var whistleId = WhistleId.newId();
        var data = new WhistleRaised(
                whistleId,
                Channel.APP,
                "ROADS-POTHOLE",
                "benchmark whistle",
                new Location(new GeoPoint(47.34, 123.96), null),
                "grid-1",
                "street-1",
                urgency,
                new Reporter(Reporter.Kind.ANONYMOUS, null, null, null),
                List.of(),
                raisedAt);
        return EventEnvelope.wrap(data, 1, "intake-service", TraceIds.newTraceId(), clock);
    }

    private void awaitRunning(SlaStreams sla, long wanted, CountingObserver observer, String what)
            throws InterruptedException {
        var deadline = System.nanoTime() + LOAD_PATIENCE.toNanos();
        var lastReport = System.nanoTime();
        var lastCount = 0L;
        while (observer.running() < wanted) {
            var state = sla.streams().map(KafkaStreams::state).orElse(KafkaStreams.State.NOT_RUNNING);
            if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING) {
                throw new IllegalStateException("the SLA streams app is " + state + " while " + what);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        what + ": only " + observer.running() + " of " + wanted + " clocks after " + LOAD_PATIENCE);
            }
            Thread.sleep(100);
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                var count = observer.running();
                progress(
                        "%s: %,d clocks live (%,.0f/s over the last 10 s)",
                        what, count, (count - lastCount) / seconds(System.nanoTime() - lastReport));
                lastCount = count;
                lastReport = System.nanoTime();
            }
        }
    }

    // --- what the app tells us ---------------------------------------------------------------------------------

    /** Live clocks per task, as the service's {@code whistle.sla.clocks.running} gauge counts them, and firings. */
    private static final class CountingObserver implements ClockObserver {

        private final Map<String, Long> runningByTask = new ConcurrentHashMap<>();
        final AtomicLong warnings = new AtomicLong();
        final AtomicLong escalations = new AtomicLong();

        @Override
        public void published(Firing firing) {
            (firing.kind() == WhistleEscalated.Kind.WARNING ? warnings : escalations).incrementAndGet();
        }

        @Override
        public void running(String task, long count) {
            runningByTask.put(task, count);
        }

        @Override
        public void closed(String task) {
            runningByTask.remove(task);
        }

        long running() {
            return runningByTask.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** One record of {@code whistle-escalated}: when this JVM received it, its timestamp and its bytes. */
    private record Seen(long receivedMillis, long timestamp, byte[] value) {}

    /**
     * Reads {@code whistle-escalated} from its end as of now, read_committed, keeping each record's arrival time;
     * decoding waits until the burst is over, so that it takes no CPU from the app while it fires.
     */
    private static final class EscalationWatcher implements AutoCloseable {

        private static final byte[] ESCALATION = "\"ESCALATION\"".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        private final KafkaConsumer<String, byte[]> consumer;
        private final List<Seen> seen = new ArrayList<>();
        private final AtomicLong escalations = new AtomicLong();
        private final AtomicBoolean stopping = new AtomicBoolean();
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        private final Thread thread;

        EscalationWatcher(String bootstrap) {
            consumer = new KafkaConsumer<>(
                    Map.<String, Object>of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            bootstrap,
                            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                            "read_committed",
                            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                            false,
                            ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                            10_000,
                            ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                            50),
                    new StringDeserializer(),
                    new ByteArrayDeserializer());
            var partitions = consumer.partitionsFor(Topics.WHISTLE_ESCALATED).stream()
                    .map(info -> new TopicPartition(Topics.WHISTLE_ESCALATED, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            thread = new Thread(this::run, "escalation-watcher");
            thread.start();
        }

        private void run() {
            try {
                while (!stopping.get()) {
                    var records = consumer.poll(Duration.ofMillis(100));
                    var received = System.currentTimeMillis();
                    for (var record : records) {
                        seen.add(new Seen(received, record.timestamp(), record.value()));
                        if (contains(record.value(), ESCALATION)) {
                            escalations.incrementAndGet();
                        }
                    }
                }
            } catch (RuntimeException e) {
                failure.set(e);
            } finally {
                consumer.close();
            }
        }

        long escalations() {
            return escalations.get();
        }

        void failure() {
            if (failure.get() != null) {
                throw failure.get();
            }
        }

        void stop() throws InterruptedException {
            stopping.set(true);
            thread.join(30_000);
            failure();
        }

        List<Seen> seen() {
            return seen;
        }

        @Override
        public void close() throws InterruptedException {
            if (!stopping.get()) {
                stop();
            }
        }

        private static boolean contains(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i <= haystack.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }

    // --- figures -------------------------------------------------------------------------------------------------

    private void analyse(List<Seen> seen, Instant burstSecond) {
        var from = burstSecond.toEpochMilli();
        var fired = new ArrayList<Long>();
        var visible = new ArrayList<Long>();
        var perClock = new HashMap<String, Integer>();
        long others = 0;
        long firstSeen = Long.MAX_VALUE;
        long lastSeen = Long.MIN_VALUE;
        for (var record : seen) {
            if (!(EventCodec.instance().decode(record.value()).data() instanceof WhistleEscalated event)
                    || event.kind() != WhistleEscalated.Kind.ESCALATION) {
                continue;
            }
            var due = event.dueAt().toEpochMilli();
            if (event.clock() != ClockKind.FILE || due < from || due >= from + 1000) {
                others++;
                continue;
            }
            if (perClock.merge(event.clockId(), 1, Integer::sum) > 1) {
                continue;
            }
            fired.add(event.firedAt().toEpochMilli() - due);
            visible.add(record.receivedMillis() - due);
            firstSeen = Math.min(firstSeen, record.receivedMillis());
            lastSeen = Math.max(lastSeen, record.receivedMillis());
        }
        figures.put("escalated", (long) perClock.size());
        figures.put(
                "repeated",
                perClock.values().stream().mapToLong(count -> count - 1).sum());
        figures.put("otherEscalations", others);
        figures.put("firedLateness", percentiles(fired));
        figures.put("visibleLateness", percentiles(visible));
        if (!visible.isEmpty()) {
            figures.put("firstSeenAfterBurst", firstSeen - from);
            figures.put("lastSeenAfterBurst", lastSeen - from);
        }
    }

    /** p50, p99 and max in milliseconds (nearest rank). */
    private static long[] percentiles(List<Long> values) {
        if (values.isEmpty()) {
            return new long[] {-1, -1, -1};
        }
        var sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return new long[] {rank(sorted, 0.50), rank(sorted, 0.99), sorted[sorted.length - 1]};
    }

    private static long rank(long[] sorted, double p) {
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** Memory of the benchmark JVM (the SLA app and its clients) and of the broker's JVM, and the stores on disk. */
    private record Memory(long heapAfterGc, long rss, long peakRss, long brokerRss) {

        static Memory now(long brokerPid) {
            var heap = Machine.heapUsedAfterGc();
            return new Memory(
                    heap, Machine.rss("self"), Machine.peakRss("self"), Machine.rss(Long.toString(brokerPid)));
        }

        String row(String when) {
            return "| %s | %s | %s | %s | %s |"
                    .formatted(when, mib(heapAfterGc), mib(rss), mib(peakRss), mib(brokerRss));
        }
    }

    // --- the report ---------------------------------------------------------------------------------------------

    private void write() throws IOException {
        var section = section();
        System.out.println(section);
        var existing = Files.exists(report) ? Files.readString(report) : "";
        String text;
        if (existing.contains(BEGIN) && existing.contains(END)) {
            text = existing.substring(0, existing.indexOf(BEGIN))
                    + section
                    + existing.substring(existing.indexOf(END) + END.length());
        } else if (!existing.isBlank()) {
            text = existing.stripTrailing() + "\n\n" + section + "\n";
        } else {
            text = "# Performance\n\nMeasured figures, each with the command that produced them. They hold for the"
                    + " machine named beside them and are no promise for another.\n\n" + section + "\n";
        }
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, text);
        progress("wrote %s", report.toAbsolutePath().normalize());
    }

    private String section() {
        long[] firedLate = (long[]) figures.get("firedLateness");
        long[] visibleLate = (long[]) figures.get("visibleLateness");
        var memoryFar = (Memory) figures.get("memoryFar");
        var memoryLoaded = (Memory) figures.get("memoryLoaded");
        var memoryAfter = (Memory) figures.get("memoryAfterBurst");
        var lines = new ArrayList<String>();
        lines.add(BEGIN);
        lines.add("<!-- Written by SlaClockBenchmark (system-tests/src/bench); edit the text around it, not this. -->");
        lines.add("");
        lines.add("## SLA clocks: %,d live, %,d due in the same second".formatted(clocks, burst));
        lines.add("");
        lines.add("`%s` — run %s, %d s in all."
                .formatted(
                        COMMAND, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), Math.round((double)
                                figures.get("totalSeconds"))));
        lines.add("");
        lines.add("Machine: %d cores (`availableProcessors`), %s, %s RAM; JDK %s (%s), benchmark JVM `%s`, G1."
                .formatted(
                        Machine.cores(),
                        Machine.cpuModel(),
                        gib(Machine.memory()),
                        System.getProperty("java.version"),
                        System.getProperty("java.vm.name"),
                        String.join(
                                " ",
                                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                                        .filter(argument -> argument.startsWith("-Xm"))
                                        .toList())));
        lines.add("");
        lines.add(
                "The SLA topology as the service builds it (`ClockTopology`, `SlaStreams.config`: exactly-once v2, two"
                        + " stream threads, cached RocksDB stores with changelogs and bounded memory (`BoundedRocksDbMemory`,"
                        + " 64 MiB), 250 ms wall-clock punctuation firing at most 2,000 due entries per task before a"
                        + " commit (ADR 0031), time scale 1), without"
                        + " Spring and without org data (§5 defaults), in the benchmark's JVM; a real KRaft broker in a JVM of"
                        + " its own on the same machine; all 12 partitions of each lifecycle topic. One run; p50 is the"
                        + " median.");
        lines.add("");
        lines.add("| escalation lateness of the burst (ms after `dueAt`) | p50 | p99 | max |");
        lines.add("|---|---:|---:|---:|");
        lines.add("| `firedAt` in the event (the punctuation's instant) | %d | %d | %d |"
                .formatted(firedLate[0], firedLate[1], firedLate[2]));
        lines.add("| seen on `whistle-escalated` by a read_committed consumer | %d | %d | %d |"
                .formatted(visibleLate[0], visibleLate[1], visibleLate[2]));
        lines.add("");
        lines.add(("The %,d burst clocks fell due within [B, B + 1 s) with B = %s; the first of their escalations was"
                        + " seen %s ms and the last %s ms after B. %,d escalations of the burst, %d published twice,"
                        + " %d escalations of other clocks; %,d clocks still running after the burst.")
                .formatted(
                        burst,
                        figures.get("burstSecond"),
                        figures.getOrDefault("firstSeenAfterBurst", "—"),
                        figures.getOrDefault("lastSeenAfterBurst", "—"),
                        figures.get("escalated"),
                        figures.get("repeated"),
                        figures.get("otherEscalations"),
                        figures.get("runningAfterBurst")));
        lines.add("");
        lines.add("| loading | clocks | seconds | clocks/s |");
        lines.add("|---|---:|---:|---:|");
        lines.add("| produce the far clocks' `whistle-raised` (idempotent, acks=all, lz4) | %,d | %.1f | %,.0f |"
                .formatted(
                        clocks - burst,
                        figures.get("produceFarSeconds"),
                        (clocks - burst) / (double) figures.get("produceFarSeconds")));
        lines.add("| the app loads them from the backlog (start-up included) | %,d | %.1f | %,.0f |"
                .formatted(clocks - burst, figures.get("loadFarSeconds"), figures.get("loadFarRate")));
        lines.add("| the burst's clocks, produced and loaded while the app runs | %,d | %.1f | %,.0f |"
                .formatted(burst, figures.get("loadBurstSeconds"), burst / (double) figures.get("loadBurstSeconds")));
        lines.add("");
        lines.add(("All %,d clocks were live %,d ms before B. The burst's clocks start 30 min before their due time,"
                        + " so their 80 %% warning point is behind them when they load: %,d warnings had been published"
                        + " when they were all live, %,d by B, %,d in the whole run.")
                .formatted(
                        clocks,
                        (long) figures.get("loadedBeforeBurstMillis"),
                        (long) figures.get("warningsWhileLoading"),
                        (long) figures.getOrDefault("warningsBeforeBurst", -1L),
                        (long) figures.get("warnings")));
        lines.add("");
        lines.add("| memory | heap after full GC | RSS | peak RSS | broker JVM RSS |");
        lines.add("|---|---:|---:|---:|---:|");
        lines.add(memoryFar.row("%,d clocks loaded".formatted(clocks - burst)));
        if (memoryLoaded != null) {
            lines.add(memoryLoaded.row("%,d clocks loaded, before the burst".formatted(clocks)));
        }
        lines.add(memoryAfter.row("after the burst"));
        lines.add("");
        lines.add("RSS is the benchmark JVM's (`/proc/self/status`): the SLA app with RocksDB's native memory, plus"
                + " the load generator's producer and the escalation consumer.");
        lines.add("");
        lines.add(("On disk once the app stopped: the state directory (RocksDB, 12 tasks × three stores) %s; the"
                        + " broker's log directory (the lifecycle topics, changelogs, `whistle-escalated`) %s.")
                .formatted(mib((long) figures.get("stateOnDisk")), mib((long) figures.get("brokerOnDisk"))));
        lines.add(END);
        return String.join("\n", lines);
    }

    private static String mib(long bytes) {
        return "%,d MiB".formatted(Math.round(bytes / 1024.0 / 1024.0));
    }

    private static String gib(long bytes) {
        return "%.0f GiB".formatted(bytes / 1024.0 / 1024.0 / 1024.0);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void progress(String format, Object... arguments) {
        System.out.printf("[sla-bench %s] %s%n", java.time.LocalTime.now().withNano(0), format.formatted(arguments));
    }

    private static void clean(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
