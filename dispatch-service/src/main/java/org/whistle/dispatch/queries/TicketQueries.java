package org.whistle.dispatch.queries;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.whistle.apidocs.paging.Page;
import org.whistle.dispatch.ticket.SearchText;
import org.whistle.dispatch.ticket.domain.TicketNumber;
import org.whistle.events.CommandLevel;
import org.whistle.events.TicketState;
import org.whistle.problems.InvalidInputException;
import org.whistle.texts.Phrase;

/** Work queues and overview numbers in plain SQL over the ticket tables and their indexes. */
@Component
public class TicketQueries {

    private static final String OPEN = "('CLOSED', 'REJECTED', 'MERGED')";
    private static final Set<String> FINISHED = Set.of("CLOSED", "REJECTED", "MERGED");

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

    public record Overview(
            String area,
            List<Count> openByLevelAndState,
            long raisedToday,
            long closedToday,
            List<Count> openByStreet,
            List<Count> openTasksByUnit,
            List<Count> openByGrid,
            List<Day> lastDays) {}

    /** A count under a key (level/state, street, unit). */
    public record Count(String key, long count) {}

    /** Tickets raised and closed on one Shanghai day; days without either are left out. */
    public record Day(java.time.LocalDate day, long raised, long closed) {}

    /** How far back the overview's daily counts go: the 大屏's 30-day trend, which holds the 7-day one. */
    public static final int TREND_DAYS = 30;

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

    /**
     * One page of a centre's queue, newest (or with {@code raisedAt,asc} oldest) first, after the {@code after} cursor
     * of the page before: read along an index in the queue's order and stopped after {@code size} items, so every
     * page costs what the first does (ADR 0030). An open state is read from the small index of open tickets alone.
     */
    public Page<CentreQueueItem> centreQueue(
            String centre,
            @Nullable String state,
            @Nullable String level,
            @Nullable String category,
            @Nullable String after,
            int size,
            @Nullable String sort) {
        return centreQueue(centre, CentreQueueFilter.of(state, level, category), after, size, sort);
    }

    private Page<CentreQueueItem> read(Statement statement, int size) {
        var rows = jdbc.sql(statement.sql())
                .params(statement.params())
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
        return Page.of(rows, size, last -> QueueCursor.of(last.raisedAt(), last.number()));
    }

    /**
     * What a centre's queue is narrowed to: a state, level, category; tickets a {@code unit} is summoned to; one
     * ticket by its {@code number}; or, with {@code needsAction}, the tickets waiting for the centre itself (to file,
     * to summon, returned, to verify, to close), oldest first unless a sort says otherwise.
     */
    public record CentreQueueFilter(
            @Nullable String state,
            @Nullable String level,
            @Nullable String category,
            @Nullable String unit,
            @Nullable String number,
            boolean needsAction,
            @Nullable String text) {

        public static CentreQueueFilter of(@Nullable String state, @Nullable String level, @Nullable String category) {
            return new CentreQueueFilter(state, level, category, null, null, false, null);
        }
    }

    /** The states in which a ticket waits for its command centre rather than for a unit or the reporter. */
    public static final List<String> NEEDS_ACTION = List.of("RAISED", "FILED", "RETURNED", "RESOLVED", "VERIFIED");

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[A-Z0-9-]{1,40}");

    /** A page of a centre's queue narrowed by {@code filter} (see {@link #centreQueue(String, String, String,
     * String, String, int, String)} for the order and the cursor). */
    public Page<CentreQueueItem> centreQueue(
            String centre, CentreQueueFilter filter, @Nullable String after, int size, @Nullable String sort) {
        return read(centreQueueStatement(centre, filter, after, size, sort), size);
    }

    /**
     * The whole queue narrowed by {@code filter} for an export, read page after page along the same index as the
     * pages people look at, and stopped after {@link QueueExport#MAX_ROWS} rows.
     */
    public QueueExport.Rows exportRows(String centre, CentreQueueFilter filter, @Nullable String sort) {
        var items = new java.util.ArrayList<CentreQueueItem>();
        String after = null;
        do {
            var page = centreQueue(centre, filter, after, Page.MAX_SIZE, sort);
            for (var item : page.items()) {
                if (items.size() == QueueExport.MAX_ROWS) {
                    return new QueueExport.Rows(List.copyOf(items), true);
                }
                items.add(item);
            }
            after = page.after();
        } while (after != null);
        return new QueueExport.Rows(List.copyOf(items), false);
    }

    /** A statement and its parameters: what a read sends, so that its plan can be examined as it is run. */
    public record Statement(String sql, Map<String, @Nullable Object> params) {}

    /** The statement of {@link #centreQueue} (one more row than the page, to know whether another follows). */
    public Statement centreQueueStatement(
            String centre,
            @Nullable String state,
            @Nullable String level,
            @Nullable String category,
            @Nullable String after,
            int size,
            @Nullable String sort) {
        return centreQueueStatement(centre, CentreQueueFilter.of(state, level, category), after, size, sort);
    }

    /** The statement of {@link #centreQueue(String, CentreQueueFilter, String, int, String)}. */
    public Statement centreQueueStatement(
            String centre, CentreQueueFilter filter, @Nullable String after, int size, @Nullable String sort) {
        var state = filter.state();
        var level = filter.level();
        var category = filter.category();
        if (size < 1 || size > Page.MAX_SIZE) {
            throw InvalidInputException.of("size", Phrase.of("refusal.between", "min", 1, "max", Page.MAX_SIZE));
        }
        // What waits for the centre is read oldest first: the longest wait is the nearest to its deadline.
        boolean descending = filter.needsAction() && (sort == null || sort.isBlank()) ? false : descending(sort);
        var sql = new StringBuilder("SELECT id, number, category, priority, level, state, raised_at, updated_at"
                + " FROM ticket WHERE owning_centre = :centre");
        var params = new HashMap<String, @Nullable Object>();
        params.put("centre", centre);
        if (state != null) {
            var known = Arrays.stream(TicketState.values()).map(Enum::name).toList();
            if (!known.contains(state)) {
                throw InvalidInputException.of(
                        "state",
                        Phrase.of("refusal.oneOf", "choices", Phrase.names("ticket.state", TicketState.class)));
            }
            sql.append(" AND state = :state");
            params.put("state", state);
            if (!FINISHED.contains(state)) {
                // Said in the statement's own words so that the planner may read the index of open tickets.
                sql.append(" AND state NOT IN " + OPEN);
            }
        }
        if (level != null) {
            var known = Arrays.stream(CommandLevel.values()).map(Enum::name).toList();
            if (!known.contains(level)) {
                throw InvalidInputException.of(
                        "level", Phrase.of("refusal.oneOf", "choices", Phrase.names("level", CommandLevel.class)));
            }
            sql.append(" AND level = :level");
            params.put("level", level);
        }
        if (category != null) {
            if (category.length() > 64) {
                throw InvalidInputException.of("category", Phrase.of("refusal.atMostCharacters", "max", 64));
            }
            sql.append(" AND category = :category");
            params.put("category", category);
        }
        if (filter.needsAction()) {
            sql.append(" AND state IN ('RAISED', 'FILED', 'RETURNED', 'RESOLVED', 'VERIFIED')");
            if (state == null) {
                // As for one open state: the statement says it is open, so the small index of open tickets serves it.
                sql.append(" AND state NOT IN " + OPEN);
            }
        }
        if (filter.unit() != null) {
            if (filter.unit().length() > 64) {
                throw InvalidInputException.of("unit", "must be at most 64 characters");
            }
            sql.append(" AND EXISTS (SELECT 1 FROM ticket_task k WHERE k.ticket_id = ticket.id AND k.unit = :unit)");
            params.put("unit", filter.unit());
        }
        if (filter.number() != null) {
            var number = filter.number().strip().toUpperCase(java.util.Locale.ROOT);
            if (!NUMBER.matcher(number).matches()) {
                throw InvalidInputException.of("number", "工单编号只含字母、数字和连字符，最长 40 个字符");
            }
            sql.append(" AND number = :number");
            params.put("number", number);
        }
        if (filter.text() != null) {
            var text = SearchText.normalise(filter.text());
            int length = text.codePointCount(0, text.length());
            if (length < SearchText.MIN_QUERY || length > SearchText.MAX_QUERY) {
                throw InvalidInputException.of(
                        "text", Phrase.of("refusal.between", "min", SearchText.MIN_QUERY, "max", SearchText.MAX_QUERY));
            }
            // The bigrams narrow along ticket_search (V9); the substring decides.
            sql.append(" AND search_grams @> CAST(:grams AS text[]) AND strpos(search_text, :text) > 0");
            params.put("grams", SearchText.bigrams(text).toArray(String[]::new));
            params.put("text", text);
        }
        if (after != null) {
            var cursor = QueueCursor.parse(after);
            sql.append(
                    descending
                            ? " AND (raised_at, number) < (:afterAt, :afterNumber)"
                            : " AND (raised_at, number) > (:afterAt, :afterNumber)");
            params.put("afterAt", cursor.raisedAt().atOffset(ZoneOffset.UTC));
            params.put("afterNumber", cursor.number());
        }
        sql.append(descending ? " ORDER BY raised_at DESC, number DESC" : " ORDER BY raised_at, number");
        sql.append(" LIMIT :limit");
        params.put("limit", size + 1);
        return new Statement(sql.toString(), params);
    }

    /** An open ticket where it was raised, for the 大屏 map. */
    public record Point(
            String ticketId,
            String number,
            String category,
            String priority,
            String level,
            String state,
            double lat,
            double lng,
            Instant raisedAt) {}

    /** The most points one read answers: a wall map shows the newest of its view, never the whole history. */
    public static final int MAX_POINTS = 500;

    /** The map's view (WGS-84): south-west and north-east corners. */
    public record View(double south, double west, double north, double east) {

        public View {
            bounded("south", south, 90);
            bounded("north", north, 90);
            bounded("west", west, 180);
            bounded("east", east, 180);
            if (south > north) {
                throw InvalidInputException.of("south", Phrase.of("refusal.between", "min", -90, "max", north));
            }
            if (west > east) {
                throw InvalidInputException.of("west", Phrase.of("refusal.between", "min", -180, "max", east));
            }
        }

        private static void bounded(String field, double value, int limit) {
            if (!(value >= -limit && value <= limit)) {
                throw InvalidInputException.of(field, Phrase.of("refusal.between", "min", -limit, "max", limit));
            }
        }
    }

    /**
     * The newest {@code limit} open tickets of an area (a node and everything below it) inside the view, newest first:
     * read from the index of open tickets' points (V8), so the cost follows the open tickets in view, not the history.
     */
    public List<Point> points(String area, View view, int limit) {
        var statement = pointsStatement(area, view, limit);
        return jdbc.sql(statement.sql())
                .params(statement.params())
                .query((rs, n) -> new Point(
                        rs.getObject("id", UUID.class).toString(),
                        rs.getString("number"),
                        rs.getString("category"),
                        rs.getString("priority"),
                        rs.getString("level"),
                        rs.getString("state"),
                        rs.getDouble("lat"),
                        rs.getDouble("lng"),
                        rs.getObject("raised_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The statement of {@link #points}. */
    public Statement pointsStatement(String area, View view, int limit) {
        if (limit < 1 || limit > MAX_POINTS) {
            throw InvalidInputException.of("limit", Phrase.of("refusal.between", "min", 1, "max", MAX_POINTS));
        }
        var params = new HashMap<String, @Nullable Object>();
        params.put("area", new String[] {area});
        params.put("south", view.south());
        params.put("west", view.west());
        params.put("north", view.north());
        params.put("east", view.east());
        params.put("limit", limit);
        return new Statement(
                "SELECT id, number, category, priority, level, state, lat, lng, raised_at FROM ticket"
                        + " WHERE state NOT IN " + OPEN + " AND lat IS NOT NULL"
                        + " AND point(lng, lat) <@ box(point(:west, :south), point(:east, :north))"
                        + " AND area_path @> CAST(:area AS text[])"
                        + " ORDER BY raised_at DESC, id LIMIT :limit",
                params);
    }

    /**
     * Overview numbers for an area (a node and everything below it), today counted in Shanghai time; open tickets by
     * grid feed the command centre's map (tickets placed in no grid are left out there).
     */
    public Overview overview(String area) {
        var statements = overviewStatements(area);
        var byLevelAndState = counts(statements.get(0));
        var day = jdbc.sql(statements.get(1).sql())
                .params(statements.get(1).params())
                .query((rs, n) -> new long[] {rs.getLong("raised"), rs.getLong("closed")})
                .single();
        return new Overview(
                area,
                byLevelAndState,
                day[0],
                day[1],
                counts(statements.get(2)),
                counts(statements.get(3)),
                counts(statements.get(4)),
                jdbc.sql(statements.get(5).sql())
                        .params(statements.get(5).params())
                        .query((rs, n) -> new Day(
                                rs.getObject("day", java.time.LocalDate.class),
                                rs.getLong("raised"),
                                rs.getLong("closed")))
                        .list());
    }

    /**
     * The statements of {@link #overview}, all over the counters (V4, ADR 0030), none over the tickets: open by
     * level/state, raised and closed today, open by street, open tasks by unit, open by grid, raised and closed on
     * each of the last {@link #TREND_DAYS} days (today included), along the day counters' key.
     */
    public List<Statement> overviewStatements(String area) {
        var today = clock.instant().atZone(TicketNumber.ZONE).toLocalDate();
        var params = new HashMap<String, @Nullable Object>();
        params.put("area", new String[] {area});
        params.put("today", today);
        params.put("from", today.minusDays(TREND_DAYS - 1));
        return List.of(
                new Statement(
                        "SELECT level || '/' || state AS key, sum(n) AS n FROM ticket_open_count"
                                + " WHERE area_path @> CAST(:area AS text[])"
                                + " GROUP BY level, state HAVING sum(n) > 0 ORDER BY level, state",
                        params),
                new Statement(
                        "SELECT coalesce(sum(raised), 0) AS raised, coalesce(sum(closed), 0) AS closed"
                                + " FROM ticket_day_count WHERE day = :today AND area_path @> CAST(:area AS text[])",
                        params),
                new Statement(
                        "SELECT coalesce(nullif(street_id, ''), '-') AS key, sum(n) AS n"
                                + " FROM ticket_open_count WHERE area_path @> CAST(:area AS text[])"
                                + " GROUP BY street_id HAVING sum(n) > 0 ORDER BY n DESC, key",
                        params),
                new Statement(
                        "SELECT unit AS key, sum(n) AS n FROM ticket_open_task_count"
                                + " WHERE area_path @> CAST(:area AS text[])"
                                + " GROUP BY unit HAVING sum(n) > 0 ORDER BY n DESC, key",
                        params),
                new Statement(
                        "SELECT grid_id AS key, sum(n) AS n FROM ticket_open_count"
                                + " WHERE area_path @> CAST(:area AS text[]) AND grid_id <> ''"
                                + " GROUP BY grid_id HAVING sum(n) > 0 ORDER BY n DESC, key",
                        params),
                new Statement(
                        "SELECT day, sum(raised) AS raised, sum(closed) AS closed FROM ticket_day_count"
                                + " WHERE day BETWEEN :from AND :today AND area_path @> CAST(:area AS text[])"
                                + " GROUP BY day HAVING sum(raised) + sum(closed) > 0 ORDER BY day",
                        params));
    }

    private List<Count> counts(Statement statement) {
        return jdbc.sql(statement.sql())
                .params(statement.params())
                .query((rs, n) -> new Count(rs.getString("key"), rs.getLong("n")))
                .list();
    }

    /** The queue's order: by raised time (and number), newest first unless {@code raisedAt,asc}. */
    private static boolean descending(@Nullable String sort) {
        if (sort == null || sort.isBlank()) {
            return true;
        }
        var parts = sort.split(",", 2);
        if (!parts[0].trim().equals("raisedAt")) {
            throw InvalidInputException.of("sort", Phrase.of("dispatch.refusal.sortField", "field", "raisedAt"));
        }
        var direction = parts.length > 1 ? parts[1].trim().toLowerCase(java.util.Locale.ROOT) : "asc";
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw InvalidInputException.of("sort", Phrase.of("dispatch.refusal.sortDirection"));
        }
        return direction.equals("desc");
    }

    private static @Nullable Instant instantOrNull(@Nullable OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
