package org.whistle.orgreference.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.whistle.events.CalendarChanged;
import org.whistle.events.CategoryChanged;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.DeadlinePolicyChanged;
import org.whistle.events.EventData;
import org.whistle.events.EventEnvelope;
import org.whistle.events.GeoPoint;
import org.whistle.events.OrgUnitChanged;
import org.whistle.events.RoutingRuleChanged;
import org.whistle.events.TraceIds;
import org.whistle.events.Urgency;

class OrgReferenceCopyTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T08:00:00Z"), ZoneOffset.UTC);
    static final String SQUARE =
            "{\"type\":\"Polygon\",\"coordinates\":[[[123.50,47.92],[123.51,47.92],[123.51,47.93],[123.50,47.93],[123.50,47.92]]]}";

    final OrgReferenceCopy copy = new OrgReferenceCopy();

    @Test
    void keepsTheNewestRevisionWhateverOrderRecordsArriveIn() {
        copy.apply(envelope(node("230225", "DISTRICT", "甘南县（新）", "230200", List.of("230200"), null), 2));
        var stale = copy.apply(envelope(node("230225", "DISTRICT", "甘南县", "230200", List.of("230200"), null), 1));

        assertThat(stale).isFalse();
        assertThat(copy.unit("230225").orElseThrow().name()).isEqualTo("甘南县（新）");
    }

    @Test
    void locatesAPointInItsGridWithTheAncestryAndFollowsBoundaryChanges() {
        city();
        var location = copy.locate(new GeoPoint(47.925, 123.505)).orElseThrow();

        assertThat(location.grid().unitId()).isEqualTo("230225100001001");
        assertThat(location.ancestry())
                .extracting(OrgUnitChanged::unitId)
                .containsExactly("230200", "230225", "230225100", "230225100001", "230225100001001");
        assertThat(copy.locate(new GeoPoint(47.95, 123.505))).isEmpty();

        var moved = SQUARE.replace("47.92]", "47.94]").replace("47.93]", "47.96]");
        copy.apply(envelope(grid(moved), 5));
        assertThat(copy.locate(new GeoPoint(47.95, 123.505))).isPresent();
    }

    @Test
    void findsTheCommandCentreOfEachLevelAboveANode() {
        city();

        assertThat(copy.commandCentre("230225100001001", CommandLevel.STREET)
                        .orElseThrow()
                        .unitId())
                .isEqualTo("QQ-230225100-ZHZX");
        assertThat(copy.commandCentre("230225100001001", CommandLevel.DISTRICT)
                        .orElseThrow()
                        .unitId())
                .isEqualTo("QQ-230225-ZHZX");
    }

    @Test
    void proposesUnitsAsOrgRegistryWouldCategoryRuleBeforeFallback() {
        city();
        copy.apply(envelope(new CategoryChanged("ROAD", "道路", null, null, "GENERAL", Urgency.NORMAL, true), 1));
        copy.apply(
                envelope(new CategoryChanged("ROAD-DAMAGE", "道路破损", null, "ROAD", "GENERAL", Urgency.NORMAL, true), 1));
        copy.apply(
                envelope(new RoutingRuleChanged("R-1", null, "230225", null, "QQ-230225-ZHZX", List.of(), 0, true), 1));
        copy.apply(envelope(
                new RoutingRuleChanged("R-2", "ROAD", "230225", null, "QQ-230225-ZJJ-LZG", List.of(), 0, true), 1));

        var proposal = copy.propose("ROAD-DAMAGE", "230225100001001", CommandLevel.STREET)
                .orElseThrow();

        assertThat(proposal.lead().value()).isEqualTo("QQ-230225-ZJJ-LZG");
        assertThat(copy.propose("UNKNOWN", "230225100001001", CommandLevel.STREET))
                .isEmpty();
    }

    @Test
    void holdsTheNewestStateOfEachWorkingCalendarWithItsRevision() {
        assertThat(copy.calendar("qiqihar")).isEmpty();
        copy.apply(envelope(calendar("齐齐哈尔市工作日历（修订）"), 3));
        var stale = copy.apply(envelope(calendar("齐齐哈尔市工作日历"), 2));

        assertThat(stale).isFalse();
        var held = copy.calendar("qiqihar").orElseThrow();
        assertThat(held.name()).isEqualTo("齐齐哈尔市工作日历（修订）");
        assertThat(held.revision()).isEqualTo(3);
        assertThat(held.isWorkingDay(LocalDate.of(2026, 9, 20))).as("调休 Sunday").isTrue();
        assertThat(copy.calendarRevisions()).containsEntry("qiqihar", 3L);
        assertThat(copy.size()).containsEntry("calendars", 1);
    }

    private static CalendarChanged calendar(String name) {
        return new CalendarChanged(
                "qiqihar",
                name,
                "Asia/Shanghai",
                List.of(
                        java.time.DayOfWeek.MONDAY,
                        java.time.DayOfWeek.TUESDAY,
                        java.time.DayOfWeek.WEDNESDAY,
                        java.time.DayOfWeek.THURSDAY,
                        java.time.DayOfWeek.FRIDAY),
                List.of(new CalendarChanged.WorkingHours(
                        java.time.LocalTime.of(8, 30), java.time.LocalTime.of(17, 30))),
                List.of(2026),
                List.of(new CalendarChanged.DatedException(
                        LocalDate.of(2026, 9, 20), CalendarChanged.DayKind.WORKDAY, "国庆节调休")),
                true);
    }

    @Test
    void looksUpTheMostSpecificDeadlinePolicy() {
        city();
        copy.apply(envelope(new CategoryChanged("ROAD", "道路", null, null, "GENERAL", Urgency.NORMAL, true), 1));
        copy.apply(envelope(policy("D-ANY", null, Duration.ofDays(7)), 1));
        copy.apply(envelope(policy("D-ROAD", "ROAD", Duration.ofHours(24)), 1));

        var match =
                copy.deadlinePolicy("ROAD", Urgency.NORMAL, CommandLevel.STREET).orElseThrow();

        assertThat(match.policy().id().value()).isEqualTo("D-ROAD");
        assertThat(match.policy().durations()).containsEntry(ClockKind.RESOLVE, Duration.ofHours(24));
    }

    private void city() {
        copy.apply(envelope(node("230200", "CITY", "齐齐哈尔市", null, List.of(), null), 1));
        copy.apply(envelope(node("230225", "DISTRICT", "甘南县", "230200", List.of("230200"), null), 1));
        copy.apply(envelope(node("230225100", "STREET", "甘南镇", "230225", List.of("230200", "230225"), null), 1));
        copy.apply(envelope(
                node("230225100001", "COMMUNITY", "繁荣社区", "230225100", List.of("230200", "230225", "230225100"), null),
                1));
        copy.apply(envelope(grid(SQUARE), 1));
        copy.apply(envelope(unit("QQ-230225100-ZHZX", "COMMAND_CENTRE", "230225100", List.of("230200", "230225")), 1));
        copy.apply(envelope(unit("QQ-230225-ZHZX", "COMMAND_CENTRE", "230225", List.of("230200")), 1));
        copy.apply(envelope(unit("QQ-230225-ZJJ-LZG", "SECTION", "230225", List.of("230200")), 1));
    }

    private static OrgUnitChanged grid(String boundary) {
        return node(
                "230225100001001",
                "GRID",
                "繁荣社区第一网格",
                "230225100001",
                List.of("230200", "230225", "230225100", "230225100001"),
                boundary);
    }

    private static OrgUnitChanged node(
            String id,
            String kind,
            String name,
            @Nullable String parent,
            List<String> ancestry,
            @Nullable String boundary) {
        var level = switch (kind) {
            case "CITY" -> CommandLevel.CITY;
            case "DISTRICT" -> CommandLevel.DISTRICT;
            default -> CommandLevel.STREET;
        };
        return new OrgUnitChanged(
                id, id, name, kind, parent, ancestry, level, true, LocalDate.of(2024, 1, 1), null, null, boundary);
    }

    private static OrgUnitChanged unit(String id, String kind, String area, List<String> areaAncestry) {
        var ancestry = new java.util.ArrayList<>(areaAncestry);
        ancestry.add(area);
        return new OrgUnitChanged(
                id,
                id,
                id,
                kind,
                null,
                ancestry,
                CommandLevel.STREET,
                true,
                LocalDate.of(2024, 1, 1),
                null,
                area,
                null);
    }

    private static DeadlinePolicyChanged policy(String id, @Nullable String category, Duration resolve) {
        return new DeadlinePolicyChanged(
                id,
                category,
                Urgency.NORMAL,
                null,
                Map.of(ClockKind.FILE, Duration.ofHours(2), ClockKind.RESOLVE, resolve),
                0.8,
                null,
                true,
                DeadlinePolicyChanged.Escalation.NEXT_LEVEL,
                List.of("SUSPENDED"));
    }

    private static <T extends EventData> EventEnvelope<T> envelope(T data, long revision) {
        return EventEnvelope.wrap(data, revision, "org-registry-service", TraceIds.newTraceId(), CLOCK);
    }
}
