package org.whistle.members.whistles;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.whistle.events.EventEnvelope;
import org.whistle.events.Topics;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleRaised;
import org.whistle.events.WhistleRouted;
import org.whistle.messaging.inbox.IdempotentHandling;

/**
 * The whistles of the city as this service needs them (raised, routed, closed), so a grid worker can pick a small one
 * and the task can name its ticket. A record older than the one held (a lower revision) changes nothing; the
 * reporter is never stored. A poll's events are applied in one transaction ({@link WhistleBatches}), each recorded as
 * handled with its effect, so a redelivered batch changes nothing.
 */
@Component
public class WhistleCopy {

    static final String CONSUMER = "members.whistles";

    /** A whistle as the copy holds it. */
    public record Known(
            UUID whistleId,
            @Nullable UUID ticketId,
            @Nullable String ticketNumber,
            String categoryCode,
            String description,
            @Nullable String address,
            @Nullable String gridId,
            String state,
            java.time.Instant raisedAt) {

        /** Whether the loop is still open: a closed, rejected or merged whistle is not turned into a task. */
        public boolean open() {
            return !List.of("CLOSED", "REJECTED", "MERGED").contains(state);
        }
    }

    private final JdbcClient jdbc;
    private final IdempotentHandling handling;
    private final WhistleBatches batches;

    WhistleCopy(JdbcClient jdbc, IdempotentHandling handling, WhistleBatches batches) {
        this.jdbc = jdbc;
        this.handling = handling;
        this.batches = batches;
    }

    @KafkaListener(
            topics = {Topics.WHISTLE_RAISED, Topics.WHISTLE_ROUTED, Topics.WHISTLE_CLOSED},
            groupId = "members-service",
            containerFactory = WhistleBatches.FACTORY)
    void on(List<ConsumerRecord<String, EventEnvelope<?>>> records) {
        batches.handle(records, event -> handling.handleOnce(CONSUMER, event, () -> apply(event)));
    }

    private void apply(EventEnvelope<?> event) {
        switch (event.data()) {
            case WhistleRaised raised ->
                jdbc.sql("""
                                INSERT INTO whistle_copy (whistle_id, category_code, description, address, lat, lng,
                                    grid_id, state, revision, raised_at)
                                VALUES (:id, :category, :description, :address, :lat, :lng, :grid, 'RAISED', :revision,
                                    :at)
                                ON CONFLICT (whistle_id) DO UPDATE SET category_code = EXCLUDED.category_code,
                                    description = EXCLUDED.description, address = EXCLUDED.address,
                                    lat = EXCLUDED.lat, lng = EXCLUDED.lng, grid_id = EXCLUDED.grid_id,
                                    raised_at = EXCLUDED.raised_at""")
                        .param("id", raised.whistleId().value())
                        .param("category", raised.categoryCode())
                        .param("description", raised.description())
                        .param("address", raised.location().address())
                        .param(
                                "lat",
                                raised.location().point() == null
                                        ? null
                                        : raised.location().point().lat())
                        .param(
                                "lng",
                                raised.location().point() == null
                                        ? null
                                        : raised.location().point().lng())
                        .param("grid", raised.gridId())
                        .param("revision", event.revision())
                        .param("at", Timestamp.from(raised.raisedAt()))
                        .update();
            case WhistleRouted routed ->
                state(
                        routed.whistleId().value(),
                        routed.ticketId().value(),
                        routed.ticketNumber(),
                        routed.state().name(),
                        event.revision());
            case WhistleClosed closed ->
                state(
                        closed.whistleId().value(),
                        closed.ticketId().value(),
                        null,
                        closed.outcome() == WhistleClosed.Outcome.RESOLVED
                                        || closed.outcome() == WhistleClosed.Outcome.NO_ANSWER
                                ? "CLOSED"
                                : closed.outcome().name(),
                        event.revision());
            default -> {}
        }
    }

    /**
     * A later state of a whistle. Topics are not ordered against each other, so the routing may arrive before the
     * raising: then a row without the whistle's facts holds the state until the raised event fills them in.
     */
    private void state(UUID whistle, UUID ticket, @Nullable String number, String state, long revision) {
        jdbc.sql("""
                        INSERT INTO whistle_copy (whistle_id, ticket_id, ticket_number, category_code, description,
                            state, revision, raised_at)
                        VALUES (:id, :ticket, :number, '', '', :state, :revision, now())
                        ON CONFLICT (whistle_id) DO UPDATE SET ticket_id = EXCLUDED.ticket_id,
                            ticket_number = COALESCE(EXCLUDED.ticket_number, whistle_copy.ticket_number),
                            state = EXCLUDED.state, revision = EXCLUDED.revision
                        WHERE whistle_copy.revision < EXCLUDED.revision""")
                .param("ticket", ticket)
                .param("number", number)
                .param("state", state)
                .param("revision", revision)
                .param("id", whistle)
                .update();
    }

    public Optional<Known> byId(UUID whistle) {
        return jdbc.sql("SELECT * FROM whistle_copy WHERE whistle_id = :id")
                .param("id", whistle)
                .query((rs, n) -> known(rs))
                .optional();
    }

    /** Open whistles in some grids not yet turned into a task, newest first. */
    public List<Known> openIn(List<String> grids, int limit) {
        return jdbc.sql("""
                        SELECT w.* FROM whistle_copy w
                        WHERE w.grid_id = ANY(:grids) AND w.state NOT IN ('CLOSED', 'REJECTED', 'MERGED')
                            AND w.description <> ''
                            AND NOT EXISTS (SELECT 1 FROM task t WHERE t.whistle_id = w.whistle_id)
                        ORDER BY w.raised_at DESC LIMIT :limit""")
                .param("grids", grids.toArray(String[]::new))
                .param("limit", limit)
                .query((rs, n) -> known(rs))
                .list();
    }

    private static Known known(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Known(
                rs.getObject("whistle_id", UUID.class),
                rs.getObject("ticket_id", UUID.class),
                rs.getString("ticket_number"),
                rs.getString("category_code"),
                rs.getString("description"),
                rs.getString("address"),
                rs.getString("grid_id"),
                rs.getString("state"),
                rs.getTimestamp("raised_at").toInstant());
    }
}
