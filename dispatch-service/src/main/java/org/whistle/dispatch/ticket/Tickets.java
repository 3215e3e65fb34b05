package org.whistle.dispatch.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.whistle.dispatch.ticket.domain.ExtensionRequest;
import org.whistle.dispatch.ticket.domain.LevelAssignment;
import org.whistle.dispatch.ticket.domain.SupervisionOrder;
import org.whistle.dispatch.ticket.domain.Task;
import org.whistle.dispatch.ticket.domain.Ticket;
import org.whistle.dispatch.ticket.domain.TicketAction;
import org.whistle.dispatch.ticket.domain.TicketNumber;
import org.whistle.dispatch.ticket.domain.TicketSnapshot;
import org.whistle.dispatch.ticket.domain.TimelineEntry;
import org.whistle.events.Actor;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.EvidenceRef;
import org.whistle.events.TaskState;
import org.whistle.events.TicketId;
import org.whistle.events.TicketState;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleClosed.Outcome;
import org.whistle.events.WhistleId;
import org.whistle.orgreference.domain.catalogue.CategoryCode;
import org.whistle.orgreference.domain.routing.UnitCode;
import org.whistle.problems.ConflictException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores tickets in plain SQL. The ticket row's revision guards every update (optimistic locking); the ticket's parts
 * are rewritten with it, except the timeline, to which only the entries made since loading are appended.
 */
@Repository
public class Tickets {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<EvidenceRef>> EVIDENCE = new TypeReference<>() {};

    private final JdbcClient jdbc;

    Tickets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredTicket> find(TicketId id) {
        return load(id, false);
    }

    /** Reads the ticket and locks its row until the transaction ends, so changes to one ticket queue up. */
    Optional<StoredTicket> findForUpdate(TicketId id) {
        return load(id, true);
    }

    public Optional<TicketId> idOfWhistle(WhistleId whistle) {
        return jdbc.sql("SELECT id FROM ticket WHERE whistle_id = :whistle")
                .param("whistle", whistle.value())
                .query((rs, n) -> new TicketId(rs.getObject("id", UUID.class)))
                .optional();
    }

    void insert(Ticket ticket, Placement placement, Instant now) {
        jdbc.sql("""
                        INSERT INTO ticket (id, whistle_id, number, category, priority, level, owning_centre, state,
                            suspended_from, suspend_reason, revision, reopen_count, resolved_at, closed_at, outcome,
                            merged_into, reject_reason, grid_id, street_id, area_path, raised_at, updated_at)
                        VALUES (:id, :whistle, :number, :category, :priority, :level, :centre, :state,
                            :suspendedFrom, :suspendReason, :revision, :reopenCount, :resolvedAt, :closedAt, :outcome,
                            :mergedInto, :rejectReason, :grid, :street, :areaPath, :now, :now)
                        """)
                .params(rowOf(ticket))
                .param("whistle", ticket.whistleId().value())
                .param("number", ticket.number().format())
                .param("grid", placement.gridId())
                .param("street", placement.streetId())
                .param("areaPath", placement.areaPath().toArray(String[]::new))
                .param("now", time(now))
                .update();
        writeParts(ticket, 0);
        awaitCheckpoint(ticket);
    }

    void update(Ticket ticket, long expectedRevision, Instant now) {
        int updated = jdbc.sql("""
                        UPDATE ticket SET category = :category, priority = :priority, level = :level,
                            owning_centre = :centre, state = :state, suspended_from = :suspendedFrom,
                            suspend_reason = :suspendReason, revision = :revision, reopen_count = :reopenCount,
                            resolved_at = :resolvedAt, closed_at = :closedAt, outcome = :outcome,
                            merged_into = :mergedInto, reject_reason = :rejectReason, updated_at = :now
                        WHERE id = :id AND revision = :expected
                        """)
                .params(rowOf(ticket))
                .param("expected", expectedRevision)
                .param("now", time(now))
                .update();
        if (updated != 1) {
            throw new ConflictException("ticket " + ticket.number() + " changed meanwhile (expected revision "
                    + expectedRevision + "); it is " + ticket.state() + " here, reload and try again");
        }
        for (var table : List.of(
                "ticket_extension_request",
                "ticket_task",
                "ticket_supervision_order",
                "ticket_level_history",
                "ticket_red_list")) {
            jdbc.sql("DELETE FROM " + table + " WHERE ticket_id = :id")
                    .param("id", ticket.id().value())
                    .update();
        }
        writeParts(ticket, expectedRevision);
        awaitCheckpoint(ticket);
    }

    /**
     * Marks the ticket's new timeline head for the next checkpoint (ADR 0016), in the transaction of the change: a
     * ticket changed twice before a checkpoint is anchored once, at its latest head.
     */
    private void awaitCheckpoint(Ticket ticket) {
        jdbc.sql("""
                        INSERT INTO timeline_head_pending (ticket_id, whistle_id, sequence, hash)
                        VALUES (:id, :whistle, :sequence, :hash)
                        ON CONFLICT (ticket_id) DO UPDATE
                            SET sequence = EXCLUDED.sequence, hash = EXCLUDED.hash, changed_at = now()
                        """)
                .param("id", ticket.id().value())
                .param("whistle", ticket.whistleId().value())
                .param("sequence", ticket.revision())
                .param("hash", ticket.timeline().headHash())
                .update();
    }

    private static Map<String, @Nullable Object> rowOf(Ticket t) {
        var row = new java.util.HashMap<String, @Nullable Object>();
        row.put("id", t.id().value());
        row.put("category", t.category().value());
        row.put("priority", t.priority().name());
        row.put("level", t.level().name());
        row.put("centre", t.owningCentre().value());
        row.put("state", t.state().name());
        row.put("suspendedFrom", t.suspendedFrom().map(Enum::name).orElse(null));
        row.put("suspendReason", t.suspendReason().orElse(null));
        row.put("revision", t.revision());
        row.put("reopenCount", t.reopenCount());
        row.put("resolvedAt", t.resolvedAt().map(Tickets::time).orElse(null));
        row.put("closedAt", t.closedAt().map(Tickets::time).orElse(null));
        row.put("outcome", t.outcome().map(Enum::name).orElse(null));
        row.put("mergedInto", t.mergedInto().map(TicketId::value).orElse(null));
        row.put("rejectReason", t.rejectReason().orElse(null));
        return row;
    }

    private void writeParts(Ticket ticket, long storedRevision) {
        var id = ticket.id().value();
        int ordinal = 0;
        for (Task task : ticket.tasks()) {
            jdbc.sql("""
                            INSERT INTO ticket_task (ticket_id, unit, ordinal, lead, state, summoned_at, reported_in_at,
                                done_at, decline_reason, rework_count)
                            VALUES (:id, :unit, :ordinal, :lead, :state, :summonedAt, :reportedInAt, :doneAt,
                                :declineReason, :reworkCount)
                            """)
                    .param("id", id)
                    .param("unit", task.unit().value())
                    .param("ordinal", ordinal++)
                    .param("lead", task.lead())
                    .param("state", task.state().name())
                    .param("summonedAt", time(task.summonedAt()))
                    .param(
                            "reportedInAt",
                            task.reportedInAt().map(Tickets::time).orElse(null))
                    .param("doneAt", task.doneAt().map(Tickets::time).orElse(null))
                    .param("declineReason", task.declineReason().orElse(null))
                    .param("reworkCount", task.reworkCount())
                    .update();
            int n = 0;
            for (ExtensionRequest request : task.extensions()) {
                jdbc.sql("""
                                INSERT INTO ticket_extension_request (ticket_id, unit, ordinal, clock, extra_time,
                                    reason, requested_at, status, answer, answered_at)
                                VALUES (:id, :unit, :ordinal, :clock, :extraTime, :reason, :requestedAt, :status,
                                    :answer, :answeredAt)
                                """)
                        .param("id", id)
                        .param("unit", task.unit().value())
                        .param("ordinal", ++n)
                        .param("clock", request.clock().name())
                        .param("extraTime", request.extraTime().toString())
                        .param("reason", request.reason())
                        .param("requestedAt", time(request.requestedAt()))
                        .param("status", request.status().name())
                        .param("answer", request.answer())
                        .param("answeredAt", request.answeredAt() == null ? null : time(request.answeredAt()))
                        .update();
            }
        }
        for (SupervisionOrder order : ticket.supervisionOrders()) {
            jdbc.sql("""
                            INSERT INTO ticket_supervision_order (ticket_id, number, against, clock, from_level,
                                to_level, red_list, issued_at, kind, issued_by, reason, due_by)
                            VALUES (:id, :number, :against, :clock, :fromLevel, :toLevel, :redList, :issuedAt,
                                :kind, :issuedBy, :reason, :dueBy)
                            """)
                    .param("id", id)
                    .param("number", order.number())
                    .param("against", order.against().value())
                    .param("clock", order.clock() == null ? null : order.clock().name())
                    .param("kind", order.kind().name())
                    .param(
                            "issuedBy",
                            order.issuedBy() == null ? null : order.issuedBy().name())
                    .param("reason", order.reason())
                    .param("dueBy", order.dueBy() == null ? null : time(order.dueBy()))
                    .param("fromLevel", order.fromLevel().name())
                    .param(
                            "toLevel",
                            order.toLevel() == null ? null : order.toLevel().name())
                    .param("redList", order.redList())
                    .param("issuedAt", time(order.issuedAt()))
                    .update();
        }
        int stretch = 0;
        for (LevelAssignment assignment : ticket.levelHistory()) {
            jdbc.sql("""
                            INSERT INTO ticket_level_history (ticket_id, ordinal, level, centre, since)
                            VALUES (:id, :ordinal, :level, :centre, :since)
                            """)
                    .param("id", id)
                    .param("ordinal", ++stretch)
                    .param("level", assignment.level().name())
                    .param("centre", assignment.centre().value())
                    .param("since", time(assignment.since()))
                    .update();
        }
        for (UnitCode unit : ticket.redListedUnits()) {
            jdbc.sql("INSERT INTO ticket_red_list (ticket_id, unit) VALUES (:id, :unit)")
                    .param("id", id)
                    .param("unit", unit.value())
                    .update();
        }
        for (TimelineEntry entry : ticket.timeline().entries()) {
            if (entry.sequence() <= storedRevision) {
                continue;
            }
            jdbc.sql("""
                            INSERT INTO ticket_timeline_entry (ticket_id, sequence, at, actor_user_id, actor_org_unit,
                                actor_role, action, note, evidence, state_before, state_after, unit, previous_hash,
                                hash)
                            VALUES (:id, :sequence, :at, :userId, :orgUnit, :role, :action, :note,
                                CAST(:evidence AS jsonb), :before, :after, :unit, :previousHash, :hash)
                            """)
                    .param("id", id)
                    .param("sequence", entry.sequence())
                    .param("at", time(entry.at()))
                    .param("userId", entry.actor().userId())
                    .param("orgUnit", entry.actor().orgUnitId())
                    .param("role", entry.actor().role())
                    .param("action", entry.action().name())
                    .param("note", entry.note())
                    .param("evidence", JSON.writeValueAsString(entry.evidence()))
                    .param(
                            "before",
                            entry.stateBefore() == null
                                    ? null
                                    : entry.stateBefore().name())
                    .param("after", entry.stateAfter().name())
                    .param("unit", entry.unit() == null ? null : entry.unit().value())
                    .param("previousHash", entry.previousHash())
                    .param("hash", entry.hash())
                    .update();
        }
    }

    private Optional<StoredTicket> load(TicketId ticketId, boolean forUpdate) {
        var id = ticketId.value();
        var head = jdbc.sql("SELECT * FROM ticket WHERE id = :id" + (forUpdate ? " FOR UPDATE" : ""))
                .param("id", id)
                .query((rs, n) -> rs.getObject("id") == null ? null : new Head(rs))
                .optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        var extensions = jdbc
                .sql("SELECT * FROM ticket_extension_request WHERE ticket_id = :id ORDER BY unit, ordinal")
                .param("id", id)
                .query((rs, n) -> new ExtensionRequest(
                        UnitCode.of(rs.getString("unit")),
                        ClockKind.valueOf(rs.getString("clock")),
                        Duration.parse(rs.getString("extra_time")),
                        rs.getString("reason"),
                        instant(rs, "requested_at"),
                        ExtensionRequest.Status.valueOf(rs.getString("status")),
                        rs.getString("answer"),
                        instantOrNull(rs, "answered_at")))
                .list()
                .stream()
                .collect(Collectors.groupingBy(ExtensionRequest::unit));
        var tasks = jdbc.sql("SELECT * FROM ticket_task WHERE ticket_id = :id ORDER BY ordinal")
                .param("id", id)
                .query((rs, n) -> {
                    var unit = UnitCode.of(rs.getString("unit"));
                    return new TicketSnapshot.TaskSnapshot(
                            unit,
                            rs.getBoolean("lead"),
                            instant(rs, "summoned_at"),
                            TaskState.valueOf(rs.getString("state")),
                            instantOrNull(rs, "reported_in_at"),
                            instantOrNull(rs, "done_at"),
                            rs.getString("decline_reason"),
                            rs.getInt("rework_count"),
                            extensions.getOrDefault(unit, List.of()));
                })
                .list();
        var orders = jdbc.sql("SELECT * FROM ticket_supervision_order WHERE ticket_id = :id ORDER BY number")
                .param("id", id)
                .query((rs, n) -> new SupervisionOrder(
                        rs.getInt("number"),
                        SupervisionOrder.Kind.valueOf(rs.getString("kind")),
                        UnitCode.of(rs.getString("against")),
                        rs.getString("clock") == null ? null : ClockKind.valueOf(rs.getString("clock")),
                        CommandLevel.valueOf(rs.getString("from_level")),
                        rs.getString("to_level") == null ? null : CommandLevel.valueOf(rs.getString("to_level")),
                        rs.getBoolean("red_list"),
                        instant(rs, "issued_at"),
                        rs.getString("issued_by") == null ? null : CommandLevel.valueOf(rs.getString("issued_by")),
                        rs.getString("reason"),
                        rs.getString("due_by") == null ? null : instant(rs, "due_by")))
                .list();
        var levels = jdbc.sql("SELECT * FROM ticket_level_history WHERE ticket_id = :id ORDER BY ordinal")
                .param("id", id)
                .query((rs, n) -> new LevelAssignment(
                        CommandLevel.valueOf(rs.getString("level")),
                        UnitCode.of(rs.getString("centre")),
                        instant(rs, "since")))
                .list();
        var redListed = new LinkedHashSet<>(jdbc.sql("SELECT unit FROM ticket_red_list WHERE ticket_id = :id")
                .param("id", id)
                .query((rs, n) -> UnitCode.of(rs.getString("unit")))
                .list());
        var timeline = jdbc.sql("SELECT * FROM ticket_timeline_entry WHERE ticket_id = :id ORDER BY sequence")
                .param("id", id)
                .query((rs, n) -> new TimelineEntry(
                        rs.getLong("sequence"),
                        instant(rs, "at"),
                        new Actor(
                                rs.getString("actor_user_id"),
                                rs.getString("actor_org_unit"),
                                rs.getString("actor_role")),
                        TicketAction.valueOf(rs.getString("action")),
                        rs.getString("note"),
                        JSON.readValue(rs.getString("evidence"), EVIDENCE),
                        rs.getString("state_before") == null ? null : TicketState.valueOf(rs.getString("state_before")),
                        TicketState.valueOf(rs.getString("state_after")),
                        rs.getString("unit") == null ? null : UnitCode.of(rs.getString("unit")),
                        rs.getString("previous_hash"),
                        rs.getString("hash")))
                .list();
        var h = head.get();
        var snapshot = new TicketSnapshot(
                new TicketId(id),
                h.whistle,
                TicketNumber.parse(h.number),
                CategoryCode.of(h.category),
                Urgency.valueOf(h.priority),
                CommandLevel.valueOf(h.level),
                UnitCode.of(h.centre),
                TicketState.valueOf(h.state),
                h.suspendedFrom == null ? null : TicketState.valueOf(h.suspendedFrom),
                h.suspendReason,
                tasks,
                h.revision,
                orders,
                redListed,
                levels,
                h.reopenCount,
                h.resolvedAt,
                h.closedAt,
                h.outcome == null ? null : Outcome.valueOf(h.outcome),
                h.mergedInto == null ? null : new TicketId(h.mergedInto),
                h.rejectReason);
        return Optional.of(
                new StoredTicket(snapshot, timeline, new Placement(h.grid, h.street, h.areaPath), h.raisedAt));
    }

    /** The ticket row, read once. */
    private static final class Head {
        final WhistleId whistle;
        final String number;
        final String category;
        final String priority;
        final String level;
        final String centre;
        final String state;
        final @Nullable String suspendedFrom;
        final @Nullable String suspendReason;
        final long revision;
        final int reopenCount;
        final @Nullable Instant resolvedAt;
        final @Nullable Instant closedAt;
        final @Nullable String outcome;
        final @Nullable UUID mergedInto;
        final @Nullable String rejectReason;
        final @Nullable String grid;
        final @Nullable String street;
        final List<String> areaPath;
        final Instant raisedAt;

        Head(ResultSet rs) throws SQLException {
            whistle = new WhistleId(rs.getObject("whistle_id", UUID.class));
            number = rs.getString("number");
            category = rs.getString("category");
            priority = rs.getString("priority");
            level = rs.getString("level");
            centre = rs.getString("owning_centre");
            state = rs.getString("state");
            suspendedFrom = rs.getString("suspended_from");
            suspendReason = rs.getString("suspend_reason");
            revision = rs.getLong("revision");
            reopenCount = rs.getInt("reopen_count");
            resolvedAt = instantOrNull(rs, "resolved_at");
            closedAt = instantOrNull(rs, "closed_at");
            outcome = rs.getString("outcome");
            mergedInto = rs.getObject("merged_into", UUID.class);
            rejectReason = rs.getString("reject_reason");
            grid = rs.getString("grid_id");
            street = rs.getString("street_id");
            areaPath =
                    new ArrayList<>(List.of((String[]) rs.getArray("area_path").getArray()));
            raisedAt = instant(rs, "raised_at");
        }
    }

    static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
