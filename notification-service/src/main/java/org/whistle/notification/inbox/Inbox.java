package org.whistle.notification.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Inbox items per recipient address. An item addressed to a unit is shared by its duty officers: whoever reads it
 * marks it read for the unit.
 */
@Component
public class Inbox {

    /** One item as its readers see it. */
    public record Item(
            long id,
            String recipient,
            @Nullable UUID whistleId,
            String eventType,
            String title,
            String body,
            boolean leader,
            String urgency,
            Instant createdAt,
            @Nullable Instant readAt,
            boolean read) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    Inbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Puts an item in; a delivery puts in at most one, however often it is sent. */
    public long put(
            String recipient,
            @Nullable Long deliveryId,
            @Nullable UUID whistleId,
            String eventType,
            String title,
            String body,
            boolean leader,
            String urgency) {
        jdbc.sql("""
                        INSERT INTO inbox_item (recipient, delivery_id, whistle_id, event_type, title, body, leader,
                            urgency, created_at)
                        VALUES (:recipient, :delivery, :whistle, :type, :title, :body, :leader, :urgency, :at)
                        ON CONFLICT (delivery_id) DO NOTHING
                        """)
                .param("recipient", recipient)
                .param("delivery", deliveryId)
                .param("whistle", whistleId)
                .param("type", eventType)
                .param("title", title)
                .param("body", body)
                .param("leader", leader)
                .param("urgency", urgency)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        return deliveryId == null
                ? jdbc.sql("SELECT max(id) FROM inbox_item WHERE recipient = :recipient")
                        .param("recipient", recipient)
                        .query(Long.class)
                        .single()
                : jdbc.sql("SELECT id FROM inbox_item WHERE delivery_id = :delivery")
                        .param("delivery", deliveryId)
                        .query(Long.class)
                        .single();
    }

    /**
     * The items of these recipients, newest first, older than the item {@code before} (the page before's last; any
     * when null), at most {@code limit}; items for a unit's leader (督办) only when {@code leader}.
     */
    public List<Item> of(
            Collection<String> recipients, boolean leader, boolean unreadOnly, @Nullable Long before, int limit) {
        return jdbc.sql("""
                        SELECT * FROM inbox_item
                        WHERE recipient IN (:recipients) AND (:leader OR NOT leader)
                          AND (NOT :unreadOnly OR read_at IS NULL) AND id < :before
                        ORDER BY id DESC LIMIT :limit
                        """)
                .param("recipients", recipients)
                .param("leader", leader)
                .param("unreadOnly", unreadOnly)
                .param("before", before == null ? Long.MAX_VALUE : before)
                .param("limit", limit)
                .query(Inbox::item)
                .list();
    }

    public long unread(Collection<String> recipients, boolean leader) {
        return jdbc.sql("""
                        SELECT count(*) FROM inbox_item
                        WHERE recipient IN (:recipients) AND (:leader OR NOT leader) AND read_at IS NULL
                        """)
                .param("recipients", recipients)
                .param("leader", leader)
                .query(Long.class)
                .single();
    }

    /** Marks an item read if one of the recipients may see it; false when none may. */
    public boolean markRead(long id, Collection<String> recipients, boolean leader) {
        return jdbc.sql("""
                        UPDATE inbox_item SET read_at = COALESCE(read_at, :at)
                        WHERE id = :id AND recipient IN (:recipients) AND (:leader OR NOT leader)
                        """)
                        .param("id", id)
                        .param("leader", leader)
                        .param("recipients", recipients)
                        .param("at", Timestamp.from(clock.instant()))
                        .update()
                == 1;
    }

    private static Item item(ResultSet rs, int row) throws SQLException {
        var read = rs.getTimestamp("read_at");
        return new Item(
                rs.getLong("id"),
                rs.getString("recipient"),
                rs.getObject("whistle_id", UUID.class),
                rs.getString("event_type"),
                rs.getString("title"),
                rs.getString("body"),
                rs.getBoolean("leader"),
                rs.getString("urgency"),
                rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant(),
                read != null);
    }
}
