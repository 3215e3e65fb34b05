package org.whistle.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.messaging.tracing.EventTracing;

/**
 * Publishes committed outbox rows to Kafka, lane by lane, in sequence order, through an idempotent producer.
 *
 * <p>A lane is published under a transaction-scoped advisory lock, so with several replicas each lane has one
 * publisher at a time and nobody waits: a replica that misses the lock moves on. Rows are marked published in the
 * same transaction after the broker acknowledged them; a crash between acknowledgement and commit publishes the
 * batch again on restart, which consumers absorb by event id. In steady state nothing is published twice.
 *
 * <p>A row the broker refuses for good ({@link PublicationFailurePolicy}: too large for the topic, invalid) is moved
 * to {@code messaging.outbox_parked} with the reason, counted in {@value #PARKED_METRIC}, and the lane goes on with
 * the next rows; retrying it would hold back every later event of an eighth of all keys for ever.
 * {@link ParkedEvents} lets an administrator re-drive or discard it.
 *
 * <p>A local commit wakes the relay for its lane, and the relay publishes that lane at once without reading which
 * lanes have pending rows; a sweep over every pending lane runs when no wake came for a poll interval, at least once
 * per poll interval however many wakes come, and after a failure, so rows of other replicas and lanes whose wake was
 * lost are still published within a poll interval (ADR 0030, addendum).
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** First key of the advisory lock pair ("WHIS"); the lane is the second. Locks are per database. */
    private static final int LOCK_CLASS = 0x57484953;

    /** Counts rows parked; {@code whistle_outbox_parked_total} in Prometheus. */
    public static final String PARKED_METRIC = "whistle.outbox.parked";

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ProducerFactory<Object, Object> producers;
    private final Settings settings;
    private final EventTracing tracing;
    private final Counter published;
    private final Counter failures;
    private final Counter parked;
    private final LinkedBlockingQueue<Integer> wakeups = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private @Nullable Thread worker;

    /**
     * How the relay polls, batches, retains and stops.
     *
     * @param stopGrace how long a stop lets a batch in flight finish before interrupting it; an interrupted batch
     *     stays pending and is published again after the restart
     */
    public record Settings(Duration pollInterval, int batchSize, Duration publishedRetention, Duration stopGrace) {}

    public OutboxRelay(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            ProducerFactory<Object, Object> producers,
            Settings settings,
            MeterRegistry meters) {
        this(jdbc, transactions, producers, settings, meters, EventTracing.NONE);
    }

    /** @param tracing the publish span of each record continues the trace stored with its row (ADR 0048) */
    public OutboxRelay(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            ProducerFactory<Object, Object> producers,
            Settings settings,
            MeterRegistry meters,
            EventTracing tracing) {
        this.jdbc = jdbc;
        this.tracing = tracing;
        this.transactions = transactions;
        this.producers = producers;
        this.settings = settings;
        this.published = Counter.builder("whistle.outbox.published")
                .description("Events the outbox relay published to Kafka")
                .register(meters);
        this.failures = Counter.builder("whistle.outbox.publish.failures")
                .description("Relay batches that failed and will be retried")
                .register(meters);
        this.parked = Counter.builder(PARKED_METRIC)
                .description("Events the broker refused for good, moved aside for an administrator")
                .register(meters);
    }

    /** Asks the relay to publish this lane now rather than at its next sweep. */
    public void wake(int lane) {
        wakeups.offer(lane);
    }

    /**
     * Publishes at most one batch from every lane that has pending rows and whose lock this relay gets: the sweep that
     * finds rows committed by other replicas, or whose wake was lost.
     *
     * @return how many events were published
     */
    public int relayOnce() {
        return succeededOrThrow(relay(lanesWithPendingRows()));
    }

    private List<Integer> lanesWithPendingRows() {
        return jdbc.sql("SELECT DISTINCT lane FROM messaging.outbox_event WHERE published_at IS NULL")
                .query(Integer.class)
                .list();
    }

    private Round relay(Collection<Integer> lanes) {
        int total = 0;
        String retryError = null;
        var unfinished = new TreeSet<Integer>();
        for (int lane : lanes) {
            var outcome = transactions.execute(status -> relayLane(lane));
            if (outcome == null) {
                continue;
            }
            total += outcome.published();
            if (outcome.full()) {
                unfinished.add(lane);
            }
            if (outcome.retryError() != null && retryError == null) {
                retryError = outcome.retryError();
            }
        }
        return new Round(total, unfinished, retryError);
    }

    private static int succeededOrThrow(Round round) {
        if (round.retryError() != null) {
            // What was acknowledged or parked is committed; the rows that failed for the moment stay pending.
            throw new OutboxPublicationException(
                    "Kafka did not acknowledge every outbox row (" + round.published() + " published): "
                            + round.retryError(),
                    null);
        }
        return round.published();
    }

    /** Deletes rows published longer ago than the retention; they are in Kafka and no longer needed here. */
    public int purgePublished() {
        return jdbc.sql("""
                        DELETE FROM messaging.outbox_event WHERE seq IN (
                            SELECT seq FROM messaging.outbox_event
                            WHERE published_at < now() - make_interval(secs => :retention)
                            LIMIT 10000)
                        """)
                .param("retention", settings.publishedRetention().toSeconds())
                .update();
    }

    private LaneOutcome relayLane(int lane) {
        Boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(:lockClass, :lane)")
                .param("lockClass", LOCK_CLASS)
                .param("lane", lane)
                .query(Boolean.class)
                .single();
        if (!Boolean.TRUE.equals(locked)) {
            return LaneOutcome.NOTHING;
        }
        var batch = jdbc.sql("""
                        SELECT seq, event_id, topic, record_key, payload::text AS payload, headers::text AS headers
                        FROM messaging.outbox_event
                        WHERE lane = :lane AND published_at IS NULL
                        ORDER BY seq
                        LIMIT :limit
                        """)
                .param("lane", lane)
                .param("limit", settings.batchSize())
                .query((rs, row) -> new Pending(
                        rs.getLong("seq"),
                        rs.getObject("event_id", java.util.UUID.class),
                        rs.getString("topic"),
                        rs.getString("record_key"),
                        rs.getString("payload"),
                        rs.getString("headers")))
                .list();
        if (batch.isEmpty()) {
            return LaneOutcome.NOTHING;
        }
        var sent = send(batch);
        var acknowledged = new ArrayList<Long>();
        String retryError = null;
        int parkedRows = 0;
        for (var result : sent) {
            if (result.failure() == null) {
                acknowledged.add(result.row().seq());
                continue;
            }
            switch (PublicationFailurePolicy.decide(result.failure())) {
                case PublicationFailurePolicy.Decision.Park park -> {
                    park(result.row(), park);
                    parkedRows++;
                }
                case PublicationFailurePolicy.Decision.Retry retry -> {
                    if (retryError == null) {
                        retryError = retry.error();
                    }
                }
            }
        }
        // Rows the broker acknowledged are marked even when others failed: sending them again would double them.
        if (!acknowledged.isEmpty()) {
            jdbc.sql("UPDATE messaging.outbox_event SET published_at = now() WHERE seq IN (:seqs)")
                    .param("seqs", acknowledged)
                    .update();
            published.increment(acknowledged.size());
        }
        if (parkedRows > 0 || retryError != null) {
            // The idempotent producer may be unusable after a failed sequence; the next batch starts a fresh one.
            producers.reset();
        }
        return new LaneOutcome(acknowledged.size(), batch.size() == settings.batchSize(), retryError);
    }

    /** Moves a row the broker will never take out of its lane, with why; an administrator decides what becomes of it. */
    private void park(Pending row, PublicationFailurePolicy.Decision.Park decision) {
        jdbc.sql("""
                        INSERT INTO messaging.outbox_parked
                            (outbox_seq, event_id, topic, record_key, lane, payload, headers, created_at, reason, error)
                        SELECT seq, event_id, topic, record_key, lane, payload, headers, created_at, :reason, :error
                        FROM messaging.outbox_event WHERE seq = :seq
                        """)
                .param("seq", row.seq())
                .param("reason", decision.reason())
                .param("error", decision.error())
                .update();
        jdbc.sql("DELETE FROM messaging.outbox_event WHERE seq = :seq")
                .param("seq", row.seq())
                .update();
        parked.increment();
        // Never the payload: it may carry what only the service's own pages may show.
        log.error(
                "Outbox relay parked event {} for {} (key {}): {} — {}. The rest of its lane goes on; an administrator"
                        + " re-drives or discards it at /admin/outbox/parked",
                row.eventId(),
                row.topic(),
                row.key(),
                decision.reason(),
                decision.error());
    }

    /** Sends a batch and waits for every acknowledgement; each row's outcome, in the batch's order. */
    private List<Sent> send(List<Pending> batch) {
        Producer<Object, Object> producer = producers.createProducer();
        var acks = new ArrayList<Future<RecordMetadata>>(batch.size());
        for (Pending pending : batch) {
            var stored = HeadersColumn.read(pending.headers());
            var record = pending.toRecord(stored);
            var span = tracing.publishing(pending.topic(), stored, record.headers());
            try {
                acks.add(producer.send(record, (metadata, failure) -> {
                    if (failure != null) {
                        span.error(failure);
                    }
                    span.end();
                }));
            } catch (KafkaException e) {
                span.error(e);
                span.end();
                acks.add(CompletableFuture.failedFuture(e));
            }
        }
        producer.flush();
        var outcomes = new ArrayList<Sent>(batch.size());
        long deadline = System.nanoTime() + SEND_TIMEOUT.toNanos();
        for (int i = 0; i < batch.size(); i++) {
            Throwable failure = null;
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OutboxPublicationException("interrupted while awaiting acknowledgements", e);
            } catch (ExecutionException e) {
                failure = e.getCause() == null ? e : e.getCause();
            } catch (TimeoutException e) {
                failure = e;
            }
            outcomes.add(new Sent(batch.get(i), failure));
        }
        return outcomes;
    }

    /**
     * Relays the lanes it was woken for, and the lanes whose last batch was full, straight away; sweeps every lane with
     * pending rows when no wake came for a poll interval, at least once per poll interval under a stream of wakes, and
     * after a failure (the failed lane's wake is spent).
     */
    private void loop() {
        int consecutiveFailures = 0;
        long lastPurge = System.nanoTime();
        long lastSweep = System.nanoTime() - settings.pollInterval().toNanos();
        boolean sweepNext = true;
        var due = new TreeSet<Integer>();
        while (running) {
            boolean sweep = sweepNext
                    || System.nanoTime() - lastSweep >= settings.pollInterval().toNanos();
            try {
                Round round;
                if (sweep) {
                    lastSweep = System.nanoTime();
                    round = relay(lanesWithPendingRows());
                } else {
                    round = relay(due);
                }
                due.clear();
                due.addAll(round.unfinished());
                sweepNext = false;
                succeededOrThrow(round);
                consecutiveFailures = 0;
                if (System.nanoTime() - lastPurge > Duration.ofHours(1).toNanos()) {
                    purgePublished();
                    lastPurge = System.nanoTime();
                }
            } catch (RuntimeException e) {
                failures.increment();
                consecutiveFailures++;
                log.warn(
                        "Outbox relay failed ({} in a row); the rows stay pending and will be retried",
                        consecutiveFailures,
                        e);
                due.clear();
                sweepNext = true;
            }
            if (due.isEmpty() && running) {
                sweepNext |= !awaitWork(backoff(consecutiveFailures), due);
            }
        }
    }

    private Duration backoff(int consecutiveFailures) {
        if (consecutiveFailures == 0) {
            return settings.pollInterval();
        }
        long factor = 1L << Math.min(consecutiveFailures, 10);
        var delay = settings.pollInterval().multipliedBy(factor);
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    /**
     * Waits for a wake and collects the lanes of every wake that came meanwhile.
     *
     * @return false when the timeout passed without a wake, so the next round sweeps every lane
     */
    private boolean awaitWork(Duration timeout, Set<Integer> due) {
        try {
            var first = wakeups.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (first == null) {
                return false;
            }
            var woken = new ArrayList<Integer>();
            woken.add(first);
            wakeups.drainTo(woken);
            woken.stream().filter(lane -> lane >= 0).forEach(due::add);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return true;
        }
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    /**
     * Stops promptly even when the database or the broker is gone: a batch in flight gets {@code stopGrace} to
     * finish, then is interrupted (waits for a connection or an acknowledgement give up); a thread still stuck in
     * blocking I/O after that is left to end with the JVM rather than hold up the service's shutdown.
     */
    @Override
    public void stop() {
        running = false;
        var thread = worker;
        if (thread == null) {
            return;
        }
        wakeups.offer(-1);
        try {
            if (!thread.join(settings.stopGrace())) {
                thread.interrupt();
                if (!thread.join(settings.stopGrace())) {
                    log.warn(
                            "Outbox relay still busy {} after being interrupted; its batch stays pending and is"
                                    + " published again after the restart",
                            settings.stopGrace());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (no new writes) and before the connection pool and producer close. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    /** @param full the batch took as many rows as allowed, so the lane may hold more */
    private record LaneOutcome(
            int published, boolean full, @Nullable String retryError) {
        static final LaneOutcome NOTHING = new LaneOutcome(0, false, null);
    }

    /** @param unfinished lanes whose batch was full: relayed again at once, without waiting for a wake */
    private record Round(
            int published,
            Set<Integer> unfinished,
            @Nullable String retryError) {}

    private record Sent(Pending row, @Nullable Throwable failure) {}

    private record Pending(long seq, java.util.UUID eventId, String topic, String key, String payload, String headers) {

        ProducerRecord<Object, Object> toRecord(java.util.Map<String, String> stored) {
            var record = new ProducerRecord<Object, Object>(topic, key, payload.getBytes(StandardCharsets.UTF_8));
            stored.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            return record;
        }
    }
}
