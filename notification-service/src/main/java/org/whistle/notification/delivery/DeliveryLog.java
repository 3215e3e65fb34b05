package org.whistle.notification.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.notification.delivery.domain.DeliveryStatus;
import org.whistle.notification.delivery.domain.Recipient;
import org.whistle.notification.rules.domain.ChannelKind;
import org.whistle.notification.rules.domain.UrgencyClass;
import org.whistle.security.personaldata.PersonalData;

/**
 * The delivery log: one row per event × recipient × channel × target — the unique key that makes redelivered events
 * send nothing twice — with its status, attempts and outcome.
 */
@Component
public class DeliveryLog {

    /** One attempt as recorded. */
    public record Attempt(
            int attempt,
            Instant at,
            String outcome,
            @Nullable String detail) {}

    /** A delivery as the log shows it. */
    public record Entry(
            long id,
            UUID eventId,
            String eventType,
            @Nullable UUID whistleId,
            String recipient,
            String channel,
            String target,
            boolean leader,
            String urgency,
            String status,
            @Nullable String detail,
            int attempts,
            String title,
            Instant createdAt,
            @Nullable Instant finishedAt) {

        public Entry withRecipient(String shown) {
            return new Entry(
                    id,
                    eventId,
                    eventType,
                    whistleId,
                    shown,
                    channel,
                    target,
                    leader,
                    urgency,
                    status,
                    detail,
                    attempts,
                    title,
                    createdAt,
                    finishedAt);
        }
    }

    /** Deliveries held back for the same reporter, whistle and channel. */
    record HeldBack(UUID whistleId, String recipient, String channel) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    DeliveryLog(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Plans a delivery unless this event already has one for the recipient, channel and target. */
    boolean plan(Delivery delivery, DeliveryStatus status, Instant at) {
        return jdbc.sql("""
                        INSERT INTO delivery (event_id, event_type, whistle_id, recipient, channel, target, leader,
                            urgency, status, title, body, payload, template, created_at)
                        VALUES (:eventId, :eventType, :whistleId, :recipient, :channel, :target, :leader, :urgency,
                            :status, :title, :body, :payload, :template, :at)
                        ON CONFLICT ON CONSTRAINT delivery_once DO NOTHING
                        """)
                        .param("eventId", delivery.eventId())
                        .param("eventType", delivery.eventType())
                        .param("whistleId", delivery.whistleId())
                        .param("recipient", delivery.recipient().address())
                        .param("channel", delivery.channel().name())
                        .param("target", delivery.target())
                        .param("leader", delivery.leader())
                        .param("urgency", delivery.urgency().name())
                        .param("status", status.name())
                        .param("title", delivery.title())
                        .param("body", delivery.body())
                        .param("payload", delivery.payload())
                        .param("template", delivery.template())
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    /** Deliveries that went or are going to the recipient about this whistle on this channel since {@code since}. */
    long goingOutSince(UUID whistleId, Recipient recipient, ChannelKind channel, Instant since) {
        return jdbc.sql("""
                        SELECT count(*) FROM delivery
                        WHERE whistle_id = :whistle AND recipient = :recipient AND channel = :channel
                          AND status IN ('PENDING', 'SENDING', 'SENT') AND created_at > :since
                        """)
                .param("whistle", whistleId)
                .param("recipient", recipient.address())
                .param("channel", channel.name())
                .param("since", Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    /** Claims pending deliveries, and ones whose sender vanished, for this sender. */
    List<Delivery> claim(int limit, Instant now, Duration lease) {
        return jdbc.sql("""
                        UPDATE delivery SET status = 'SENDING', claimed_at = :now
                        WHERE id IN (
                            SELECT id FROM delivery
                            WHERE status = 'PENDING' OR (status = 'SENDING' AND claimed_at < :stale)
                            ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING *
                        """)
                .param("now", Timestamp.from(now))
                .param("stale", Timestamp.from(now.minus(lease)))
                .param("limit", limit)
                .query(DeliveryLog::delivery)
                .list();
    }

    void finish(long id, DeliveryStatus status, String detail, List<Attempt> attempts, Instant at) {
        transactions.executeWithoutResult(tx -> {
            int before = jdbc.sql("SELECT attempts FROM delivery WHERE id = :id")
                    .param("id", id)
                    .query(Integer.class)
                    .single();
            for (int i = 0; i < attempts.size(); i++) {
                var attempt = attempts.get(i);
                jdbc.sql("""
                                INSERT INTO delivery_attempt (delivery_id, attempt, at, outcome, detail)
                                VALUES (:id, :attempt, :at, :outcome, :detail)
                                """)
                        .param("id", id)
                        .param("attempt", before + i + 1)
                        .param("at", Timestamp.from(attempt.at()))
                        .param("outcome", attempt.outcome())
                        .param("detail", truncate(attempt.detail()))
                        .update();
            }
            jdbc.sql("""
                            UPDATE delivery SET status = :status, detail = :detail, attempts = attempts + :attempts,
                                finished_at = :at
                            WHERE id = :id
                            """)
                    .param("id", id)
                    .param("status", status.name())
                    .param("detail", truncate(detail))
                    .param("attempts", attempts.size())
                    .param("at", Timestamp.from(at))
                    .update();
        });
    }

    /** Groups of held-back deliveries that the quiet window now lets out as one digest. */
    List<HeldBack> heldBack() {
        return jdbc.sql("SELECT DISTINCT whistle_id, recipient, channel FROM delivery WHERE status = 'DEFERRED'")
                .query(HeldBack.class)
                .list();
    }

    /**
     * Folds the held-back deliveries of a group into its newest one, which goes out with all their texts; the others
     * are marked DIGESTED into it.
     */
    void digest(HeldBack group, String title, java.util.function.Function<List<String>, String> body) {
        transactions.executeWithoutResult(tx -> {
            var held = jdbc.sql("""
                            SELECT id, body FROM delivery
                            WHERE whistle_id = :whistle AND recipient = :recipient AND channel = :channel
                              AND status = 'DEFERRED'
                            ORDER BY id FOR UPDATE
                            """)
                    .param("whistle", group.whistleId())
                    .param("recipient", group.recipient())
                    .param("channel", group.channel())
                    .query((rs, row) -> new Object[] {rs.getLong("id"), rs.getString("body")})
                    .list();
            if (held.isEmpty()) {
                return;
            }
            long newest = (long) held.getLast()[0];
            var texts = held.stream().map(row -> (String) row[1]).toList();
            jdbc.sql(
                            "UPDATE delivery SET status = 'PENDING', template = 'digest', title = :title, body = :body WHERE id = :id")
                    .param("id", newest)
                    .param("title", title)
                    .param("body", body.apply(texts))
                    .update();
            jdbc.sql("""
                            UPDATE delivery SET status = 'DIGESTED', digest_into = :newest
                            WHERE whistle_id = :whistle AND recipient = :recipient AND channel = :channel
                              AND status = 'DEFERRED'
                            """)
                    .param("newest", newest)
                    .param("whistle", group.whistleId())
                    .param("recipient", group.recipient())
                    .param("channel", group.channel())
                    .update();
        });
    }

    public List<Entry> ofWhistle(UUID whistleId) {
        return jdbc.sql("SELECT * FROM delivery WHERE whistle_id = :whistle ORDER BY id")
                .param("whistle", whistleId)
                .query(DeliveryLog::entry)
                .list();
    }

    /** The deliveries to one target (a webhook subscription), newest first. */
    public List<Entry> toTarget(String target, int limit) {
        return jdbc.sql("SELECT * FROM delivery WHERE target = :target ORDER BY id DESC LIMIT :limit")
                .param("target", target)
                .param("limit", limit)
                .query(DeliveryLog::entry)
                .list();
    }

    public List<Attempt> attempts(long deliveryId) {
        return jdbc.sql("SELECT * FROM delivery_attempt WHERE delivery_id = :id ORDER BY attempt")
                .param("id", deliveryId)
                .query((rs, row) -> new Attempt(
                        rs.getInt("attempt"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("outcome"),
                        rs.getString("detail")))
                .list();
    }

    /** Outcomes are shown to administrators and dispatchers: a number in a provider's answer is masked first. */
    private static @Nullable String truncate(@Nullable String text) {
        var masked = PersonalData.phonesIn(text);
        return masked == null || masked.length() <= 500 ? masked : masked.substring(0, 500);
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(
                rs.getLong("id"),
                rs.getObject("event_id", UUID.class),
                rs.getString("event_type"),
                rs.getObject("whistle_id", UUID.class),
                Recipient.parse(rs.getString("recipient")),
                ChannelKind.valueOf(rs.getString("channel")),
                rs.getString("target"),
                rs.getBoolean("leader"),
                UrgencyClass.valueOf(rs.getString("urgency")),
                rs.getString("template"),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("payload"));
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        var finished = rs.getTimestamp("finished_at");
        return new Entry(
                rs.getLong("id"),
                rs.getObject("event_id", UUID.class),
                rs.getString("event_type"),
                rs.getObject("whistle_id", UUID.class),
                rs.getString("recipient"),
                rs.getString("channel"),
                rs.getString("target"),
                rs.getBoolean("leader"),
                rs.getString("urgency"),
                rs.getString("status"),
                rs.getString("detail"),
                rs.getInt("attempts"),
                rs.getString("title"),
                rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
