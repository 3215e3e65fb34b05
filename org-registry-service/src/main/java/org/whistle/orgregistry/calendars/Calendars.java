package org.whistle.orgregistry.calendars;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.whistle.events.CalendarChanged.DayKind;
import org.whistle.orgreference.domain.calendars.CalendarId;
import org.whistle.orgreference.domain.calendars.DatedException;
import org.whistle.orgreference.domain.calendars.WorkingCalendar;
import org.whistle.orgreference.domain.calendars.WorkingPeriod;

/** The stored working-hour calendars, with plain SQL: one row per calendar, one per dated exception. */
@Component
public class Calendars {

    private static final String SELECT = """
            SELECT calendar_id, name, time_zone, array_to_string(working_days, ';') AS working_days,
                   array_to_string(working_hours, ';') AS working_hours, array_to_string(years, ';') AS years,
                   active, revision
            FROM work_calendar
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    Calendars(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<WorkingCalendar> find(CalendarId id) {
        return jdbc.sql(SELECT + " WHERE calendar_id = ?")
                .param(id.value())
                .query(this::map)
                .optional();
    }

    public List<WorkingCalendar> all(boolean includeRetired) {
        return jdbc.sql(SELECT + " WHERE active OR :includeRetired ORDER BY calendar_id")
                .param("includeRetired", includeRetired)
                .query(this::map)
                .list();
    }

    void insert(WorkingCalendar calendar) {
        jdbc.sql("""
                        INSERT INTO work_calendar (calendar_id, name, time_zone, working_days, working_hours, years,
                                active, revision, updated_at)
                        VALUES (:id, :name, :zone, string_to_array(:days, ';'), string_to_array(:hours, ';'),
                                string_to_array(:years, ';')::integer[], :active, :revision, :at)
                        """).params(params(calendar)).update();
        insertDays(calendar);
    }

    void update(WorkingCalendar calendar) {
        jdbc.sql("""
                        UPDATE work_calendar SET name = :name, time_zone = :zone,
                               working_days = string_to_array(:days, ';'), working_hours = string_to_array(:hours, ';'),
                               years = string_to_array(:years, ';')::integer[], active = :active,
                               revision = :revision, updated_at = :at
                        WHERE calendar_id = :id
                        """).params(params(calendar)).update();
        jdbc.sql("DELETE FROM work_calendar_day WHERE calendar_id = ?")
                .param(calendar.id().value())
                .update();
        insertDays(calendar);
    }

    private void insertDays(WorkingCalendar calendar) {
        for (var day : calendar.exceptions()) {
            jdbc.sql("INSERT INTO work_calendar_day (calendar_id, day, kind, name) VALUES (?, ?, ?, ?)")
                    .params(calendar.id().value(), day.date(), day.kind().name(), day.name())
                    .update();
        }
    }

    private Map<String, Object> params(WorkingCalendar calendar) {
        var params = new HashMap<String, Object>();
        params.put("id", calendar.id().value());
        params.put("name", calendar.name());
        params.put("zone", calendar.zone().getId());
        params.put(
                "days", calendar.workingDays().stream().sorted().map(Enum::name).collect(Collectors.joining(";")));
        params.put(
                "hours",
                calendar.hours().stream()
                        .map(period -> period.from() + "-" + period.to())
                        .collect(Collectors.joining(";")));
        params.put(
                "years", calendar.years().stream().sorted().map(String::valueOf).collect(Collectors.joining(";")));
        params.put("active", calendar.active());
        params.put("revision", calendar.revision());
        params.put("at", Timestamp.from(clock.instant()));
        return params;
    }

    private WorkingCalendar map(ResultSet rs, int row) throws SQLException {
        var id = rs.getString("calendar_id");
        var days = jdbc.sql("SELECT day, kind, name FROM work_calendar_day WHERE calendar_id = ? ORDER BY day")
                .param(id)
                .query((day, n) -> new DatedException(
                        day.getObject("day", java.time.LocalDate.class),
                        DayKind.valueOf(day.getString("kind")),
                        day.getString("name")))
                .list();
        var hours = new ArrayList<WorkingPeriod>();
        for (var period : split(rs.getString("working_hours"))) {
            var ends = period.split("-");
            hours.add(new WorkingPeriod(LocalTime.parse(ends[0]), LocalTime.parse(ends[1])));
        }
        return new WorkingCalendar(
                new CalendarId(id),
                rs.getString("name"),
                ZoneId.of(rs.getString("time_zone")),
                split(rs.getString("working_days")).stream()
                        .map(DayOfWeek::valueOf)
                        .collect(Collectors.toSet()),
                hours,
                split(rs.getString("years")).stream().map(Integer::valueOf).collect(Collectors.toSet()),
                days,
                rs.getBoolean("active"),
                rs.getLong("revision"));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(";"));
    }
}
