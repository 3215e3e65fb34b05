package org.whistle.systemtests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The limits of the machine's own infrastructure, in the same run and on the same PostgreSQL and broker the platform
 * uses: pgbench's built-in simple-update script, and one Kafka producer with the platform's delivery settings
 * ({@code acks=all}, idempotent). Measured with the services stopped, so nothing else competes.
 */
@Order(3)
class LimitsBenchmark {

    static final String SECTION = "limits-bench";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final int SCALE = 10;
    private static final String TOPIC = "bench-producer";

    private final Duration pgbenchRun = Bench.duration("bench.pgbench.duration", "10s", "3s");
    private final Duration producerRun = Bench.duration("bench.producer.duration", "5s", "2s");
    private final List<String> lines = new ArrayList<>();

    @Test
    void pgbenchAndAKafkaProducerOnTheSameInfrastructure() throws Exception {
        if (!Bench.enabled("limits")) {
            return;
        }
        var platform = Bench.infrastructure();
        Bench.stopServices();
        lines.add("## The limits: PostgreSQL and Kafka on their own");
        lines.add("");
        lines.add(Report.provenance());
        lines.add("");
        pgbench(platform);
        kafka(platform);
        Report.write(Bench.performanceReport(), "Performance", SECTION, String.join("\n", lines));
        assertThat(Bench.FIGURES).containsKeys("pgbench.tps", "kafka.recordsPerSecond");
    }

    // --- pgbench -------------------------------------------------------------------------------------------------

    private void pgbench(Platform platform) throws Exception {
        platform.ensureDatabase("pgbench");
        var binary = pgbenchBinary();
        String how;
        var perClients = new ArrayList<double[]>();
        double tps;
        int best;
        if (binary.isPresent()) {
            var version =
                    run(List.of(binary.get().toString(), "--version"), platform).strip();
            how = "`%s` (%s), `-i -s %d`, then `-b simple-update -j 2 -c N -T %d`"
                    .formatted(binary.get(), version, SCALE, pgbenchRun.toSeconds());
            run(
                    List.of(
                            binary.get().toString(),
                            "-i",
                            "-q",
                            "-s",
                            Integer.toString(SCALE),
                            "-h",
                            "localhost",
                            "-p",
                            Integer.toString(platform.postgres().port()),
                            "-U",
                            Platform.USER,
                            "pgbench"),
                    platform);
            for (int clients : List.of(1, 4, 16)) {
                perClients.add(new double[] {clients, pgbenchRun(binary.get(), platform, clients)});
            }
            best = (int) perClients.stream()
                    .max(Comparator.comparingDouble(r -> r[1]))
                    .orElseThrow()[0];
            var runs = new double[3];
            for (int i = 0; i < runs.length; i++) {
                runs[i] = pgbenchRun(binary.get(), platform, best);
            }
            tps = Stats.median(runs);
            Bench.progress("pgbench simple-update, %d clients: %s TPS (median of 3)", best, Report.number(tps));
            var jdbc = jdbcSimpleUpdate(platform, best, pgbenchRun);
            Bench.FIGURES.put("pgbench.jdbc", jdbc);
            lines.add(("**pgbench simple-update**: %s; scale %d (%,d accounts) in database `pgbench` of the platform's"
                            + " PostgreSQL (durable: fsync, synchronous commit and full-page writes on). TPS by"
                            + " clients: %s; at %d clients, three runs: %s → median **%s TPS**. The same script over"
                            + " JDBC (`LimitsBenchmark.jdbcSimpleUpdate`, for comparison): %s TPS at %d clients.")
                    .formatted(
                            how,
                            SCALE,
                            SCALE * 100_000,
                            String.join(
                                    ", ",
                                    perClients.stream()
                                            .map(r -> "%d → %s".formatted((int) r[0], Report.number(r[1])))
                                            .toList()),
                            best,
                            String.join(
                                    ", ",
                                    Stream.of(runs[0], runs[1], runs[2])
                                            .map(Report::number)
                                            .toList()),
                            Report.number(tps),
                            Report.number(jdbc),
                            best));
        } else {
            Bench.progress("pgbench not found (Debian: apt-get install postgresql-contrib); running its"
                    + " simple-update script over JDBC instead");
            jdbcInit(platform);
            for (int clients : List.of(1, 4, 16)) {
                perClients.add(new double[] {clients, jdbcSimpleUpdate(platform, clients, pgbenchRun)});
            }
            best = (int) perClients.stream()
                    .max(Comparator.comparingDouble(r -> r[1]))
                    .orElseThrow()[0];
            var runs = new double[3];
            for (int i = 0; i < runs.length; i++) {
                runs[i] = jdbcSimpleUpdate(platform, best, pgbenchRun);
            }
            tps = Stats.median(runs);
            lines.add(("**pgbench simple-update**: no `pgbench` on this machine (Debian: `apt-get install"
                            + " postgresql-contrib`), so its built-in simple-update script ran over JDBC instead"
                            + " (`LimitsBenchmark.jdbcSimpleUpdate`: pgbench's tables at scale %d, the same random"
                            + " values, one connection and transaction per client loop). TPS by clients: %s; at %d"
                            + " clients, median of three runs **%s TPS**.")
                    .formatted(
                            SCALE,
                            String.join(
                                    ", ",
                                    perClients.stream()
                                            .map(r -> "%d → %s".formatted((int) r[0], Report.number(r[1])))
                                            .toList()),
                            best,
                            Report.number(tps)));
        }
        Bench.FIGURES.put("pgbench.tps", tps);
        Bench.FIGURES.put("pgbench.clients", best);
        lines.add("");
    }

    private static Optional<Path> pgbenchBinary() {
        var candidates = new ArrayList<Path>();
        for (var dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            candidates.add(Path.of(dir, "pgbench"));
        }
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.sorted(Comparator.reverseOrder()).forEach(v -> candidates.add(v.resolve("bin/pgbench")));
        } catch (IOException e) {
            // No Debian PostgreSQL packages.
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    private double pgbenchRun(Path binary, Platform platform, int clients) throws Exception {
        var output = run(
                List.of(
                        binary.toString(),
                        "-b",
                        "simple-update",
                        "-j",
                        "2",
                        "-c",
                        Integer.toString(clients),
                        "-T",
                        Long.toString(pgbenchRun.toSeconds()),
                        "-h",
                        "localhost",
                        "-p",
                        Integer.toString(platform.postgres().port()),
                        "-U",
                        Platform.USER,
                        "pgbench"),
                platform);
        var tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("no TPS in pgbench's output:\n" + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    private static String run(List<String> command, Platform platform) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true);
        process.environment().put("PGPASSWORD", Platform.PASSWORD);
        var started = process.start();
        var output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (started.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    /** pgbench's tables at {@link #SCALE}, as {@code pgbench -i} makes them. */
    private static void jdbcInit(Platform platform) throws SQLException {
        try (var c = platform.connect("pgbench");
                var s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS pgbench_accounts, pgbench_branches, pgbench_tellers, pgbench_history");
            s.execute("CREATE TABLE pgbench_history (tid int, bid int, aid int, delta int, mtime timestamp,"
                    + " filler char(22))");
            s.execute("CREATE TABLE pgbench_tellers (tid int not null, bid int, tbalance int, filler char(84))"
                    + " WITH (fillfactor=100)");
            s.execute("CREATE TABLE pgbench_accounts (aid int not null, bid int, abalance int, filler char(84))"
                    + " WITH (fillfactor=100)");
            s.execute("CREATE TABLE pgbench_branches (bid int not null, bbalance int, filler char(88))"
                    + " WITH (fillfactor=100)");
            s.execute("INSERT INTO pgbench_branches (bid, bbalance) SELECT b, 0 FROM generate_series(1, " + SCALE
                    + ") b");
            s.execute("INSERT INTO pgbench_tellers (tid, bid, tbalance) SELECT t, (t - 1) / 10 + 1, 0 FROM"
                    + " generate_series(1, " + 10 * SCALE + ") t");
            s.execute("INSERT INTO pgbench_accounts (aid, bid, abalance, filler) SELECT a, (a - 1) / 100000 + 1, 0, ''"
                    + " FROM generate_series(1, " + 100_000 * SCALE + ") a");
            s.execute("ALTER TABLE pgbench_branches ADD PRIMARY KEY (bid)");
            s.execute("ALTER TABLE pgbench_tellers ADD PRIMARY KEY (tid)");
            s.execute("ALTER TABLE pgbench_accounts ADD PRIMARY KEY (aid)");
            s.execute("VACUUM ANALYZE pgbench_branches, pgbench_tellers, pgbench_accounts, pgbench_history");
        }
    }

    /**
     * pgbench's built-in simple-update script, one transaction per loop and one connection per client:
     *
     * <pre>
     * \set aid random(1, 100000 * :scale)   \set bid random(1, 1 * :scale)
     * \set tid random(1, 10 * :scale)       \set delta random(-5000, 5000)
     * BEGIN;
     * UPDATE pgbench_accounts SET abalance = abalance + :delta WHERE aid = :aid;
     * SELECT abalance FROM pgbench_accounts WHERE aid = :aid;
     * INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (:tid, :bid, :aid, :delta, CURRENT_TIMESTAMP);
     * END;
     * </pre>
     *
     * @return transactions per second
     */
    static double jdbcSimpleUpdate(Platform platform, int clients, Duration duration) throws Exception {
        var stop = new AtomicBoolean();
        var done = new AtomicLong();
        var failure = new AtomicReference<Exception>();
        var threads = new ArrayList<Thread>();
        var connections = new ArrayList<Connection>();
        for (int i = 0; i < clients; i++) {
            connections.add(platform.connect("pgbench"));
        }
        long started = System.nanoTime();
        for (var connection : connections) {
            threads.add(Thread.ofPlatform().start(() -> {
                var random = ThreadLocalRandom.current();
                try (connection;
                        var update = connection.prepareStatement(
                                "UPDATE pgbench_accounts SET abalance = abalance + ? WHERE aid = ?");
                        var select =
                                connection.prepareStatement("SELECT abalance FROM pgbench_accounts WHERE aid = ?");
                        var insert = connection.prepareStatement("INSERT INTO pgbench_history (tid, bid, aid, delta,"
                                + " mtime) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
                    connection.setAutoCommit(false);
                    while (!stop.get()) {
                        int aid = random.nextInt(1, 100_000 * SCALE + 1);
                        int bid = random.nextInt(1, SCALE + 1);
                        int tid = random.nextInt(1, 10 * SCALE + 1);
                        int delta = random.nextInt(-5000, 5001);
                        update.setInt(1, delta);
                        update.setInt(2, aid);
                        update.executeUpdate();
                        select.setInt(1, aid);
                        try (var rows = select.executeQuery()) {
                            rows.next();
                        }
                        insert.setInt(1, tid);
                        insert.setInt(2, bid);
                        insert.setInt(3, aid);
                        insert.setInt(4, delta);
                        insert.executeUpdate();
                        connection.commit();
                        done.incrementAndGet();
                    }
                } catch (SQLException e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        Thread.sleep(duration);
        stop.set(true);
        long count = done.get();
        double seconds = (System.nanoTime() - started) / 1e9;
        for (var thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return count / seconds;
    }

    // --- Kafka ---------------------------------------------------------------------------------------------------

    private void kafka(Platform platform) throws Exception {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 12, (short) 1)))
                    .all()
                    .get();
        }
        var value = new byte[1024];
        ThreadLocalRandom.current().nextBytes(value);
        var config = Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.kafka(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                5);
        var runs = new double[3];
        double awaited;
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            produceFor(producer, value, Duration.ofSeconds(2), false);
            for (int i = 0; i < runs.length; i++) {
                runs[i] = produceFor(producer, value, producerRun, false);
            }
        }
        var unlingered = new java.util.HashMap<>(config);
        unlingered.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        try (var producer = new KafkaProducer<>(unlingered, new StringSerializer(), new ByteArraySerializer())) {
            awaited = produceFor(producer, value, producerRun, true);
        }
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka()))) {
            admin.deleteTopics(List.of(TOPIC)).all().get();
        }
        double rate = Stats.median(runs);
        Bench.FIGURES.put("kafka.recordsPerSecond", rate);
        Bench.FIGURES.put("kafka.awaitedPerSecond", awaited);
        Bench.progress(
                "Kafka producer: %s records/s (median of 3), %s/s awaiting each send",
                Report.number(rate), Report.number(awaited));
        lines.add(("**Kafka producer** on the platform's broker: one producer, `acks=all`, idempotent, `linger.ms=5`,"
                        + " 1 KiB random records with string keys over a 12-partition topic, %s per run after a 2 s"
                        + " warm-up: %s records/s → median **%s records/s** (%s MiB/s); awaiting each send"
                        + " (`send().get()`, `linger.ms=0`, as a caller that needs each acknowledgement before going on):"
                        + " %s records/s.")
                .formatted(
                        producerRun,
                        String.join(
                                ", ",
                                Stream.of(runs[0], runs[1], runs[2])
                                        .map(Report::number)
                                        .toList()),
                        Report.number(rate),
                        String.format(Locale.ROOT, "%.0f", rate * 1024 / 1024 / 1024),
                        Report.number(awaited)));
    }

    private static double produceFor(
            KafkaProducer<String, byte[]> producer, byte[] value, Duration duration, boolean awaitEach)
            throws Exception {
        var failure = new AtomicReference<Exception>();
        long count = 0;
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        while (System.nanoTime() < end && failure.get() == null) {
            var record = new ProducerRecord<>(TOPIC, Long.toString(count), value);
            if (awaitEach) {
                producer.send(record).get();
            } else {
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
            }
            count++;
        }
        producer.flush();
        if (failure.get() != null) {
            throw failure.get();
        }
        return count / ((System.nanoTime() - started) / 1e9);
    }
}
