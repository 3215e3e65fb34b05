package org.whistle.notification.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Webhook subscriptions per unit: where to post which event types, with which secret. */
@Component
public class WebhookSubscriptions {

    /**
     * One subscription; an empty {@code eventTypes} means every event type.
     *
     * @param secret the HMAC key; shown once, to whoever created or rotated it, and never again
     * @param secretRotatedAt when the secret was set
     */
    public record Subscription(
            UUID id,
            String unit,
            String name,
            String url,
            String secret,
            Instant secretRotatedAt,
            List<String> eventTypes,
            boolean active,
            int consecutiveFailures,
            @Nullable String disabledReason,
            Instant createdAt) {

        public boolean wants(String eventType) {
            return eventTypes.isEmpty() || eventTypes.contains(eventType);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    WebhookSubscriptions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Subscription add(String unit, String name, String url, String secret, List<String> eventTypes) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO webhook_subscription (id, unit, name, url, secret, event_types, created_at,
                            secret_rotated_at)
                        VALUES (:id, :unit, :name, :url, :secret, :types, :at, :at)
                        """)
                .param("id", id)
                .param("unit", unit)
                .param("name", name)
                .param("url", url)
                .param("secret", secret)
                .param("types", eventTypes.toArray(String[]::new))
                .param("at", Timestamp.from(clock.instant()))
                .update();
        return find(id).orElseThrow();
    }

    public Optional<Subscription> find(UUID id) {
        return jdbc.sql("SELECT * FROM webhook_subscription WHERE id = :id")
                .param("id", id)
                .query(WebhookSubscriptions::subscription)
                .optional();
    }

    public List<Subscription> ofUnit(String unit) {
        return jdbc.sql("SELECT * FROM webhook_subscription WHERE unit = :unit ORDER BY created_at")
                .param("unit", unit)
                .query(WebhookSubscriptions::subscription)
                .list();
    }

    public List<Subscription> all() {
        return jdbc.sql("SELECT * FROM webhook_subscription ORDER BY unit, created_at")
                .query(WebhookSubscriptions::subscription)
                .list();
    }

    /** Replaces the secret; the old one stops working at once. */
    public Subscription rotate(UUID id, String secret) {
        jdbc.sql("UPDATE webhook_subscription SET secret = :secret, secret_rotated_at = :at WHERE id = :id")
                .param("id", id)
                .param("secret", secret)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        return find(id).orElseThrow();
    }

    /** Re-enables a subscription and forgets its failures. */
    public boolean enable(UUID id) {
        return jdbc.sql("""
                        UPDATE webhook_subscription SET active = TRUE, consecutive_failures = 0, disabled_reason = NULL
                        WHERE id = :id
                        """).param("id", id).update() == 1;
    }

    public boolean remove(UUID id) {
        return jdbc.sql("DELETE FROM webhook_subscription WHERE id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    void succeeded(UUID id) {
        jdbc.sql("UPDATE webhook_subscription SET consecutive_failures = 0 WHERE id = :id AND consecutive_failures > 0")
                .param("id", id)
                .update();
    }

    /**
     * Counts a failed delivery; disables the subscription when it reaches {@code disableAfter} failures in a row.
     *
     * @return whether this failure disabled it
     */
    boolean failed(UUID id, int disableAfter, String reason) {
        var failures = jdbc.sql("""
                        UPDATE webhook_subscription SET consecutive_failures = consecutive_failures + 1
                        WHERE id = :id RETURNING consecutive_failures
                        """).param("id", id).query(Integer.class).optional();
        if (failures.isEmpty() || failures.get() < disableAfter) {
            return false;
        }
        return jdbc.sql("""
                        UPDATE webhook_subscription SET active = FALSE, disabled_reason = :reason
                        WHERE id = :id AND active
                        """).param("id", id).param("reason", reason).update() == 1;
    }

    private static Subscription subscription(ResultSet rs, int row) throws SQLException {
        return new Subscription(
                rs.getObject("id", UUID.class),
                rs.getString("unit"),
                rs.getString("name"),
                rs.getString("url"),
                rs.getString("secret"),
                rs.getTimestamp("secret_rotated_at").toInstant(),
                Arrays.asList((String[]) rs.getArray("event_types").getArray()),
                rs.getBoolean("active"),
                rs.getInt("consecutive_failures"),
                rs.getString("disabled_reason"),
                rs.getTimestamp("created_at").toInstant());
    }
}
