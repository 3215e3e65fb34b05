package org.whistle.evaluation.ratings;

import java.sql.Timestamp;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.whistle.evaluation.ratings.domain.Assessment;
import org.whistle.evaluation.ratings.domain.RatingId;
import org.whistle.evaluation.ratings.domain.UnitRating;
import org.whistle.evaluation.ratings.domain.UnitRating.Status;
import org.whistle.events.Actor;
import org.whistle.events.EventEnvelope;
import org.whistle.events.Topics;
import org.whistle.events.UnitRated;
import org.whistle.messaging.inbox.IdempotentHandling;
import tools.jackson.databind.json.JsonMapper;

/**
 * 双考核 ratings of generated history (ADR 0032): the history generator publishes the ratings the summoning centres
 * gave as {@code unit-rated} with origin HISTORY, so a month of history has department appraisals. Each is kept once
 * ({@code history_rating}, V40) and applied to its part's rating as the centre's rating, with an audit row, as soon as
 * the part has ended in the fold — whichever of the two arrives first. Live {@code unit-rated} events are this
 * service's own (published from its outbox) and are not read back; an appeal's decision is never history (appeals are
 * made and decided live).
 *
 * <p>Both paths take a transaction-scoped advisory lock on the part first, so a rating and the end of its part handled
 * at the same moment by the two listeners cannot each miss the other.
 */
@Component
public class HistoryRatings {

    private static final Logger AUDIT = LoggerFactory.getLogger("org.whistle.evaluation.audit");
    private static final JsonMapper JSON = JsonMapper.shared();

    private final JdbcClient jdbc;
    private final RatingStore store;
    private final IdempotentHandling handling;
    private final String consumer;

    HistoryRatings(
            JdbcClient jdbc,
            RatingStore store,
            IdempotentHandling handling,
            @Value("${whistle.evaluation.consumer-group:evaluation-service}") String consumer) {
        this.jdbc = jdbc;
        this.store = store;
        this.handling = handling;
        this.consumer = consumer;
    }

    @KafkaListener(
            id = "evaluation-history-ratings",
            groupId = "${whistle.evaluation.consumer-group:evaluation-service}",
            topics = Topics.EVALUATION_RATINGS)
    void on(EventEnvelope<?> event) {
        if (event.isHistory() && event.data() instanceof UnitRated rated && rated.stage() == UnitRated.Stage.RATED) {
            handling.handleOnce(consumer, event, () -> keep(event.id(), rated));
        }
    }

    private void keep(UUID eventId, UnitRated rated) {
        var whistle = rated.whistleId().value();
        lock(whistle, rated.unitId());
        jdbc.sql("""
                        INSERT INTO history_rating (whistle_id, unit_id, event_id, actor, reported_in_on_time,
                            came_on_site, stayed_until_done, quality, score, rated_at)
                        VALUES (:whistle, :unit, :event, CAST(:actor AS JSONB), :onTime, :onSite, :stayed, :quality,
                            :score, :at)
                        ON CONFLICT (whistle_id, unit_id) DO NOTHING
                        """)
                .param("whistle", whistle)
                .param("unit", rated.unitId())
                .param("event", eventId)
                .param("actor", JSON.writeValueAsString(rated.actor()))
                .param("onTime", rated.reportedInOnTime())
                .param("onSite", rated.cameOnSite())
                .param("stayed", rated.stayedUntilDone())
                .param("quality", rated.quality().name())
                .param("score", rated.score())
                .param("at", Timestamp.from(rated.at()))
                .update();
        apply(whistle, rated.unitId());
    }

    /**
     * Called in the fold's transaction when a part of a history case ended: applies the history rating that arrived
     * before it, if any.
     */
    void partEnded(UUID whistle, String unit) {
        lock(whistle, unit);
        apply(whistle, unit);
    }

    private void apply(UUID whistle, String unit) {
        var kept = jdbc.sql("""
                        SELECT actor::text AS actor, reported_in_on_time, came_on_site, stayed_until_done, quality,
                            score, rated_at
                        FROM history_rating WHERE whistle_id = :whistle AND unit_id = :unit AND applied_at IS NULL
                        """)
                .param("whistle", whistle)
                .param("unit", unit)
                .query((rs, row) -> new Kept(
                        JSON.readValue(rs.getString("actor"), Actor.class),
                        new Assessment(
                                rs.getBoolean("reported_in_on_time"),
                                rs.getBoolean("came_on_site"),
                                rs.getBoolean("stayed_until_done"),
                                UnitRated.Quality.valueOf(rs.getString("quality")),
                                rs.getInt("score"),
                                null),
                        rs.getTimestamp("rated_at").toInstant()))
                .optional();
        if (kept.isEmpty()) {
            return;
        }
        var rating = store.find(RatingId.forPart(whistle, unit)).orElse(null);
        if (rating == null) {
            return; // the part has not ended here yet: applied when it does
        }
        var k = kept.get();
        if (rating.status() == Status.TO_RATE) {
            var rated = rating.rate(k.assessment(), new UnitRating.Step(k.actor(), null, k.at()));
            store.save(rating, rated, "RATED", Map.of("history", true));
            AUDIT.info(
                    "history rating of unit {} in whistle {} applied: score {}",
                    unit,
                    whistle,
                    k.assessment().score());
        }
        jdbc.sql("UPDATE history_rating SET applied_at = now() WHERE whistle_id = :whistle AND unit_id = :unit")
                .param("whistle", whistle)
                .param("unit", unit)
                .update();
    }

    private void lock(UUID whistle, String unit) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 20))")
                .param("key", "history-rating:" + whistle + ":" + unit)
                .query((rs, row) -> 1)
                .single();
    }

    private record Kept(Actor actor, Assessment assessment, java.time.Instant at) {}
}
