package org.whistle.notification.areas;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who subscribed to which area node; a subscription to a node covers its whole subtree. */
@Component
public class AreaSubscriptions {

    /** One subscription: a recipient address ({@code unit:…}, {@code user:…}) and the node it watches. */
    public record AreaSubscription(long id, String areaId, String recipient) {}

    private final JdbcClient jdbc;

    AreaSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Recipient addresses subscribed to any of the given nodes (a place and its ancestors). */
    public List<String> subscribersOf(Collection<String> nodes) {
        if (nodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT DISTINCT recipient FROM area_subscription WHERE area_id IN (:nodes) ORDER BY recipient")
                .param("nodes", nodes)
                .query(String.class)
                .list();
    }

    public AreaSubscription subscribe(String areaId, String recipient) {
        jdbc.sql("""
                        INSERT INTO area_subscription (area_id, recipient) VALUES (:area, :recipient)
                        ON CONFLICT DO NOTHING
                        """).param("area", areaId).param("recipient", recipient).update();
        return jdbc.sql("SELECT * FROM area_subscription WHERE area_id = :area AND recipient = :recipient")
                .param("area", areaId)
                .param("recipient", recipient)
                .query(AreaSubscription.class)
                .single();
    }

    public List<AreaSubscription> of(Collection<String> recipients) {
        return jdbc.sql("SELECT * FROM area_subscription WHERE recipient IN (:recipients) ORDER BY id")
                .param("recipients", recipients)
                .query(AreaSubscription.class)
                .list();
    }

    public boolean cancel(long id, Collection<String> recipients) {
        return jdbc.sql("DELETE FROM area_subscription WHERE id = :id AND recipient IN (:recipients)")
                        .param("id", id)
                        .param("recipients", recipients)
                        .update()
                == 1;
    }
}
