package org.whistle.members.tasks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.whistle.members.tasks.domain.Claim;
import org.whistle.members.tasks.domain.ClaimState;
import org.whistle.members.tasks.domain.Task;
import org.whistle.members.tasks.domain.TaskAction;
import org.whistle.members.tasks.domain.TaskId;
import org.whistle.members.tasks.domain.TaskKind;
import org.whistle.members.tasks.domain.TaskState;
import org.whistle.members.tasks.domain.TaskStep;
import org.whistle.members.tasks.domain.TaskWindow;
import org.whistle.problems.ConflictException;
import org.whistle.texts.Phrase;

/**
 * Tasks in PostgreSQL: the task row under its revision — a save over a newer revision is refused, so two people
 * changing one task at once (two approvers, the last place claimed twice) cannot both win — its claims and its
 * append-only timeline.
 */
@Repository
public class Tasks {

    private final JdbcClient jdbc;

    Tasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Task> byId(UUID id) {
        return jdbc.sql("SELECT * FROM task WHERE id = :id")
                .param("id", id)
                .query(this::row)
                .optional();
    }

    public Optional<Task> byWhistle(UUID whistleId) {
        return jdbc.sql("SELECT * FROM task WHERE whistle_id = :id")
                .param("id", whistleId)
                .query(this::row)
                .optional();
    }

    /** Open tasks of some compounds whose window has not ended, soonest first. */
    public List<Task> open(List<String> compounds, java.time.Instant now, int limit) {
        return jdbc.sql("""
                        SELECT * FROM task WHERE state = 'OPEN' AND compound_id = ANY(:compounds) AND ends_at > :now
                        ORDER BY starts_at LIMIT :limit""")
                .param("compounds", compounds.toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(this::row)
                .list();
    }

    /** A compound's tasks in every state, newest first, for its branch. */
    public List<Task> ofCompound(String compound, int limit) {
        return jdbc.sql("SELECT * FROM task WHERE compound_id = :compound ORDER BY published_at DESC LIMIT :limit")
                .param("compound", compound)
                .param("limit", limit)
                .query(this::row)
                .list();
    }

    /** The tasks a member claimed, newest first. */
    public List<Task> claimedBy(UUID memberId, int limit) {
        return jdbc.sql("""
                        SELECT t.* FROM task t JOIN task_claim c ON c.task_id = t.id
                        WHERE c.member_id = :member ORDER BY c.claimed_at DESC LIMIT :limit""")
                .param("member", memberId)
                .param("limit", limit)
                .query(this::row)
                .list();
    }

    public void save(Task task) {
        var spec = task.spec();
        if (task.revision() == 0) {
            jdbc.sql("""
                            INSERT INTO task (id, kind, title, description, compound_id, grid_id, place, starts_at,
                                ends_at, places, skills, points, check_in_required, publisher, publisher_name,
                                published_at, whistle_id, ticket_id, handling_unit, state, revision)
                            VALUES (:id, :kind, :title, :description, :compound, :grid, :place, :startsAt, :endsAt,
                                :places, :skills, :points, :checkIn, :publisher, :publisherName, :publishedAt,
                                :whistle, :ticket, :handlingUnit, :state, 1)
                            ON CONFLICT (whistle_id) DO NOTHING""")
                    .param("id", task.id().value())
                    .param("kind", spec.kind().name())
                    .param("title", spec.title())
                    .param("description", spec.description())
                    .param("compound", spec.compoundId())
                    .param("grid", spec.gridId())
                    .param("place", spec.place())
                    .param("startsAt", Timestamp.from(spec.window().startsAt()))
                    .param("endsAt", Timestamp.from(spec.window().endsAt()))
                    .param("places", spec.places())
                    .param("skills", spec.skills().toArray(String[]::new))
                    .param("points", spec.points())
                    .param("checkIn", spec.checkInRequired())
                    .param("publisher", task.publisher())
                    .param("publisherName", task.publisherName())
                    .param("publishedAt", Timestamp.from(task.publishedAt()))
                    .param(
                            "whistle",
                            task.whistle() == null ? null : task.whistle().whistleId())
                    .param(
                            "ticket",
                            task.whistle() == null ? null : task.whistle().ticketId())
                    .param(
                            "handlingUnit",
                            task.whistle() == null ? null : task.whistle().handlingUnit())
                    .param("state", task.state().name())
                    .update();
            if (byId(task.id().value()).isEmpty()) {
                throw new ConflictException(Phrase.of("members.refusal.whistleAlreadyTask"));
            }
        } else {
            int changed = jdbc.sql("""
                            UPDATE task SET state = :state, revision = revision + 1
                            WHERE id = :id AND revision = :revision""")
                    .param("id", task.id().value())
                    .param("state", task.state().name())
                    .param("revision", task.revision())
                    .update();
            if (changed == 0) {
                throw new ConflictException(Phrase.of("members.refusal.taskChanged"));
            }
        }
        for (var claim : task.claims()) {
            jdbc.sql("""
                            INSERT INTO task_claim (task_id, member_id, member_name, state, claimed_at, checked_in_at,
                                check_in_lat, check_in_lng, check_in_photo, finished_at, evidence, evidence_photo,
                                hours, approved_by, approved_at)
                            VALUES (:task, :member, :name, :state, :claimedAt, :checkedInAt, :lat, :lng, :checkInPhoto,
                                :finishedAt, :evidence, :evidencePhoto, :hours, :approvedBy, :approvedAt)
                            ON CONFLICT (task_id, member_id) DO UPDATE SET state = EXCLUDED.state,
                                claimed_at = EXCLUDED.claimed_at, checked_in_at = EXCLUDED.checked_in_at,
                                check_in_lat = EXCLUDED.check_in_lat, check_in_lng = EXCLUDED.check_in_lng,
                                check_in_photo = EXCLUDED.check_in_photo, finished_at = EXCLUDED.finished_at,
                                evidence = EXCLUDED.evidence, evidence_photo = EXCLUDED.evidence_photo,
                                hours = EXCLUDED.hours, approved_by = EXCLUDED.approved_by,
                                approved_at = EXCLUDED.approved_at""").params(claimParams(task, claim)).update();
        }
        for (var step : task.newSteps()) {
            jdbc.sql("""
                            INSERT INTO task_timeline (task_id, seq, at, action, actor, actor_name, member_id, note)
                            VALUES (:task, :seq, :at, :action, :actor, :actorName, :member, :note)""")
                    .param("task", task.id().value())
                    .param("seq", step.seq())
                    .param("at", Timestamp.from(step.at()))
                    .param("action", step.action().name())
                    .param("actor", step.actor())
                    .param("actorName", step.actorName())
                    .param("member", step.memberId())
                    .param("note", step.note())
                    .update();
        }
    }

    private static Map<String, @Nullable Object> claimParams(Task task, Claim c) {
        var map = new HashMap<String, @Nullable Object>();
        map.put("task", task.id().value());
        map.put("member", c.memberId());
        map.put("name", c.memberName());
        map.put("state", c.state().name());
        map.put("claimedAt", Timestamp.from(c.claimedAt()));
        map.put("checkedInAt", c.checkedInAt() == null ? null : Timestamp.from(c.checkedInAt()));
        map.put("lat", c.checkInLat());
        map.put("lng", c.checkInLng());
        map.put("checkInPhoto", c.checkInPhoto());
        map.put("finishedAt", c.finishedAt() == null ? null : Timestamp.from(c.finishedAt()));
        map.put("evidence", c.evidence());
        map.put("evidencePhoto", c.evidencePhoto());
        map.put("hours", c.hours());
        map.put("approvedBy", c.approvedBy());
        map.put("approvedAt", c.approvedAt() == null ? null : Timestamp.from(c.approvedAt()));
        return map;
    }

    private Task row(ResultSet rs, int n) throws SQLException {
        var id = rs.getObject("id", UUID.class);
        var skills = rs.getArray("skills");
        var spec = new Task.Spec(
                TaskKind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("compound_id"),
                rs.getString("grid_id"),
                rs.getString("place"),
                new TaskWindow(
                        rs.getTimestamp("starts_at").toInstant(),
                        rs.getTimestamp("ends_at").toInstant()),
                rs.getInt("places"),
                skills == null ? List.of() : Arrays.asList((String[]) skills.getArray()),
                rs.getInt("points"),
                rs.getBoolean("check_in_required"));
        var whistle = rs.getObject("whistle_id", UUID.class);
        return Task.restore(
                new TaskId(id),
                spec,
                rs.getString("publisher"),
                rs.getString("publisher_name"),
                rs.getTimestamp("published_at").toInstant(),
                whistle == null
                        ? null
                        : new Task.FromWhistle(
                                whistle, rs.getObject("ticket_id", UUID.class), rs.getString("handling_unit")),
                TaskState.valueOf(rs.getString("state")),
                rs.getLong("revision"),
                claims(id),
                steps(id));
    }

    private List<Claim> claims(UUID task) {
        return jdbc.sql("SELECT * FROM task_claim WHERE task_id = :task ORDER BY claimed_at")
                .param("task", task)
                .query((rs, n) -> new Claim(
                        rs.getObject("member_id", UUID.class),
                        rs.getString("member_name"),
                        ClaimState.valueOf(rs.getString("state")),
                        rs.getTimestamp("claimed_at").toInstant(),
                        instant(rs, "checked_in_at"),
                        (Double) rs.getObject("check_in_lat"),
                        (Double) rs.getObject("check_in_lng"),
                        rs.getObject("check_in_photo", UUID.class),
                        instant(rs, "finished_at"),
                        rs.getString("evidence"),
                        rs.getObject("evidence_photo", UUID.class),
                        rs.getBigDecimal("hours") == null
                                ? null
                                : rs.getBigDecimal("hours").setScale(1),
                        rs.getString("approved_by"),
                        instant(rs, "approved_at")))
                .list();
    }

    private List<TaskStep> steps(UUID task) {
        return jdbc.sql("SELECT * FROM task_timeline WHERE task_id = :task ORDER BY seq")
                .param("task", task)
                .query((rs, n) -> new TaskStep(
                        rs.getInt("seq"),
                        rs.getTimestamp("at").toInstant(),
                        TaskAction.valueOf(rs.getString("action")),
                        rs.getString("actor"),
                        rs.getString("actor_name"),
                        rs.getObject("member_id", UUID.class),
                        rs.getString("note")))
                .list();
    }

    private static java.time.@Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
