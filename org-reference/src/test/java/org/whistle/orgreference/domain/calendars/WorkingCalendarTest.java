package org.whistle.orgreference.domain.calendars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.whistle.events.CalendarChanged.DayKind;

/** Working time on China's 2026 official schedule (国务院办公厅, 2025-11-04), hours 08:30–12:00 and 13:30–17:30. */
class WorkingCalendarTest {

    static final List<WorkingPeriod> HOURS = List.of(
            new WorkingPeriod(LocalTime.of(8, 30), LocalTime.of(12, 0)),
            new WorkingPeriod(LocalTime.of(13, 30), LocalTime.of(17, 30)));

    /** The 2026 schedule, and 元旦 2027 (a fixed-date holiday) so a window can cross the year end. */
    static WorkingCalendar china2026() {
        var exceptions = new ArrayList<DatedException>();
        holidays(exceptions, "元旦", LocalDate.of(2026, 1, 1), 3);
        workday(exceptions, "元旦调休", LocalDate.of(2026, 1, 4));
        holidays(exceptions, "春节", LocalDate.of(2026, 2, 15), 9);
        workday(exceptions, "春节调休", LocalDate.of(2026, 2, 14));
        workday(exceptions, "春节调休", LocalDate.of(2026, 2, 28));
        holidays(exceptions, "清明节", LocalDate.of(2026, 4, 4), 3);
        holidays(exceptions, "劳动节", LocalDate.of(2026, 5, 1), 5);
        workday(exceptions, "劳动节调休", LocalDate.of(2026, 5, 9));
        holidays(exceptions, "端午节", LocalDate.of(2026, 6, 19), 3);
        holidays(exceptions, "中秋节", LocalDate.of(2026, 9, 25), 3);
        holidays(exceptions, "国庆节", LocalDate.of(2026, 10, 1), 7);
        workday(exceptions, "国庆节调休", LocalDate.of(2026, 9, 20));
        workday(exceptions, "国庆节调休", LocalDate.of(2026, 10, 10));
        holidays(exceptions, "元旦", LocalDate.of(2027, 1, 1), 1);
        return new WorkingCalendar(
                new CalendarId("qiqihar"),
                "齐齐哈尔市工作日历",
                WorkingCalendar.CHINA,
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                HOURS,
                Set.of(2026, 2027),
                exceptions,
                true,
                1);
    }

    private static void holidays(List<DatedException> into, String name, LocalDate first, int days) {
        for (int i = 0; i < days; i++) {
            into.add(new DatedException(first.plusDays(i), DayKind.HOLIDAY, name));
        }
    }

    private static void workday(List<DatedException> into, String name, LocalDate date) {
        into.add(new DatedException(date, DayKind.WORKDAY, name));
    }

    /** An instant given as Beijing time. */
    static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime)
                .atOffset(ZoneOffset.ofHours(8))
                .toInstant();
    }

    private final WorkingCalendar calendar = china2026();

    @Nested
    class AddingWorkingTime {

        @Test
        void staysWithinAMorning() {
            assertThat(calendar.plus(beijing("2026-06-01T09:00"), Duration.ofHours(2)))
                    .isEqualTo(beijing("2026-06-01T11:00"));
        }

        @Test
        void skipsTheLunchBreak() {
            assertThat(calendar.plus(beijing("2026-06-01T11:00"), Duration.ofHours(2)))
                    .isEqualTo(beijing("2026-06-01T14:30"));
        }

        @Test
        void startsCountingAtTheNextPeriodWhenRaisedDuringLunchOrAtNight() {
            assertThat(calendar.plus(beijing("2026-06-01T12:30"), Duration.ofHours(1)))
                    .isEqualTo(beijing("2026-06-01T14:30"));
            assertThat(calendar.plus(beijing("2026-06-01T22:00"), Duration.ofHours(1)))
                    .isEqualTo(beijing("2026-06-02T09:30"));
            assertThat(calendar.plus(beijing("2026-06-02T06:00"), Duration.ofMinutes(30)))
                    .isEqualTo(beijing("2026-06-02T09:00"));
        }

        @Test
        void fallsDueAtTheEndOfAPeriodWhenTheTimeFillsItExactly() {
            assertThat(calendar.plus(beijing("2026-06-01T08:30"), Duration.ofMinutes(210)))
                    .isEqualTo(beijing("2026-06-01T12:00"));
            assertThat(calendar.plus(
                            beijing("2026-06-01T08:30"), Duration.ofHours(7).plusMinutes(30)))
                    .isEqualTo(beijing("2026-06-01T17:30"));
        }

        @Test
        void skipsAWeekend() {
            // Friday 2026-06-05 evening: Saturday and Sunday are not worked.
            assertThat(calendar.plus(beijing("2026-06-05T17:00"), Duration.ofHours(1)))
                    .isEqualTo(beijing("2026-06-08T09:00"));
        }

        @Test
        void skipsAPublicHolidayAfterAFridayEvening() {
            // 清明节 2026: Saturday 4/4 to Monday 4/6; the next working day is Tuesday 4/7.
            assertThat(calendar.plus(beijing("2026-04-03T18:00"), Duration.ofHours(2)))
                    .isEqualTo(beijing("2026-04-07T10:30"));
            // 中秋节 2026 starts on Friday 9/25: Thursday evening waits until Monday 9/28.
            assertThat(calendar.plus(beijing("2026-09-24T18:00"), Duration.ofHours(1)))
                    .isEqualTo(beijing("2026-09-28T09:30"));
        }

        @Test
        void countsAMakeUpWorkingSundayInsideTheWindow() {
            // Friday 9/18 evening; Sunday 9/20 is a 调休 working day (国庆节), worth 7.5 h; the rest on Monday.
            assertThat(calendar.plus(beijing("2026-09-18T18:00"), Duration.ofHours(8)))
                    .isEqualTo(beijing("2026-09-21T09:00"));
        }

        @Test
        void countsAMakeUpWorkingSaturdayBeforeTheSpringFestival() {
            // Friday 2/13 evening; Saturday 2/14 is worked, then 春节 2/15–2/23.
            assertThat(calendar.plus(beijing("2026-02-13T18:00"), Duration.ofHours(4)))
                    .isEqualTo(beijing("2026-02-14T14:00"));
            assertThat(calendar.plus(beijing("2026-02-14T17:00"), Duration.ofHours(1)))
                    .isEqualTo(beijing("2026-02-24T09:00"));
        }

        @Test
        void skipsTheWholeNationalDayWeek() {
            assertThat(calendar.plus(beijing("2026-09-30T17:00"), Duration.ofHours(1)))
                    .isEqualTo(beijing("2026-10-08T09:00"));
        }

        @Test
        void crossesTheYearEnd() {
            // Thursday 12/31 at 17:00: half an hour left; 元旦 Friday 1/1, the weekend, then Monday 2027-01-04.
            assertThat(calendar.plus(beijing("2026-12-31T17:00"), Duration.ofHours(2)))
                    .isEqualTo(beijing("2027-01-04T10:00"));
        }

        @Test
        void addsNothingForZeroWorkingTime() {
            assertThat(calendar.plus(beijing("2026-06-06T03:00"), Duration.ZERO))
                    .isEqualTo(beijing("2026-06-06T03:00"));
        }

        @Test
        void refusesANegativeDurationAndACalendarWithoutWorkingTime() {
            assertThatThrownBy(() -> calendar.plus(beijing("2026-06-01T09:00"), Duration.ofHours(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
            var never = new WorkingCalendar(
                    new CalendarId("never"),
                    "从不",
                    WorkingCalendar.CHINA,
                    Set.of(),
                    HOURS,
                    Set.of(),
                    List.of(),
                    true,
                    1);
            assertThatThrownBy(() -> never.plus(beijing("2026-06-01T09:00"), Duration.ofHours(1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no working time");
        }
    }

    @Nested
    class WorkingTimeBetween {

        @Test
        void countsOnlyWorkingPeriods() {
            assertThat(calendar.between(beijing("2026-06-01T11:00"), beijing("2026-06-01T14:30")))
                    .isEqualTo(Duration.ofHours(2));
            assertThat(calendar.between(beijing("2026-06-05T17:00"), beijing("2026-06-08T09:00")))
                    .isEqualTo(Duration.ofHours(1));
        }

        @Test
        void isNegativeWhenTheDeadlineHasPassed() {
            assertThat(calendar.between(beijing("2026-06-01T14:30"), beijing("2026-06-01T11:00")))
                    .isEqualTo(Duration.ofHours(-2));
        }

        @Test
        void isZeroAcrossAHoliday() {
            assertThat(calendar.between(beijing("2026-10-01T00:00"), beijing("2026-10-08T00:00")))
                    .isZero();
        }

        @Test
        void countsTheMakeUpSundayAndCrossesTheYearEnd() {
            assertThat(calendar.between(beijing("2026-09-19T00:00"), beijing("2026-09-21T00:00")))
                    .isEqualTo(Duration.ofMinutes(450));
            assertThat(calendar.between(beijing("2026-12-31T17:00"), beijing("2027-01-04T10:00")))
                    .isEqualTo(Duration.ofHours(2));
        }

        @Test
        void undoesAdding() {
            // Asia/Shanghai keeps +08:00 all year (no daylight saving since 1991): adding then measuring round-trips.
            var random = new Random(20261007);
            var yearStart = beijing("2026-01-01T00:00");
            for (int i = 0; i < 2_000; i++) {
                var from = yearStart.plus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
                var working = Duration.ofMinutes(1 + random.nextInt(15 * 450));
                var due = calendar.plus(from, working);
                assertThat(calendar.between(from, due))
                        .as("from %s + %s", from, working)
                        .isEqualTo(working);
                assertThat(calendar.between(due, from)).isEqualTo(working.negated());
            }
        }
    }

    @Nested
    class Rules {

        @Test
        void makeUpDaysAreWorkedAndHolidaysAreNot() {
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 6, 6))).isFalse();
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 6, 8))).isTrue();
            assertThat(calendar.exceptionOn(LocalDate.of(2026, 10, 10)))
                    .extracting(DatedException::name)
                    .isEqualTo("国庆节调休");
        }

        @Test
        void aValidCalendarHasNoViolationsAndABrokenOneSaysWhatIsWrongInChinese() {
            assertThat(calendar.violations()).isEmpty();
            var broken = new WorkingCalendar(
                    new CalendarId("broken"),
                    " ",
                    WorkingCalendar.CHINA,
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                    List.of(
                            new WorkingPeriod(LocalTime.of(8, 30), LocalTime.of(12, 0)),
                            new WorkingPeriod(LocalTime.of(11, 0), LocalTime.of(10, 0))),
                    Set.of(2026),
                    List.of(
                            new DatedException(LocalDate.of(2027, 1, 1), DayKind.HOLIDAY, "元旦"),
                            new DatedException(LocalDate.of(2027, 1, 1), DayKind.WORKDAY, null)),
                    true,
                    0);
            assertThat(broken.violations())
                    .extracting(violation -> violation.field())
                    .contains("name", "workingHours[1]", "exceptions");
        }

        @Test
        void survivesTheRoundTripThroughItsEvent() {
            assertThat(WorkingCalendar.from(calendar.toEvent(), 1)).isEqualTo(calendar);
        }
    }
}
