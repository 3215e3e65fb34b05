package org.whistle.orgregistry.calendars;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.whistle.events.CalendarChanged;
import org.whistle.events.CalendarChanged.DayKind;
import org.whistle.events.Topics;
import org.whistle.orgregistry.catalogue.ReferenceDataServiceTest;

class CalendarApiTest extends ReferenceDataServiceTest {

    private static final String SCHEDULE_2026 = """
            date,kind,name
            2026-09-20,班,国庆节调休上班
            2026-10-01,休,国庆节
            2026-10-02,HOLIDAY,国庆节
            2026-10-10,WORKDAY,国庆节调休上班
            """;

    @Test
    void createsChangesAndRetiresACalendarAndPublishesEachStateOnTheCalendarsTopic() throws Exception {
        var id = "CAL-" + unique();
        var created = asAdmin("POST", "/api/org/calendars", calendar(id, "08:30-12:00\",\"13:30-17:30"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).get("workingDays")).hasSize(5);

        var first = (CalendarChanged) published(Topics.ORG_CALENDARS, id, 1).data();
        assertThat(first.timeZone()).isEqualTo("Asia/Shanghai");
        assertThat(first.workingHours())
                .containsExactly(
                        new CalendarChanged.WorkingHours(LocalTime.of(8, 30), LocalTime.of(12, 0)),
                        new CalendarChanged.WorkingHours(LocalTime.of(13, 30), LocalTime.of(17, 30)));
        assertThat(first.workingDays()).startsWith(DayOfWeek.MONDAY).doesNotContain(DayOfWeek.SATURDAY);

        var changed = asAdmin("PUT", "/api/org/calendars/" + id, calendar(id, "09:00-12:00\",\"14:00-18:00"));
        assertThat(json(changed).get("revision").asLong()).isEqualTo(2);
        var second = (CalendarChanged) published(Topics.ORG_CALENDARS, id, 2).data();
        assertThat(second.workingHours().getFirst().from()).isEqualTo(LocalTime.of(9, 0));

        var retired = asAdmin("DELETE", "/api/org/calendars/" + id, null);
        assertThat(json(retired).get("active").asBoolean()).isFalse();
        assertThat(((CalendarChanged) published(Topics.ORG_CALENDARS, id, 3).data()).active())
                .isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE subject_type = 'calendar' AND subject_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void importsAYearsOfficialScheduleReplacingOnlyThatYear() throws Exception {
        var id = "CAL-" + unique();
        asAdmin("POST", "/api/org/calendars", calendar(id, "08:30-12:00\",\"13:30-17:30"));

        var imported = importCsv("/api/org/calendars/" + id + "/years/2026", SCHEDULE_2026);
        var again = importCsv("/api/org/calendars/" + id + "/years/2026", SCHEDULE_2026);
        var next = importCsv("/api/org/calendars/" + id + "/years/2027", "date,kind,name\n2027-01-01,休,元旦\n");

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(json(imported).get("created").asInt()).isEqualTo(4);
        assertThat(json(again).get("unchanged").asInt()).isEqualTo(4);
        assertThat(json(next).get("created").asInt()).isEqualTo(1);
        var published = (CalendarChanged) published(Topics.ORG_CALENDARS, id, 3).data();
        assertThat(published.years()).containsExactly(2026, 2027);
        assertThat(published.exceptions())
                .contains(
                        new CalendarChanged.DatedException(LocalDate.of(2026, 9, 20), DayKind.WORKDAY, "国庆节调休上班"),
                        new CalendarChanged.DatedException(LocalDate.of(2027, 1, 1), DayKind.HOLIDAY, "元旦"))
                .hasSize(5);

        var replaced = importCsv("/api/org/calendars/" + id + "/years/2026", "date,kind,name\n2026-10-01,休,国庆节\n");
        assertThat(json(replaced).get("unchanged").asInt()).isEqualTo(1);
        var days = json(get("/api/org/calendars/" + id)).get("exceptions");
        assertThat(days).hasSize(2);
    }

    @Test
    void refusesABadScheduleWholeNamingEachRowAndKeepsTheCalendar() throws Exception {
        var id = "CAL-" + unique();
        asAdmin("POST", "/api/org/calendars", calendar(id, "08:30-12:00"));
        importCsv("/api/org/calendars/" + id + "/years/2026", SCHEDULE_2026);

        var rejected = importCsv(
                "/api/org/calendars/" + id + "/years/2026",
                "date,kind,name\n2026-05-01,休,劳动节\n2027-05-01,休,劳动节\n2026-05-09,上班,\n");

        assertThat(rejected.statusCode()).isEqualTo(422);
        var columns = new java.util.ArrayList<String>();
        json(rejected).get("rows").forEach(row -> columns.add(row.get("column").asString()));
        assertThat(columns).containsExactlyInAnyOrder("date", "kind");
        assertThat(json(get("/api/org/calendars/" + id)).get("exceptions")).hasSize(4);
    }

    @Test
    void namesEveryInvalidFieldInChineseAndOnlyAdministratorsChangeCalendars() throws Exception {
        var id = "CAL-" + unique();
        var refused = asAdmin("POST", "/api/org/calendars", """
                {"calendarId":"%s","name":"重叠","workingDays":["MONDAY","FUNDAY"],
                 "workingHours":["08:30-12:00","11:00-17:30","late"],"timeZone":"Mars/Olympus"}""".formatted(id));
        var overlapping = asAdmin("POST", "/api/org/calendars", """
                {"calendarId":"%s","name":"重叠","workingHours":["08:30-12:00","11:00-17:30"],
                 "years":[2026],"exceptions":[{"date":"2027-01-01","kind":"HOLIDAY"}]}""".formatted(id));
        var resident = call("POST", "/api/org/calendars", resident(), calendar(id, "08:30-12:00"), "application/json");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(fields(refused)).containsExactlyInAnyOrder("workingDays[1]", "workingHours[2]", "timeZone");
        assertThat(overlapping.statusCode()).isEqualTo(422);
        assertThat(fields(overlapping)).containsExactlyInAnyOrder("workingHours[1]", "exceptions");
        assertThat(json(overlapping).toString()).contains("重叠");
        assertThat(resident.statusCode()).isEqualTo(403);
        assertThat(get("/api/org/calendars/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void importsCalendarDefinitionsKeepingTheirDays() throws Exception {
        var id = "CAL-" + unique();
        var csv = "calendar_id,name,time_zone,working_days,working_hours\n" + id
                + ",测试日历,Asia/Shanghai,MONDAY;TUESDAY;WEDNESDAY;THURSDAY;FRIDAY,08:30-12:00;13:30-17:30\n";
        assertThat(json(importCsv("/api/org/imports/calendars", csv))
                        .get("created")
                        .asInt())
                .isEqualTo(1);
        importCsv("/api/org/calendars/" + id + "/years/2026", SCHEDULE_2026);

        var changed = importCsv("/api/org/imports/calendars", csv.replace("测试日历", "测试日历（夏季）"));

        assertThat(json(changed).get("updated").asInt()).isEqualTo(1);
        var calendar = json(get("/api/org/calendars/" + id));
        assertThat(calendar.get("name").asString()).isEqualTo("测试日历（夏季）");
        assertThat(calendar.get("exceptions")).hasSize(4);
    }

    private static String calendar(String id, String hours) {
        return """
                {"calendarId":"%s","name":"齐齐哈尔市工作日历","timeZone":"Asia/Shanghai",
                 "workingDays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],
                 "workingHours":["%s"]}""".formatted(id, hours);
    }
}
