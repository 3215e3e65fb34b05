package org.whistle.dispatch.anchoring;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.dispatch.ticket.DispatchProperties;
import org.whistle.events.EventEnvelope;
import org.whistle.events.TicketId;
import org.whistle.events.TimelineCheckpoint;
import org.whistle.events.TraceIds;
import org.whistle.events.WhistleId;
import org.whistle.messaging.outbox.Outbox;

/**
 * Makes the signed checkpoints (ADR 0016): every {@code interval}, the heads of the timelines changed since the last
 * checkpoint — at most {@code maxHeadsPerCheckpoint} per checkpoint, {@code maxCheckpointsPerRun} checkpoints per run
 * — go into a numbered checkpoint chained to the one before, with their Merkle root, signed, into the outbox in the
 * transaction that clears them. Work is bounded by what changed; an idle run is one index probe of an empty table and
 * publishes nothing. One replica checkpoints at a time (a transaction-scoped advisory lock).
 */
@Component
public class CheckpointingTimelines {

    static final String PRODUCER = "dispatch-service";
    private static final Logger log = LoggerFactory.getLogger(CheckpointingTimelines.class);
    private static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final AnchorKeys keys;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final DispatchProperties.Anchors settings;

    CheckpointingTimelines(
            JdbcClient jdbc,
            Outbox outbox,
            AnchorKeys keys,
            PlatformTransactionManager transactionManager,
            Clock clock,
            DispatchProperties properties) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.keys = keys;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.settings = properties.anchors();
    }

    @Scheduled(
            fixedDelayString = "${whistle.dispatch.anchors.interval:60s}",
            initialDelayString = "${whistle.dispatch.anchors.interval:60s}")
    void onSchedule() {
        try {
            for (int run = 0; run < settings.maxCheckpointsPerRun(); run++) {
                var made = checkpoint();
                if (made.isEmpty() || made.get().heads().size() < settings.maxHeadsPerCheckpoint()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            // The heads stay pending; the next run takes them.
            log.warn("timeline checkpoint failed, heads stay pending: {}", e.toString());
        }
    }

    /** Checkpoints the pending heads (up to the per-checkpoint maximum); empty when none are pending. */
    public Optional<TimelineCheckpoint> checkpoint() {
        return transactions.execute(status -> {
            boolean mine = Boolean.TRUE.equals(
                    jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext('dispatch.timeline-checkpoint'))")
                            .query(Boolean.class)
                            .single());
            if (!mine) {
                return Optional.empty();
            }
            var heads = new ArrayList<>(jdbc.sql("""
                            SELECT ticket_id, whistle_id, sequence, hash FROM timeline_head_pending
                            ORDER BY ticket_id LIMIT :limit FOR UPDATE
                            """)
                    .param("limit", settings.maxHeadsPerCheckpoint())
                    .query((rs, n) -> new TimelineCheckpoint.Head(
                            new TicketId(rs.getObject("ticket_id", UUID.class)),
                            new WhistleId(rs.getObject("whistle_id", UUID.class)),
                            rs.getLong("sequence"),
                            rs.getString("hash")))
                    .list());
            if (heads.isEmpty()) {
                return Optional.<TimelineCheckpoint>empty();
            }
            record Last(long number, String digest) {}
            var last = jdbc.sql("SELECT number, digest FROM timeline_checkpoint ORDER BY number DESC LIMIT 1")
                    .query((rs, n) -> new Last(rs.getLong("number"), rs.getString("digest")))
                    .optional()
                    .orElse(new Last(0, GENESIS));
            var at = clock.instant();
            var root = TimelineCheckpoint.merkleRootOf(heads);
            var unsigned = new TimelineCheckpoint(
                    PRODUCER, last.number() + 1, last.digest(), at, heads, root, keys.keyId(), "-");
            var checkpoint = new TimelineCheckpoint(
                    PRODUCER,
                    unsigned.number(),
                    unsigned.previousDigest(),
                    at,
                    heads,
                    root,
                    keys.keyId(),
                    keys.sign(unsigned.signedText()));
            outbox.append(EventEnvelope.wrap(checkpoint, checkpoint.number(), PRODUCER, TraceIds.newTraceId(), clock));
            jdbc.sql("""
                            INSERT INTO timeline_checkpoint (number, digest, merkle_root, heads, made_at)
                            VALUES (:number, :digest, :root, :heads, :at)
                            """)
                    .param("number", checkpoint.number())
                    .param("digest", checkpoint.digest())
                    .param("root", root)
                    .param("heads", heads.size())
                    .param("at", java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
                    .update();
            for (var head : heads) {
                jdbc.sql("DELETE FROM timeline_head_pending WHERE ticket_id = :id AND sequence = :sequence")
                        .param("id", head.ticketId().value())
                        .param("sequence", head.sequence())
                        .update();
            }
            return Optional.of(checkpoint);
        });
    }
}
