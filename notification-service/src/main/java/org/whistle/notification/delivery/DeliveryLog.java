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

    /** The title of a digest; its body lists the held texts (see {@link #releaseDue}). */
    static final String DIGEST_TITLE = "您的哨情有新进展";

    /** The advisory lock replicas take turns on to release digests ("notification digests"). */
    private static final long RELEASE_LOCK = 0x4e6f74_6469676573L;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    DeliveryLog(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Plans a delivery unless this event already has one for the recipient, channel and target.
     *
     * @param releaseAt when a DEFERRED delivery's quiet window lets it out; null for any other status
     */
    boolean plan(Delivery delivery, DeliveryStatus status, Instant at, @Nullable Instant releaseAt) {
        return jdbc.sql("""
                        INSERT INTO delivery (event_id, event_type, whistle_id, recipient, channel, target, leader,
                            urgency, status, title, body, payload, template, created_at, release_at, feed)
                        VALUES (:eventId, :eventType, :whistleId, :recipient, :channel, :target, :leader, :urgency,
                            :status, :title, :body, :payload, :template, :at, :releaseAt, :feed)
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
                        .param("releaseAt", releaseAt == null ? null : Timestamp.from(releaseAt))
                        .param("feed", delivery.feed())
                        .update()
                == 1;
    }

    /**
     * When the quiet window next lets one more message out to the recipient about this whistle on this channel: when
     * the {@code limit}-th newest of those going out since {@code since} leaves the window. Null when fewer than
     * {@code limit} are going out, so one may go now.
     */
    @Nullable
    Instant windowOpensAt(
            UUID whistleId, Recipient recipient, ChannelKind channel, Instant since, int limit, Duration window) {
        return jdbc.sql("""
                        SELECT created_at FROM delivery
                        WHERE whistle_id = :whistle AND recipient = :recipient AND channel = :channel
                          AND status IN ('PENDING', 'SENDING', 'SENT') AND created_at > :since
                        ORDER BY created_at DESC OFFSET :skip LIMIT 1
                        """)
                .param("whistle", whistleId)
                .param("recipient", recipient.address())
                .param("channel", channel.name())
                .param("since", Timestamp.from(since))
                .param("skip", limit - 1)
                .query((rs, row) -> rs.getTimestamp(1).toInstant().plus(window))
                .optional()
                .orElse(null);
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

    /**
     * Lets out, in one statement, every held-back group (reporter × whistle × channel) whose release time has come:
     * where the quiet window allows, the group's newest delivery goes out (PENDING) as a digest carrying all the
     * group's texts, oldest first, and the others become DIGESTED into it; where a message sent meanwhile (an urgent
     * one) still fills the window, the group waits for the time the window next opens. Groups not yet due cost
     * nothing: they are not read. Replicas take turns through a transaction-scoped advisory lock.
     *
     * @return how many digests went out
     */
    int releaseDue(Instant now, int limit, Duration window) {
        return jdbc.sql("""
                        WITH due AS (
                            SELECT DISTINCT whistle_id, recipient, channel FROM delivery
                            WHERE status = 'DEFERRED' AND release_at <= :now
                              AND pg_try_advisory_xact_lock(:lock)
                        ), opens AS (
                            SELECT d.*, (SELECT x.created_at FROM delivery x
                                         WHERE x.whistle_id = d.whistle_id AND x.recipient = d.recipient
                                           AND x.channel = d.channel AND x.status IN ('PENDING', 'SENDING', 'SENT')
                                           AND x.created_at > :since
                                         ORDER BY x.created_at DESC OFFSET :skip LIMIT 1) + make_interval(secs => :windowSeconds) AS next_at
                            FROM due d
                        ), held AS (
                            SELECT x.whistle_id, x.recipient, x.channel, max(o.next_at) AS next_at,
                                max(x.id) AS newest, count(*) AS n,
                                string_agg(E'\\n· ' || x.body, '' ORDER BY x.id) AS texts
                            FROM delivery x
                            JOIN opens o ON o.whistle_id = x.whistle_id AND o.recipient = x.recipient
                                AND o.channel = x.channel
                            WHERE x.status = 'DEFERRED'
                            GROUP BY x.whistle_id, x.recipient, x.channel
                        ), released AS (
                            UPDATE delivery d SET
                                status = CASE WHEN h.next_at IS NOT NULL THEN 'DEFERRED'
                                              WHEN d.id = h.newest THEN 'PENDING' ELSE 'DIGESTED' END,
                                release_at = h.next_at,
                                digest_into = CASE WHEN h.next_at IS NULL AND d.id <> h.newest THEN h.newest END,
                                template = CASE WHEN h.next_at IS NULL AND d.id = h.newest THEN 'digest'
                                                ELSE d.template END,
                                title = CASE WHEN h.next_at IS NULL AND d.id = h.newest THEN :title ELSE d.title END,
                                body = CASE WHEN h.next_at IS NULL AND d.id = h.newest
                                            THEN '最新进展（' || h.n || ' 条）：' || h.texts ELSE d.body END
                            FROM held h
                            WHERE d.status = 'DEFERRED' AND d.whistle_id = h.whistle_id
                              AND d.recipient = h.recipient AND d.channel = h.channel
                            RETURNING d.status
                        )
                        SELECT count(*) FROM released WHERE status = 'PENDING'
                        """)
                .param("now", Timestamp.from(now))
                .param("since", Timestamp.from(now.minus(window)))
                .param("skip", limit - 1)
                .param("windowSeconds", window.toMillis() / 1000.0)
                .param("lock", RELEASE_LOCK)
                .param("title", DIGEST_TITLE)
                .query(Integer.class)
                .single();
    }

    public List<Entry> ofWhistle(UUID whistleId) {
        return jdbc.sql("SELECT * FROM delivery WHERE whistle_id = :whistle ORDER BY id")
                .param("whistle", whistleId)
                .query(DeliveryLog::entry)
                .list();
    }

    /**
     * The deliveries to one target (a webhook subscription), newest first, older than the delivery {@code before} (the
     * page before's last; any when null), at most {@code limit}.
     */
    public List<Entry> toTarget(String target, @Nullable Long before, int limit) {
        return jdbc.sql("""
                        SELECT * FROM delivery WHERE target = :target AND target <> '' AND id < :before
                        ORDER BY id DESC LIMIT :limit
                        """)
                .param("target", target)
                .param("before", before == null ? Long.MAX_VALUE : before)
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
                rs.getString("payload"),
                rs.getBoolean("feed"));
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
