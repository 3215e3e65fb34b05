package org.whistle.dispatch.queries;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.whistle.dispatch.ticket.domain.TicketNumber;
import org.whistle.problems.InvalidInputException;

/** Work queues and overview numbers in plain SQL over the ticket tables and their indexes. */
@Component
public class TicketQueries {

    /** Sortable columns of a centre's queue, by the names the API uses. */
    private static final Map<String, String> SORTS = Map.of(
            "raisedAt", "raised_at",
            "updatedAt", "updated_at",
            "priority", "priority",
            "number", "number",
            "state", "state");

    private static final String OPEN = "('CLOSED', 'REJECTED', 'MERGED')";

    private final JdbcClient jdbc;
    private final Clock clock;

    TicketQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One open task in a unit's queue. */
    public record UnitQueueItem(
            String ticketId,
            String number,
            String category,
            String priority,
            String ticketState,
            String taskState,
            boolean lead,
            Instant summonedAt,
            @Nullable Instant reportedInAt) {}

    /** One ticket in a centre's queue. */
    public record CentreQueueItem(
            String ticketId,
            String number,
            String category,
            String priority,
            String level,
            String state,
            Instant raisedAt,
            Instant updatedAt) {}

    public record Page<T>(List<T> items, int page, int size, long total) {}

    public record Overview(
            String area,
            List<Count> openByLevelAndState,
            long raisedToday,
            long closedToday,
            List<Count> openByStreet,
            List<Count> openTasksByUnit,
            List<Count> openByGrid) {}

    /** A count under a key (level/state, street, unit). */
    public record Count(String key, long count) {}

    /**
     * A unit's open tasks on tickets still being worked: urgent first, then the oldest summons. Due times are
     * sla-service's; dispatch does not know them yet.
     */
    public List<UnitQueueItem> unitQueue(String unit) {
        return jdbc.sql("""
                        SELECT t.id, t.number, t.category, t.priority, t.state AS ticket_state, k.state AS task_state,
                               k.lead, k.summoned_at, k.reported_in_at
                        FROM ticket_task k JOIN ticket t ON t.id = k.ticket_id
                        WHERE k.unit = :unit AND k.state IN ('SUMMONED', 'REPORTED_IN', 'ON_SITE')
                          AND t.state IN ('DISPATCHED', 'IN_PROGRESS', 'SUSPENDED')
                        ORDER BY CASE t.priority WHEN 'URGENT' THEN 0 ELSE 1 END, k.summoned_at, t.number
                        """)
                .param("unit", unit)
                .query((rs, n) -> new UnitQueueItem(
                        rs.getObject("id", UUID.class).toString(),
                        rs.getString("number"),
                        rs.getString("category"),
                        rs.getString("priority"),
                        rs.getString("ticket_state"),
                        rs.getString("task_state"),
                        rs.getBoolean("lead"),
                        rs.getObject("summoned_at", OffsetDateTime.class).toInstant(),
                        instantOrNull(rs.getObject("reported_in_at", OffsetDateTime.class))))
                .list();
    }

    public Page<CentreQueueItem> centreQueue(
            String centre,
            @Nullable String state,
            @Nullable String level,
            @Nullable String category,
            int page,
            int size,
            @Nullable String sort) {
        if (page < 0) {
            throw InvalidInputException.of("page", "must not be negative");
        }
        if (size < 1 || size > 200) {
            throw InvalidInputException.of("size", "must be between 1 and 200");
        }
        var order = orderBy(sort);
        var where = """
                WHERE owning_centre = :centre
                  AND (CAST(:state AS text) IS NULL OR state = :state)
                  AND (CAST(:level AS text) IS NULL OR level = :level)
                  AND (CAST(:category AS text) IS NULL OR category = :category)
                """;
        var params = new java.util.HashMap<String, @Nullable Object>();
        params.put("centre", centre);
        params.put("state", state);
        params.put("level", level);
        params.put("category", category);
        long total = jdbc.sql("SELECT count(*) FROM ticket " + where)
                .params(params)
                .query(Long.class)
                .single();
        var items = jdbc.sql("SELECT * FROM ticket " + where + " ORDER BY " + order + " LIMIT :size OFFSET :offset")
                .params(params)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> new CentreQueueItem(
                        rs.getObject("id", UUID.class).toString(),
                        rs.getString("number"),
                        rs.getString("category"),
                        rs.getString("priority"),
                        rs.getString("level"),
                        rs.getString("state"),
                        rs.getObject("raised_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .list();
        return new Page<>(items, page, size, total);
    }

    /**
     * Overview numbers for an area (a node and everything below it), today counted in Shanghai time; open tickets by
     * grid feed the command centre's map (tickets placed in no grid are left out there).
     */
    public Overview overview(String area) {
        var today = clock.instant().atZone(TicketNumber.ZONE).toLocalDate();
        var start = today.atStartOfDay(TicketNumber.ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        var end = start.plusDays(1);
        var areaParam = new String[] {area};
        var byLevelAndState = jdbc.sql("SELECT level || '/' || state AS key, count(*) AS n FROM ticket"
                        + " WHERE area_path @> CAST(:area AS text[]) AND state NOT IN " + OPEN
                        + " GROUP BY level, state ORDER BY level, state")
                .param("area", areaParam)
                .query((rs, n) -> new Count(rs.getString("key"), rs.getLong("n")))
                .list();
        long raised = jdbc.sql("SELECT count(*) FROM ticket WHERE area_path @> CAST(:area AS text[])"
                        + " AND raised_at >= :start AND raised_at < :end")
                .param("area", areaParam)
                .param("start", start)
                .param("end", end)
                .query(Long.class)
                .single();
        long closed = jdbc.sql("SELECT count(*) FROM ticket WHERE area_path @> CAST(:area AS text[])"
                        + " AND closed_at >= :start AND closed_at < :end")
                .param("area", areaParam)
                .param("start", start)
                .param("end", end)
                .query(Long.class)
                .single();
        var byStreet = jdbc.sql("SELECT coalesce(street_id, '-') AS key, count(*) AS n FROM ticket"
                        + " WHERE area_path @> CAST(:area AS text[]) AND state NOT IN " + OPEN
                        + " GROUP BY street_id ORDER BY n DESC, key")
                .param("area", areaParam)
                .query((rs, n) -> new Count(rs.getString("key"), rs.getLong("n")))
                .list();
        var byUnit = jdbc.sql(
                        "SELECT k.unit AS key, count(*) AS n FROM ticket_task k JOIN ticket t ON t.id = k.ticket_id"
                                + " WHERE t.area_path @> CAST(:area AS text[]) AND t.state NOT IN " + OPEN
                                + " AND k.state IN ('SUMMONED', 'REPORTED_IN', 'ON_SITE')"
                                + " GROUP BY k.unit ORDER BY n DESC, key")
                .param("area", areaParam)
                .query((rs, n) -> new Count(rs.getString("key"), rs.getLong("n")))
                .list();
        var byGrid = jdbc.sql("SELECT grid_id AS key, count(*) AS n FROM ticket"
                        + " WHERE area_path @> CAST(:area AS text[]) AND state NOT IN " + OPEN
                        + " AND grid_id IS NOT NULL GROUP BY grid_id ORDER BY n DESC, key")
                .param("area", areaParam)
                .query((rs, n) -> new Count(rs.getString("key"), rs.getLong("n")))
                .list();
        return new Overview(area, byLevelAndState, raised, closed, byStreet, byUnit, byGrid);
    }

    private static String orderBy(@Nullable String sort) {
        if (sort == null || sort.isBlank()) {
            return "raised_at DESC, number";
        }
        var parts = sort.split(",", 2);
        var column = SORTS.get(parts[0].trim());
        if (column == null) {
            throw InvalidInputException.of(
                    "sort", "must be one of " + SORTS.keySet().stream().sorted().toList());
        }
        var direction = parts.length > 1 ? parts[1].trim().toLowerCase(java.util.Locale.ROOT) : "asc";
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw InvalidInputException.of("sort", "direction must be asc or desc");
        }
        return column + " " + direction + ", number";
    }

    private static @Nullable Instant instantOrNull(@Nullable OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
