package org.whistle.notification.textmessages;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the development provider would have sent, for the dev-outbox page. */
@Component
public class DevOutbox {

    /** One message that was not sent. {@code address} is the masked number from the event. */
    public record Entry(
            long id,
            String channel,
            String recipient,
            String address,
            String template,
            String text,
            Instant createdAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    DevOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long write(String channel, String recipient, String address, String template, String text) {
        return jdbc.sql("""
                        INSERT INTO dev_outbox (channel, recipient, address, template, text, created_at)
                        VALUES (:channel, :recipient, :address, :template, :text, :at) RETURNING id
                        """)
                .param("channel", channel)
                .param("recipient", recipient)
                .param("address", address)
                .param("template", template)
                .param("text", text)
                .param("at", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }

    public List<Entry> latest(int limit) {
        return jdbc.sql("SELECT * FROM dev_outbox ORDER BY id DESC LIMIT :limit")
                .param("limit", limit)
                .query((rs, row) -> new Entry(
                        rs.getLong("id"),
                        rs.getString("channel"),
                        rs.getString("recipient"),
                        rs.getString("address"),
                        rs.getString("template"),
                        rs.getString("text"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
