package org.whistle.dispatch.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.whistle.dispatch.ticket.domain.ExtensionRequest;
import org.whistle.dispatch.ticket.domain.LevelAssignment;
import org.whistle.dispatch.ticket.domain.SupervisionOrder;
import org.whistle.dispatch.ticket.domain.Ticket;
import org.whistle.dispatch.ticket.domain.TicketAction;
import org.whistle.dispatch.ticket.domain.TicketNumber;
import org.whistle.dispatch.ticket.domain.TicketSnapshot;
import org.whistle.dispatch.ticket.domain.TimelineEntry;
import org.whistle.events.Actor;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.EvidenceRef;
import org.whistle.events.GeoPoint;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores tickets in plain SQL, the one place that maps a {@link TicketSnapshot} and its timeline to rows and back.
 * A ticket is read in one round trip, its parts as JSON beside the ticket row. A change is written in one statement:
 * the ticket row under its revision (optimistic locking) and only if the stored timeline head is the one the new
 * entries follow, the part rows that changed (upserted or deleted, compared with the snapshot that was read), the new
 * timeline entries and the head awaiting its checkpoint (ADR 0021).
 */
@Repository
public class Tickets {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<EvidenceRef>> EVIDENCE = new TypeReference<>() {};

    private static final String READ = """
            SELECT t.*,
                (SELECT coalesce(json_agg(p ORDER BY p.ordinal), '[]') FROM ticket_task p
                    WHERE p.ticket_id = t.id) AS tasks_json,
                (SELECT coalesce(json_agg(p ORDER BY p.unit, p.ordinal), '[]') FROM ticket_extension_request p
                    WHERE p.ticket_id = t.id) AS extensions_json,
                (SELECT coalesce(json_agg(p ORDER BY p.number), '[]') FROM ticket_supervision_order p
                    WHERE p.ticket_id = t.id) AS orders_json,
                (SELECT coalesce(json_agg(p ORDER BY p.ordinal), '[]') FROM ticket_level_history p
                    WHERE p.ticket_id = t.id) AS levels_json,
                (SELECT coalesce(json_agg(p.unit), '[]') FROM ticket_red_list p
                    WHERE p.ticket_id = t.id) AS red_list_json,
                (SELECT coalesce(json_agg(p ORDER BY p.sequence), '[]') FROM ticket_timeline_entry p
                    WHERE p.ticket_id = t.id) AS timeline_json
            FROM ticket t WHERE t.id = :id
            """;

    /** A part table: its name, its key columns, and how a snapshot becomes its rows. */
    private record Part(
            String table, List<String> key, Function<TicketSnapshot, List<Map<String, @Nullable Object>>> rows) {}

    private static final List<Part> PARTS = List.of(
            new Part("ticket_task", List.of("unit"), Tickets::taskRows),
            new Part("ticket_extension_request", List.of("unit", "ordinal"), Tickets::extensionRows),
            new Part("ticket_supervision_order", List.of("number"), Tickets::orderRows),
            new Part("ticket_level_history", List.of("ordinal"), Tickets::levelRows),
            new Part("ticket_red_list", List.of("unit"), Tickets::redListRows));

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

    /**
     * Stores a new ticket — its row, parts, first timeline entries and head — in one statement, so the day's number
     * counter locked just before (the last thing a raise takes) is held for one round trip and the commit.
     */
    void insert(Ticket ticket, Placement placement, @Nullable SearchText search, Instant now) {
        var snapshot = ticket.snapshot();
        var row = ticketRow(snapshot);
        row.put("whistle_id", snapshot.whistleId().value().toString());
        row.put("number", snapshot.number().format());
        row.put("grid_id", placement.gridId());
        row.put("street_id", placement.streetId());
        row.put("area_path", placement.areaPath());
        if (placement.point() != null) {
            row.put("lat", placement.point().lat());
            row.put("lng", placement.point().lng());
        }
        if (search != null) {
            row.put("search_text", search.text());
            row.put("search_grams", search.bigrams());
        }
        row.put("raised_at", text(now));
        row.put("updated_at", text(now));
        var columns = String.join(", ", row.keySet());
        write(
                ticket,
                null,
                now,
                "INSERT INTO ticket (" + columns + ") SELECT " + columns
                        + " FROM jsonb_populate_record(NULL::ticket, CAST(:ticket AS jsonb))"
                        + " RETURNING id, grid_id, street_id, area_path",
                Map.of("ticket", JSON.writeValueAsString(row)));
    }

    /**
     * Stores the changed ticket over {@code before}, what was read for the change, in one statement.
     *
     * @throws ConflictException when the stored ticket is no longer at {@code before}'s revision and head
     */
    void update(Ticket ticket, StoredTicket before, Instant now) {
        long expected = before.snapshot().revision();
        var head = before.timeline().isEmpty()
                ? TimelineEntry.GENESIS
                : before.timeline().getLast().hash();
        var row = ticketRow(ticket.snapshot());
        row.remove("id");
        row.put("updated_at", text(now));
        var columns = String.join(", ", row.keySet());
        var params = new HashMap<String, @Nullable Object>();
        params.put("ticket", JSON.writeValueAsString(row));
        params.put("expected", expected);
        params.put("expectedHead", head);
        int updated = write(
                ticket,
                before.snapshot(),
                null,
                "UPDATE ticket t SET (" + columns + ") = (SELECT " + columns
                        + " FROM jsonb_populate_record(NULL::ticket, CAST(:ticket AS jsonb)))"
                        + " WHERE t.id = :id AND t.revision = :expected AND (:expected = 0 OR EXISTS ("
                        + "SELECT 1 FROM ticket_timeline_entry e"
                        + " WHERE e.ticket_id = :id AND e.sequence = :expected AND e.hash = :expectedHead))"
                        + " RETURNING t.id, t.grid_id, t.street_id, t.area_path",
                params);
        if (updated != 1) {
            throw new ConflictException("ticket " + ticket.number() + " changed meanwhile (expected revision "
                    + expected + "); it is " + ticket.state() + " here, reload and try again");
        }
    }

    /**
     * One statement: {@code headSql} (returning the ticket's id when it may be written), then — only if it did — the
     * part rows that differ from {@code before}, the timeline entries after {@code before}'s revision, and the new
     * head marked for the next checkpoint (ADR 0016): a ticket changed twice before a checkpoint is anchored once —
     * and the overview's counters moved by what the change makes of the ticket's share (ADR 0030), keyed by where the
     * ticket was raised as {@code headSql} returns it, so they count exactly what is stored.
     *
     * @return 1 when written, 0 when {@code headSql} refused
     */
    private int write(
            Ticket ticket,
            @Nullable TicketSnapshot before,
            @Nullable Instant raisedAt,
            String headSql,
            Map<String, @Nullable Object> headParams) {
        var after = ticket.snapshot();
        var params = new HashMap<String, @Nullable Object>(headParams);
        params.put("id", after.id().value());
        var sql = new StringBuilder("WITH head AS (").append(headSql).append(")");
        int n = 0;
        for (var part : PARTS) {
            var old = keyed(part, before == null ? List.of() : part.rows().apply(before));
            var now = keyed(part, part.rows().apply(after));
            var changed = now.entrySet().stream()
                    .filter(e -> !e.getValue().equals(old.get(e.getKey())))
                    .map(Map.Entry::getValue)
                    .toList();
            var gone = old.entrySet().stream()
                    .filter(e -> !now.containsKey(e.getKey()))
                    .map(Map.Entry::getValue)
                    .toList();
            if (!gone.isEmpty()) {
                var name = "gone" + n++;
                var match = part.key().stream().map(k -> "p." + k + " = g." + k).collect(Collectors.joining(" AND "));
                sql.append(", ")
                        .append(name)
                        .append(" AS (DELETE FROM ")
                        .append(part.table())
                        .append(" p USING")
                        .append(" jsonb_populate_recordset(NULL::")
                        .append(part.table())
                        .append(", CAST(:")
                        .append(name)
                        .append(" AS jsonb)) g WHERE p.ticket_id = :id AND ")
                        .append(match)
                        .append(" AND EXISTS (SELECT 1 FROM head))");
                params.put(name, JSON.writeValueAsString(gone));
            }
            if (!changed.isEmpty()) {
                var name = "rows" + n++;
                var columns = changed.getFirst().keySet();
                var updates = columns.stream()
                        .filter(c -> !c.equals("ticket_id") && !part.key().contains(c))
                        .map(c -> c + " = EXCLUDED." + c)
                        .collect(Collectors.joining(", "));
                sql.append(", ")
                        .append(name)
                        .append(" AS (INSERT INTO ")
                        .append(part.table())
                        .append(" (")
                        .append(String.join(", ", columns))
                        .append(") SELECT ")
                        .append(String.join(", ", columns))
                        .append(" FROM jsonb_populate_recordset(NULL::")
                        .append(part.table())
                        .append(", CAST(:")
                        .append(name)
                        .append(" AS jsonb)) WHERE EXISTS (SELECT 1 FROM head) ON CONFLICT (ticket_id, ")
                        .append(String.join(", ", part.key()))
                        .append(") DO ")
                        .append(updates.isEmpty() ? "NOTHING" : "UPDATE SET " + updates)
                        .append(")");
                params.put(name, JSON.writeValueAsString(changed));
            }
        }
        long stored = before == null ? 0 : before.revision();
        var entries = ticket.timeline().entries().stream()
                .filter(entry -> entry.sequence() > stored)
                .map(entry -> timelineRow(after.id(), entry))
                .toList();
        if (!entries.isEmpty()) {
            sql.append(", timeline AS (INSERT INTO ticket_timeline_entry SELECT * FROM")
                    .append(" jsonb_populate_recordset(NULL::ticket_timeline_entry, CAST(:timeline AS jsonb))")
                    .append(" WHERE EXISTS (SELECT 1 FROM head))");
            params.put("timeline", JSON.writeValueAsString(entries));
        }
        counters(TicketCounts.between(before, after, raisedAt), TicketCounts.slot(after), sql, params);
        sql.append("""
                , pending AS (INSERT INTO timeline_head_pending (ticket_id, whistle_id, sequence, hash)
                    SELECT :id, :pendingWhistle, :pendingSequence, :pendingHash WHERE EXISTS (SELECT 1 FROM head)
                    ON CONFLICT (ticket_id) DO UPDATE
                        SET sequence = EXCLUDED.sequence, hash = EXCLUDED.hash, changed_at = now())
                SELECT count(*) FROM head
                """);
        params.put("pendingWhistle", after.whistleId().value());
        params.put("pendingSequence", after.revision());
        params.put("pendingHash", ticket.timeline().headHash());
        return jdbc.sql(sql.toString()).params(params).query(Integer.class).single();
    }

    /** The counter rows moved by {@code delta}, added to each in one upsert per counter table. */
    private static void counters(
            TicketCounts.Delta delta, int slot, StringBuilder sql, Map<String, @Nullable Object> params) {
        if (delta.isEmpty()) {
            return;
        }
        var place = "h.area_path, coalesce(h.grid_id, ''), coalesce(h.street_id, ''), ";
        params.put("countSlot", slot);
        if (!delta.open().isEmpty()) {
            sql.append("""
                    , open_counted AS (INSERT INTO ticket_open_count
                            (area_path, grid_id, street_id, level, state, slot, n)
                        SELECT %s d.level, d.state, :countSlot, d.n
                        FROM head h, jsonb_to_recordset(CAST(:openCounts AS jsonb)) AS d(level text, state text, n bigint)
                        ON CONFLICT (area_path, grid_id, street_id, level, state, slot)
                        DO UPDATE SET n = ticket_open_count.n + EXCLUDED.n)
                    """.formatted(place));
            params.put("openCounts", JSON.writeValueAsString(delta.openRows()));
        }
        if (!delta.openTasks().isEmpty()) {
            sql.append("""
                    , task_counted AS (INSERT INTO ticket_open_task_count
                            (area_path, grid_id, street_id, unit, slot, n)
                        SELECT %s d.unit, :countSlot, d.n
                        FROM head h, jsonb_to_recordset(CAST(:taskCounts AS jsonb)) AS d(unit text, n bigint)
                        ON CONFLICT (area_path, grid_id, street_id, unit, slot)
                        DO UPDATE SET n = ticket_open_task_count.n + EXCLUDED.n)
                    """.formatted(place));
            params.put("taskCounts", JSON.writeValueAsString(delta.openTaskRows()));
        }
        if (!delta.raised().isEmpty() || !delta.closed().isEmpty()) {
            sql.append("""
                    , day_counted AS (INSERT INTO ticket_day_count
                            (day, area_path, grid_id, street_id, slot, raised, closed)
                        SELECT d.day, %s :countSlot, d.raised, d.closed
                        FROM head h, jsonb_to_recordset(CAST(:dayCounts AS jsonb))
                            AS d(day date, raised bigint, closed bigint)
                        ON CONFLICT (day, area_path, grid_id, street_id, slot)
                        DO UPDATE SET raised = ticket_day_count.raised + EXCLUDED.raised,
                            closed = ticket_day_count.closed + EXCLUDED.closed)
                    """.formatted(place));
            params.put("dayCounts", JSON.writeValueAsString(delta.dayRows()));
        }
    }

    private static Map<List<@Nullable Object>, Map<String, @Nullable Object>> keyed(
            Part part, List<Map<String, @Nullable Object>> rows) {
        var keyed = new LinkedHashMap<List<@Nullable Object>, Map<String, @Nullable Object>>();
        for (var row : rows) {
            keyed.put(part.key().stream().map(row::get).toList(), row);
        }
        return keyed;
    }

    // ---- snapshot → rows ---------------------------------------------------------------------------------------

    /** The ticket row's columns that change with the ticket; where and when it was raised is written once. */
    private static Map<String, @Nullable Object> ticketRow(TicketSnapshot t) {
        var row = new LinkedHashMap<String, @Nullable Object>();
        row.put("id", t.id().value().toString());
        row.put("category", t.category().value());
        row.put("priority", t.priority().name());
        row.put("level", t.level().name());
        row.put("owning_centre", t.owningCentre().value());
        row.put("state", t.state().name());
        row.put("suspended_from", name(t.suspendedFrom()));
        row.put("suspend_reason", t.suspendReason());
        row.put("revision", t.revision());
        row.put("reopen_count", t.reopenCount());
        row.put("resolved_at", text(t.resolvedAt()));
        row.put("closed_at", text(t.closedAt()));
        row.put("outcome", name(t.outcome()));
        row.put(
                "merged_into",
                t.mergedInto() == null ? null : t.mergedInto().value().toString());
        row.put("reject_reason", t.rejectReason());
        return row;
    }

    private static List<Map<String, @Nullable Object>> taskRows(TicketSnapshot t) {
        var rows = new ArrayList<Map<String, @Nullable Object>>();
        for (var task : t.tasks()) {
            var row = row(t);
            row.put("unit", task.unit().value());
            row.put("ordinal", rows.size());
            row.put("lead", task.lead());
            row.put("state", task.state().name());
            row.put("summoned_at", text(task.summonedAt()));
            row.put("reported_in_at", text(task.reportedInAt()));
            row.put("done_at", text(task.doneAt()));
            row.put("decline_reason", task.declineReason());
            row.put("rework_count", task.reworkCount());
            row.put("settled_at", text(task.settledAt()));
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, @Nullable Object>> extensionRows(TicketSnapshot t) {
        var rows = new ArrayList<Map<String, @Nullable Object>>();
        for (var task : t.tasks()) {
            int ordinal = 0;
            for (var request : task.extensions()) {
                var row = row(t);
                row.put("unit", task.unit().value());
                row.put("ordinal", ++ordinal);
                row.put("clock", request.clock().name());
                row.put("extra_time", request.extraTime().toString());
                row.put("reason", request.reason());
                row.put("requested_at", text(request.requestedAt()));
                row.put("status", request.status().name());
                row.put("answer", request.answer());
                row.put("answered_at", text(request.answeredAt()));
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<Map<String, @Nullable Object>> orderRows(TicketSnapshot t) {
        var rows = new ArrayList<Map<String, @Nullable Object>>();
        for (var order : t.supervisionOrders()) {
            var row = row(t);
            row.put("number", order.number());
            row.put("against", order.against().value());
            row.put("clock", name(order.clock()));
            row.put("from_level", order.fromLevel().name());
            row.put("to_level", name(order.toLevel()));
            row.put("red_list", order.redList());
            row.put("issued_at", text(order.issuedAt()));
            row.put("kind", order.kind().name());
            row.put("issued_by", name(order.issuedBy()));
            row.put("reason", order.reason());
            row.put("due_by", text(order.dueBy()));
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, @Nullable Object>> levelRows(TicketSnapshot t) {
        var rows = new ArrayList<Map<String, @Nullable Object>>();
        for (var assignment : t.levelHistory()) {
            var row = row(t);
            row.put("ordinal", rows.size() + 1);
            row.put("level", assignment.level().name());
            row.put("centre", assignment.centre().value());
            row.put("since", text(assignment.since()));
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, @Nullable Object>> redListRows(TicketSnapshot t) {
        var rows = new ArrayList<Map<String, @Nullable Object>>();
        for (var unit : t.redListed()) {
            var row = row(t);
            row.put("unit", unit.value());
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, @Nullable Object> timelineRow(TicketId ticket, TimelineEntry entry) {
        var row = new LinkedHashMap<String, @Nullable Object>();
        row.put("ticket_id", ticket.value().toString());
        row.put("sequence", entry.sequence());
        row.put("at", text(entry.at()));
        row.put("actor_user_id", entry.actor().userId());
        row.put("actor_org_unit", entry.actor().orgUnitId());
        row.put("actor_role", entry.actor().role());
        row.put("action", entry.action().name());
        row.put("note", entry.note());
        row.put("evidence", entry.evidence());
        row.put("state_before", name(entry.stateBefore()));
        row.put("state_after", entry.stateAfter().name());
        row.put("unit", entry.unit() == null ? null : entry.unit().value());
        row.put("previous_hash", entry.previousHash());
        row.put("hash", entry.hash());
        return row;
    }

    private static Map<String, @Nullable Object> row(TicketSnapshot t) {
        var row = new LinkedHashMap<String, @Nullable Object>();
        row.put("ticket_id", t.id().value().toString());
        return row;
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static @Nullable String text(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }

    // ---- rows → snapshot ---------------------------------------------------------------------------------------

    private Optional<StoredTicket> load(TicketId ticketId, boolean forUpdate) {
        return jdbc.sql(READ + (forUpdate ? " FOR UPDATE OF t" : ""))
                .param("id", ticketId.value())
                .query((rs, n) -> stored(rs))
                .optional();
    }

    private static StoredTicket stored(ResultSet rs) throws SQLException {
        var id = new TicketId(rs.getObject("id", UUID.class));
        var extensions = new LinkedHashMap<UnitCode, List<ExtensionRequest>>();
        for (var p : json(rs, "extensions_json")) {
            var unit = UnitCode.of(string(p, "unit"));
            extensions
                    .computeIfAbsent(unit, u -> new ArrayList<>())
                    .add(new ExtensionRequest(
                            unit,
                            ClockKind.valueOf(string(p, "clock")),
                            Duration.parse(string(p, "extra_time")),
                            string(p, "reason"),
                            instant(p, "requested_at"),
                            ExtensionRequest.Status.valueOf(string(p, "status")),
                            stringOrNull(p, "answer"),
                            instantOrNull(p, "answered_at")));
        }
        var tasks = new ArrayList<TicketSnapshot.TaskSnapshot>();
        for (var p : json(rs, "tasks_json")) {
            var unit = UnitCode.of(string(p, "unit"));
            tasks.add(new TicketSnapshot.TaskSnapshot(
                    unit,
                    p.get("lead").asBoolean(),
                    instant(p, "summoned_at"),
                    TaskState.valueOf(string(p, "state")),
                    instantOrNull(p, "reported_in_at"),
                    instantOrNull(p, "done_at"),
                    stringOrNull(p, "decline_reason"),
                    p.get("rework_count").asInt(),
                    extensions.getOrDefault(unit, List.of()),
                    instantOrNull(p, "settled_at")));
        }
        var orders = new ArrayList<SupervisionOrder>();
        for (var p : json(rs, "orders_json")) {
            orders.add(new SupervisionOrder(
                    p.get("number").asInt(),
                    SupervisionOrder.Kind.valueOf(string(p, "kind")),
                    UnitCode.of(string(p, "against")),
                    stringOrNull(p, "clock") == null ? null : ClockKind.valueOf(string(p, "clock")),
                    CommandLevel.valueOf(string(p, "from_level")),
                    stringOrNull(p, "to_level") == null ? null : CommandLevel.valueOf(string(p, "to_level")),
                    p.get("red_list").asBoolean(),
                    instant(p, "issued_at"),
                    stringOrNull(p, "issued_by") == null ? null : CommandLevel.valueOf(string(p, "issued_by")),
                    stringOrNull(p, "reason"),
                    instantOrNull(p, "due_by")));
        }
        var levels = new ArrayList<LevelAssignment>();
        for (var p : json(rs, "levels_json")) {
            levels.add(new LevelAssignment(
                    CommandLevel.valueOf(string(p, "level")), UnitCode.of(string(p, "centre")), instant(p, "since")));
        }
        var redListed = new LinkedHashSet<UnitCode>();
        for (var p : json(rs, "red_list_json")) {
            redListed.add(UnitCode.of(p.asString()));
        }
        var timeline = new ArrayList<TimelineEntry>();
        for (var p : json(rs, "timeline_json")) {
            timeline.add(new TimelineEntry(
                    p.get("sequence").asLong(),
                    instant(p, "at"),
                    new Actor(
                            string(p, "actor_user_id"),
                            stringOrNull(p, "actor_org_unit"),
                            stringOrNull(p, "actor_role")),
                    TicketAction.valueOf(string(p, "action")),
                    stringOrNull(p, "note"),
                    JSON.readValue(p.get("evidence").toString(), EVIDENCE),
                    stringOrNull(p, "state_before") == null ? null : TicketState.valueOf(string(p, "state_before")),
                    TicketState.valueOf(string(p, "state_after")),
                    stringOrNull(p, "unit") == null ? null : UnitCode.of(string(p, "unit")),
                    string(p, "previous_hash"),
                    string(p, "hash")));
        }
        var outcome = rs.getString("outcome");
        var suspendedFrom = rs.getString("suspended_from");
        var mergedInto = rs.getObject("merged_into", UUID.class);
        var snapshot = new TicketSnapshot(
                id,
                new WhistleId(rs.getObject("whistle_id", UUID.class)),
                TicketNumber.parse(rs.getString("number")),
                CategoryCode.of(rs.getString("category")),
                Urgency.valueOf(rs.getString("priority")),
                CommandLevel.valueOf(rs.getString("level")),
                UnitCode.of(rs.getString("owning_centre")),
                TicketState.valueOf(rs.getString("state")),
                suspendedFrom == null ? null : TicketState.valueOf(suspendedFrom),
                rs.getString("suspend_reason"),
                tasks,
                rs.getLong("revision"),
                orders,
                redListed,
                levels,
                rs.getInt("reopen_count"),
                instantOrNull(rs, "resolved_at"),
                instantOrNull(rs, "closed_at"),
                outcome == null ? null : Outcome.valueOf(outcome),
                mergedInto == null ? null : new TicketId(mergedInto),
                rs.getString("reject_reason"));
        var lat = rs.getObject("lat", Double.class);
        var lng = rs.getObject("lng", Double.class);
        var placement = new Placement(
                rs.getString("grid_id"),
                rs.getString("street_id"),
                new ArrayList<>(List.of((String[]) rs.getArray("area_path").getArray())),
                lat == null || lng == null ? null : new GeoPoint(lat, lng));
        return new StoredTicket(snapshot, timeline, placement, instant(rs, "raised_at"));
    }

    private static JsonNode json(ResultSet rs, String column) throws SQLException {
        return JSON.readTree(rs.getString(column));
    }

    private static String string(JsonNode row, String field) {
        var value = stringOrNull(row, field);
        if (value == null) {
            throw new IllegalStateException("stored ticket part without " + field);
        }
        return value;
    }

    private static @Nullable String stringOrNull(JsonNode row, String field) {
        var value = row.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static Instant instant(JsonNode row, String field) {
        return OffsetDateTime.parse(string(row, field)).toInstant();
    }

    private static @Nullable Instant instantOrNull(JsonNode row, String field) {
        var value = stringOrNull(row, field);
        return value == null ? null : OffsetDateTime.parse(value).toInstant();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
