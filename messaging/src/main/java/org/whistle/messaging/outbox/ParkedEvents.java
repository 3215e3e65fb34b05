package org.whistle.messaging.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an administrator does with the rows the relay parked: look at them, put one back into the outbox once what
 * refused it is fixed (a topic's {@code max.message.bytes} raised), or discard it with a reason. Either decision is
 * recorded on the parked row (who, when, why) and in the log; the row itself is kept as the audit trail.
 *
 * <p>A re-driven row goes back with its own event id, to the end of its lane: consumers that handle events
 * idempotently by id take it once, and it is published once because the relay deleted it from the outbox when it
 * parked it.
 */
public class ParkedEvents {

    private static final Logger audit = LoggerFactory.getLogger("org.whistle.messaging.audit");

    /** The longest discard reason kept; a person's note, not a document. */
    public static final int MAX_REASON_LENGTH = 2_000;

    private static final int MAX_LISTED = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final IntConsumer wakeLane;

    /** @param wakeLane told which lane received a re-driven row, so a local relay publishes it at once */
    public ParkedEvents(JdbcClient jdbc, TransactionTemplate transactions, IntConsumer wakeLane) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.wakeLane = wakeLane;
    }

    /** What became of a parked row. */
    public enum Resolution {
        /** Put back into the outbox and published from there. */
        REDRIVEN,
        /** Given up on, with a reason. */
        DISCARDED
    }

    /** Who decided, as the token named them. */
    public record Administrator(String subject, @Nullable String name) {}

    /**
     * A parked row; {@code payload} is the event as it would have been published.
     *
     * @param sizeBytes the payload's size in UTF-8, what the broker weighed
     */
    public record ParkedEvent(
            long id,
            UUID eventId,
            String topic,
            String key,
            int lane,
            Instant createdAt,
            Instant parkedAt,
            String reason,
            String error,
            long sizeBytes,
            @Nullable Resolution resolution,
            @Nullable Instant resolvedAt,
            @Nullable String resolvedBy,
            @Nullable String resolvedByName,
            @Nullable String resolutionReason,
            String payload) {}

    /** The refusals of {@link #redrive} and {@link #discard}. */
    public sealed interface Refusal {
        record Unknown(long id) implements Refusal {}

        record AlreadyResolved(ParkedEvent event) implements Refusal {}
    }

    /** Thrown when a decision cannot be taken; says why. */
    public static final class RefusedException extends RuntimeException {
        private final Refusal refusal;

        public RefusedException(Refusal refusal) {
            super(refusal.toString());
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /** The rows waiting for a decision (or all, most recent first), at most {@value #MAX_LISTED}. */
    public List<ParkedEvent> list(boolean includeResolved) {
        return jdbc.sql(SELECT + (includeResolved ? "" : " WHERE resolution IS NULL")
                        + " ORDER BY parked_at DESC, id DESC LIMIT " + MAX_LISTED)
                .query(ParkedEvents::row)
                .list();
    }

    public Optional<ParkedEvent> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(ParkedEvents::row)
                .optional();
    }

    /** Puts the row back into the outbox, at the end of its lane. */
    public ParkedEvent redrive(long id, Administrator by) {
        var result = transactions.execute(status -> {
            var event = waiting(id);
            jdbc.sql("""
                            INSERT INTO messaging.outbox_event
                                (event_id, topic, record_key, lane, payload, headers, created_at)
                            SELECT event_id, topic, record_key, lane, payload, headers, created_at
                            FROM messaging.outbox_parked WHERE id = :id
                            """).param("id", id).update();
            resolve(id, Resolution.REDRIVEN, by, null);
            return event;
        });
        var event = java.util.Objects.requireNonNull(result);
        audit.info(
                "Parked outbox event {} ({}, {}) re-driven by {} ({})",
                event.eventId(),
                event.topic(),
                event.key(),
                by.subject(),
                by.name());
        wakeLane.accept(event.lane());
        return find(id).orElseThrow();
    }

    /** Gives up on the row; the reason is kept with it. */
    public ParkedEvent discard(long id, Administrator by, String reason) {
        var result = transactions.execute(status -> {
            var event = waiting(id);
            resolve(id, Resolution.DISCARDED, by, reason);
            return event;
        });
        var event = java.util.Objects.requireNonNull(result);
        audit.info(
                "Parked outbox event {} ({}, {}) discarded by {} ({}): {}",
                event.eventId(),
                event.topic(),
                event.key(),
                by.subject(),
                by.name(),
                reason);
        return find(id).orElseThrow();
    }

    /** Locks the row so two administrators cannot both re-drive it. */
    private ParkedEvent waiting(long id) {
        var event = jdbc.sql(SELECT + " WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(ParkedEvents::row)
                .optional()
                .orElseThrow(() -> new RefusedException(new Refusal.Unknown(id)));
        if (event.resolution() != null) {
            throw new RefusedException(new Refusal.AlreadyResolved(event));
        }
        return event;
    }

    private void resolve(long id, Resolution resolution, Administrator by, @Nullable String reason) {
        jdbc.sql("""
                        UPDATE messaging.outbox_parked
                        SET resolution = :resolution, resolved_at = now(), resolved_by = :by,
                            resolved_by_name = :name, resolution_reason = :reason
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("resolution", resolution.name())
                .param("by", by.subject())
                .param("name", by.name())
                .param("reason", reason)
                .update();
    }

    private static final String SELECT = """
            SELECT id, event_id, topic, record_key, lane, created_at, parked_at, reason, error,
                   octet_length(payload::text) AS size_bytes, resolution, resolved_at, resolved_by,
                   resolved_by_name, resolution_reason, payload::text AS payload
            FROM messaging.outbox_parked""";

    private static ParkedEvent row(ResultSet rs, int row) throws SQLException {
        var resolution = rs.getString("resolution");
        var resolvedAt = rs.getTimestamp("resolved_at");
        return new ParkedEvent(
                rs.getLong("id"),
                rs.getObject("event_id", UUID.class),
                rs.getString("topic"),
                rs.getString("record_key"),
                rs.getInt("lane"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("parked_at").toInstant(),
                rs.getString("reason"),
                rs.getString("error"),
                rs.getLong("size_bytes"),
                resolution == null ? null : Resolution.valueOf(resolution),
                resolvedAt == null ? null : resolvedAt.toInstant(),
                rs.getString("resolved_by"),
                rs.getString("resolved_by_name"),
                rs.getString("resolution_reason"),
                rs.getString("payload"));
    }
}
