package org.whistle.evaluation.ratings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.whistle.evaluation.ratings.domain.Assessment;
import org.whistle.evaluation.ratings.domain.Part;
import org.whistle.evaluation.ratings.domain.RatingId;
import org.whistle.evaluation.ratings.domain.UnitRating;
import org.whistle.evaluation.ratings.domain.UnitRating.Status;
import org.whistle.evaluation.ratings.domain.UnitRating.Step;
import org.whistle.events.Actor;
import org.whistle.events.UnitRated;
import org.whistle.problems.ConflictException;
import org.whistle.texts.Phrase;
import tools.jackson.databind.json.JsonMapper;

/** Ratings and their audit rows. A save names the version it read, so two people never overwrite each other. */
@Repository
public class RatingStore {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final JdbcClient jdbc;

    RatingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a part that ended, or refreshes it while it waits for its rating; a rated part keeps what was rated.
     */
    void partEnded(Part part) {
        jdbc.sql("""
                        INSERT INTO unit_rating (rating_id, whistle_id, ticket_id, ticket_number, unit_id, centre_id,
                            part_ended, part_ended_at, summoned_at, reported_in_at, reported_in_late, on_site_at,
                            count_date, status, version)
                        VALUES (:id, :whistle, :ticket, :number, :unit, :centre, :ended, :endedAt, :summonedAt,
                            :reportedInAt, :late, :onSiteAt, :countDate, 'TO_RATE', 0)
                        ON CONFLICT (whistle_id, unit_id) DO UPDATE SET ticket_id = EXCLUDED.ticket_id,
                            ticket_number = EXCLUDED.ticket_number, centre_id = EXCLUDED.centre_id,
                            part_ended = EXCLUDED.part_ended, part_ended_at = EXCLUDED.part_ended_at,
                            summoned_at = EXCLUDED.summoned_at, reported_in_at = EXCLUDED.reported_in_at,
                            reported_in_late = EXCLUDED.reported_in_late, on_site_at = EXCLUDED.on_site_at,
                            count_date = EXCLUDED.count_date
                        WHERE unit_rating.status = 'TO_RATE'
                            -- a unit withdrawn once stays withdrawn when it was; later routings say so again
                            AND NOT (unit_rating.part_ended = 'WITHDRAWN' AND EXCLUDED.part_ended = 'WITHDRAWN')
                        """)
                .param("id", RatingId.forPart(part.whistleId(), part.unitId()).value())
                .param("whistle", part.whistleId())
                .param("ticket", part.ticketId())
                .param("number", part.ticketNumber())
                .param("unit", part.unitId())
                .param("centre", part.centreId())
                .param("ended", part.ended().name())
                .param("endedAt", ts(part.endedAt()))
                .param("summonedAt", ts(part.summonedAt()))
                .param("reportedInAt", ts(part.reportedInAt()))
                .param("late", part.reportedInLate())
                .param("onSiteAt", ts(part.onSiteAt()))
                .param("countDate", part.countDate())
                .update();
    }

    public Optional<UnitRating> find(RatingId id) {
        return jdbc.sql("SELECT * FROM unit_rating WHERE rating_id = :id")
                .param("id", id.value())
                .query(RatingStore::rating)
                .optional();
    }

    /** Saves a change made on the version read; a concurrent change in between is refused. */
    void save(UnitRating before, UnitRating after, String action, Map<String, Object> detail) {
        var a = after.assessment();
        int changed = jdbc.sql("""
                        UPDATE unit_rating SET status = :status, version = :version,
                            reported_in_on_time = :onTime, came_on_site = :onSite, stayed_until_done = :stayed,
                            quality = :quality, score = :score, comment = :comment,
                            rated_by = CAST(:ratedBy AS JSONB), rated_by_name = :ratedByName, rated_at = :ratedAt,
                            appeal_reason = :appealReason, appealed_by = CAST(:appealedBy AS JSONB),
                            appealed_by_name = :appealedByName, appealed_at = :appealedAt,
                            decision = :decision, decided_score = :decidedScore, decision_reason = :decisionReason,
                            decided_by = CAST(:decidedBy AS JSONB), decided_by_name = :decidedByName,
                            decided_at = :decidedAt
                        WHERE rating_id = :id AND version = :read
                        """)
                .param("id", after.id().value())
                .param("read", before.version())
                .param("status", after.status().name())
                .param("version", after.version())
                .param("onTime", a == null ? null : a.reportedInOnTime())
                .param("onSite", a == null ? null : a.cameOnSite())
                .param("stayed", a == null ? null : a.stayedUntilDone())
                .param("quality", a == null ? null : a.quality().name())
                .param("score", a == null ? null : a.score())
                .param("comment", a == null ? null : a.comment())
                .param("ratedBy", actor(after.rated()))
                .param("ratedByName", name(after.rated()))
                .param("ratedAt", at(after.rated()))
                .param("appealReason", after.appealReason())
                .param("appealedBy", actor(after.appealed()))
                .param("appealedByName", name(after.appealed()))
                .param("appealedAt", at(after.appealed()))
                .param(
                        "decision",
                        after.decision() == null ? null : after.decision().name())
                .param("decidedScore", after.decidedScore())
                .param("decisionReason", after.decisionReason())
                .param("decidedBy", actor(after.decided()))
                .param("decidedByName", name(after.decided()))
                .param("decidedAt", at(after.decided()))
                .update();
        if (changed != 1) {
            throw new ConflictException(Phrase.of("evaluation.refusal.ratingChanged"));
        }
        var step = switch (after.status()) {
            case RATED -> after.rated();
            case APPEALED -> after.appealed();
            case DECIDED -> after.decided();
            case TO_RATE -> null;
        };
        if (step == null) {
            throw new IllegalStateException("a saved change has a step");
        }
        jdbc.sql("""
                        INSERT INTO unit_rating_audit (rating_id, version, action, actor, actor_name, at, detail)
                        VALUES (:id, :version, :action, CAST(:actor AS JSONB), :name, :at, CAST(:detail AS JSONB))
                        """)
                .param("id", after.id().value())
                .param("version", after.version())
                .param("action", action)
                .param("actor", actor(step))
                .param("name", step.name())
                .param("at", ts(step.at()))
                .param("detail", JSON.writeValueAsString(detail))
                .update();
    }

    /** One entry of a rating's record. */
    public record AuditEntry(
            long version,
            String action,
            Actor actor,
            @Nullable String name,
            Instant at) {}

    public List<AuditEntry> audit(RatingId id) {
        return jdbc.sql("""
                        SELECT version, action, actor::text, actor_name, at FROM unit_rating_audit
                        WHERE rating_id = :id ORDER BY version
                        """)
                .param("id", id.value())
                .query((rs, row) -> new AuditEntry(
                        rs.getLong(1),
                        rs.getString(2),
                        JSON.readValue(rs.getString(3), Actor.class),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** Ratings by the given centres in the given states, oldest part first, at most {@code limit}. */
    public List<UnitRating> ofCentres(List<String> centres, List<Status> states, int limit) {
        return jdbc.sql("""
                        SELECT * FROM unit_rating WHERE centre_id = ANY(:centres) AND status = ANY(:states)
                        ORDER BY part_ended_at, rating_id LIMIT :limit
                        """)
                .param("centres", centres.toArray(String[]::new))
                .param("states", states.stream().map(Enum::name).toArray(String[]::new))
                .param("limit", limit)
                .query(RatingStore::rating)
                .list();
    }

    /** A unit's ratings, newest part first, at most {@code limit}. */
    public List<UnitRating> ofUnit(String unit, @Nullable LocalDate from, @Nullable LocalDate to, int limit) {
        return jdbc.sql("""
                        SELECT * FROM unit_rating WHERE unit_id = :unit
                            AND count_date >= coalesce(CAST(:from AS DATE), DATE '1900-01-01')
                            AND count_date <= coalesce(CAST(:to AS DATE), DATE '2999-12-31')
                        ORDER BY part_ended_at DESC, rating_id LIMIT :limit
                        """)
                .param("unit", unit)
                .param("from", from)
                .param("to", to)
                .param("limit", limit)
                .query(RatingStore::rating)
                .list();
    }

    private static UnitRating rating(ResultSet rs, int row) throws SQLException {
        var part = new Part(
                rs.getObject("whistle_id", UUID.class),
                rs.getObject("ticket_id", UUID.class),
                rs.getString("ticket_number"),
                rs.getString("unit_id"),
                rs.getString("centre_id"),
                UnitRated.PartEnded.valueOf(rs.getString("part_ended")),
                rs.getTimestamp("part_ended_at").toInstant(),
                rs.getTimestamp("summoned_at").toInstant(),
                instant(rs, "reported_in_at"),
                rs.getBoolean("reported_in_late"),
                instant(rs, "on_site_at"));
        var quality = rs.getString("quality");
        var assessment = quality == null
                ? null
                : new Assessment(
                        rs.getBoolean("reported_in_on_time"),
                        rs.getBoolean("came_on_site"),
                        rs.getBoolean("stayed_until_done"),
                        UnitRated.Quality.valueOf(quality),
                        rs.getInt("score"),
                        rs.getString("comment"));
        var decision = rs.getString("decision");
        return new UnitRating(
                new RatingId(rs.getObject("rating_id", UUID.class)),
                part,
                Status.valueOf(rs.getString("status")),
                rs.getLong("version"),
                assessment,
                step(rs, "rated_by", "rated_by_name", "rated_at"),
                rs.getString("appeal_reason"),
                step(rs, "appealed_by", "appealed_by_name", "appealed_at"),
                decision == null ? null : UnitRated.AppealDecision.valueOf(decision),
                (Integer) rs.getObject("decided_score"),
                rs.getString("decision_reason"),
                step(rs, "decided_by", "decided_by_name", "decided_at"));
    }

    private static @Nullable Step step(ResultSet rs, String actor, String name, String at) throws SQLException {
        var json = rs.getString(actor);
        if (json == null) {
            return null;
        }
        return new Step(
                JSON.readValue(json, Actor.class),
                rs.getString(name),
                rs.getTimestamp(at).toInstant());
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static @Nullable String actor(@Nullable Step step) {
        return step == null ? null : JSON.writeValueAsString(step.actor());
    }

    private static @Nullable String name(@Nullable Step step) {
        return step == null ? null : step.name();
    }

    private static @Nullable Timestamp at(@Nullable Step step) {
        return step == null ? null : Timestamp.from(step.at());
    }

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
