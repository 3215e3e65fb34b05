package org.whistle.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** One realistic event of every type, as the services will publish them, with optional fields filled. */
final class SampleEvents {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T02:15:30.123456Z"), ZoneOffset.UTC);
    static final WhistleId WHISTLE = WhistleId.of("019ac3b2-6f1e-7a42-9c1d-3e5f7a9b0c11");
    static final TicketId TICKET = TicketId.of("019ac3b2-7a00-7b13-8d2e-4f6a8b0c1d22");
    private static final Instant AT = CLOCK.instant();
    private static final java.util.UUID TASK = java.util.UUID.fromString("019ac3b2-8b00-7c24-9e3f-5a7b9c1d2e33");
    private static final java.util.UUID MEMBER = java.util.UUID.fromString("019ac3b2-9c00-7d35-8f4a-6b8c0d2e3f44");
    private static final String HEAD_HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final Actor DISPATCHER = new Actor("u-1024", "street-longsha-nanhang", "STREET_DISPATCHER");
    private static final EvidenceRef PHOTO = new EvidenceRef(
            "m-019ac3b2", "image/jpeg", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");

    private SampleEvents() {}

    static List<EventData> all() {
        return List.of(
                new WhistleRaised(
                        WHISTLE,
                        Channel.WECHAT,
                        "ENV-GARBAGE",
                        "小区东门垃圾堆积三天无人清运",
                        new Location(new GeoPoint(47.3543, 123.9182), "龙沙区南航街道永安社区东门"),
                        "grid-longsha-nanhang-yongan-03",
                        "street-longsha-nanhang",
                        Urgency.NORMAL,
                        new Reporter(Reporter.Kind.PHONE, null, "RESIDENT", "138****5678"),
                        List.of(PHOTO),
                        AT),
                new WhistleRouted(
                        WHISTLE,
                        TICKET,
                        "QQHR-20261127-000123",
                        WhistleRouted.Action.SUMMONED,
                        TicketState.DISPATCHED,
                        CommandLevel.STREET,
                        "centre-street-longsha-nanhang",
                        "ENV-GARBAGE",
                        Urgency.NORMAL,
                        List.of(
                                new WhistleRouted.Summons("unit-property-yongan", true, TaskState.SUMMONED),
                                new WhistleRouted.Summons("unit-district-sanitation", false, TaskState.SUMMONED)),
                        new WhistleRouted.Extension(ClockKind.RESOLVE, "unit-property-yongan", Duration.ofHours(48)),
                        "需协调环卫车辆",
                        DISPATCHER,
                        AT,
                        new TimelineHead(4, HEAD_HASH)),
                new WhistleReported(
                        WHISTLE,
                        TICKET,
                        "unit-property-yongan",
                        WhistleReported.Report.DONE,
                        TaskState.DONE,
                        true,
                        TicketState.RESOLVED,
                        "已清运完毕",
                        List.of(PHOTO),
                        new Actor("u-2048", "unit-property-yongan", "PROPERTY_STAFF"),
                        AT,
                        new TimelineHead(7, HEAD_HASH)),
                new WhistleClosed(
                        WHISTLE,
                        TICKET,
                        WhistleClosed.Outcome.MERGED,
                        "与 QQHR-20261127-000120 为同一问题",
                        TicketId.of("019ac3b1-0000-7000-8000-000000000120"),
                        DISPATCHER,
                        AT,
                        new TimelineHead(3, HEAD_HASH)),
                new WhistleEscalated(
                        WHISTLE,
                        TICKET,
                        WhistleEscalated.Kind.ESCALATION,
                        ClockKind.REPORT_IN,
                        "clock-019ac3b2-report-in-unit-property-yongan-1",
                        "unit-property-yongan",
                        CommandLevel.STREET,
                        CommandLevel.DISTRICT,
                        false,
                        AT.minus(Duration.ofHours(2)),
                        AT.minusSeconds(1),
                        AT),
                new WhistleFeedback(WHISTLE, TICKET, Rating.BASICALLY_SATISFIED, true, "处理及时", AT),
                new OrgUnitChanged(
                        "grid-longsha-nanhang-yongan-03",
                        "230202003001003",
                        "永安社区第三网格",
                        "GRID",
                        "community-longsha-nanhang-yongan",
                        List.of("city-qiqihar", "district-longsha", "street-longsha-nanhang"),
                        CommandLevel.STREET,
                        true,
                        LocalDate.of(2024, 1, 1),
                        LocalDate.of(2030, 12, 31),
                        null,
                        "{\"type\":\"Polygon\",\"coordinates\":[[[123.9,47.3],[123.91,47.3],[123.91,47.31],[123.9,47.3]]]}"),
                new CategoryChanged(
                        "ENV-GARBAGE", "垃圾清运", "Garbage collection", "ENV", "GENERAL", Urgency.NORMAL, true),
                new RoutingRuleChanged(
                        "rule-garbage-longsha",
                        "ENV-GARBAGE",
                        "district-longsha",
                        CommandLevel.STREET,
                        "unit-district-sanitation",
                        List.of("unit-street-longsha-nanhang-office"),
                        10,
                        true),
                new DeadlinePolicyChanged(
                        "policy-general-normal",
                        "ENV-GARBAGE",
                        Urgency.NORMAL,
                        CommandLevel.STREET,
                        Map.of(
                                ClockKind.FILE, Duration.ofHours(2),
                                ClockKind.REPORT_IN, Duration.ofHours(2),
                                ClockKind.RESOLVE, Duration.ofDays(7)),
                        0.8,
                        "calendar-qiqihar-2026",
                        true,
                        DeadlinePolicyChanged.Escalation.NEXT_LEVEL,
                        List.of("SUSPENDED", "EXTENSION")),
                new CalendarChanged(
                        "calendar-qiqihar",
                        "齐齐哈尔市工作日历",
                        "Asia/Shanghai",
                        List.of(
                                java.time.DayOfWeek.MONDAY,
                                java.time.DayOfWeek.TUESDAY,
                                java.time.DayOfWeek.WEDNESDAY,
                                java.time.DayOfWeek.THURSDAY,
                                java.time.DayOfWeek.FRIDAY),
                        List.of(
                                new CalendarChanged.WorkingHours(
                                        java.time.LocalTime.of(8, 30), java.time.LocalTime.of(12, 0)),
                                new CalendarChanged.WorkingHours(
                                        java.time.LocalTime.of(13, 30), java.time.LocalTime.of(17, 30))),
                        List.of(2026),
                        List.of(
                                new CalendarChanged.DatedException(
                                        java.time.LocalDate.of(2026, 10, 1), CalendarChanged.DayKind.HOLIDAY, "国庆节"),
                                new CalendarChanged.DatedException(
                                        java.time.LocalDate.of(2026, 9, 20), CalendarChanged.DayKind.WORKDAY, "国庆节调休")),
                        true),
                new TimelineCheckpoint(
                        "dispatch-service",
                        42,
                        "0".repeat(64),
                        AT,
                        List.of(
                                new TimelineCheckpoint.Head(TICKET, WHISTLE, 7, HEAD_HASH),
                                new TimelineCheckpoint.Head(
                                        TicketId.of("019ac3b2-7a00-7b13-8d2e-4f6a8b0c1d23"),
                                        WhistleId.of("019ac3b2-6f1e-7a42-9c1d-3e5f7a9b0c12"),
                                        2,
                                        "cd".repeat(32))),
                        "ef".repeat(32),
                        "12".repeat(32),
                        "c2lnbmF0dXJl"),
                new WhistleSupervised(
                        WHISTLE,
                        TICKET,
                        "QQHR-20261127-000123",
                        WhistleSupervised.Kind.ORDER,
                        2,
                        "unit-property-yongan",
                        CommandLevel.STREET,
                        "centre-street-longsha-nanhang",
                        CommandLevel.DISTRICT,
                        "群众反映强烈，限期清运",
                        AT.plusSeconds(86_400),
                        new Actor("u-2048", "centre-district-longsha", "DISTRICT_DISPATCHER"),
                        AT,
                        new TimelineHead(6, HEAD_HASH)),
                new UnitRated(
                        java.util.UUID.fromString("019ac3b2-8b00-7c24-9e3f-5a7b9c1d2e33"),
                        WHISTLE,
                        TICKET,
                        "QQHR-20261127-000123",
                        "unit-property-yongan",
                        "centre-street-longsha-nanhang",
                        UnitRated.PartEnded.DONE,
                        true,
                        true,
                        false,
                        UnitRated.Quality.FAIR,
                        78,
                        UnitRated.Stage.APPEAL_DECIDED,
                        UnitRated.AppealDecision.AMENDED,
                        new Actor("u-2048", "centre-district-longsha", "DISTRICT_DISPATCHER"),
                        AT),
                new CommunityTaskPublished(
                        TASK,
                        "WHISTLE",
                        "清理楼道杂物",
                        "230203003001003",
                        "230203003001003001",
                        5,
                        2,
                        AT,
                        AT.plusSeconds(7_200),
                        WHISTLE,
                        TICKET,
                        "QQ-230203003001003-YWH",
                        new Actor("jh.jjf.hanshufen", "QQ-230203003001003-YWH", "GRID_WORKER"),
                        AT),
                new CommunityTaskCompleted(
                        TASK,
                        "清理楼道杂物",
                        "230203003001003",
                        "230203003001003001",
                        1,
                        1.5,
                        WHISTLE,
                        TICKET,
                        List.of(new EvidenceRef(
                                "members-photo:019ac3b2-ad00-7e46-9a5b-7c9d1e3f4a55", "image/jpeg", HEAD_HASH)),
                        new Actor("jh.jjf.hanshufen", "QQ-230203003001003-YWH", "GRID_WORKER"),
                        AT,
                        "QQ-230203003001003-YWH"),
                new MemberReported(MEMBER, "IN_SERVICE", "230203003001003", "230203003001003001", "W-SWJ", AT),
                new MemberTaskDone(
                        MEMBER, TASK, "GRID_TASK", "230203003001003", "230203003001003001", "W-SWJ", 1.5, 5, AT));
    }

    /** The same facts with every optional field left out, the other legal shape of each type. */
    static List<EventData> withoutOptionals() {
        return List.of(
                new WhistleRaised(
                        WHISTLE,
                        Channel.HOTLINE,
                        "ROAD-POTHOLE",
                        "路面塌陷",
                        new Location(null, "建华区卜奎大街与龙华路交口"),
                        null,
                        null,
                        Urgency.URGENT,
                        new Reporter(Reporter.Kind.ANONYMOUS, null, null, null),
                        List.of(),
                        AT),
                new WhistleRouted(
                        WHISTLE,
                        TICKET,
                        "QQHR-20261127-000124",
                        WhistleRouted.Action.FILED,
                        TicketState.FILED,
                        CommandLevel.DISTRICT,
                        "centre-district-jianhua",
                        "ROAD-POTHOLE",
                        Urgency.URGENT,
                        List.of(),
                        null,
                        null,
                        Actor.system("dispatch-service"),
                        AT),
                new WhistleClosed(
                        WHISTLE, TICKET, WhistleClosed.Outcome.NO_ANSWER, null, null, Actor.system("sla"), AT),
                new WhistleEscalated(
                        WHISTLE,
                        null,
                        WhistleEscalated.Kind.WARNING,
                        ClockKind.FILE,
                        "clock-1",
                        null,
                        CommandLevel.CITY,
                        null,
                        true,
                        AT,
                        AT,
                        AT),
                new WhistleFeedback(WHISTLE, null, Rating.DISSATISFIED, false, null, AT),
                new WhistleFeedback(
                        WHISTLE,
                        TICKET,
                        Rating.SATISFIED,
                        true,
                        "电话回访：已修好",
                        AT,
                        new Actor("dispatcher-bukui", "230202003", "STREET_DISPATCHER")),
                new OrgUnitChanged(
                        "city-qiqihar",
                        "230200",
                        "齐齐哈尔市",
                        "CITY",
                        null,
                        List.of(),
                        null,
                        true,
                        LocalDate.of(2024, 1, 1),
                        null,
                        null,
                        null),
                new CategoryChanged("ROAD", "道路", null, null, "GENERAL", Urgency.URGENT, true),
                new RoutingRuleChanged(
                        "rule-fallback-jianhua",
                        null,
                        "district-jianhua",
                        null,
                        "centre-district-jianhua",
                        List.of(),
                        0,
                        true),
                new DeadlinePolicyChanged(
                        "policy-default",
                        null,
                        Urgency.URGENT,
                        null,
                        Map.of(),
                        0.8,
                        null,
                        false,
                        DeadlinePolicyChanged.Escalation.CITY,
                        List.of()),
                new CalendarChanged(
                        "calendar-empty",
                        "空日历",
                        "Asia/Shanghai",
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(new CalendarChanged.DatedException(
                                java.time.LocalDate.of(2027, 1, 1), CalendarChanged.DayKind.HOLIDAY, null)),
                        false),
                new UnitRated(
                        java.util.UUID.fromString("019ac3b2-8b00-7c24-9e3f-5a7b9c1d2e34"),
                        WHISTLE,
                        null,
                        null,
                        "unit-roads-longsha",
                        "centre-street-longsha-nanhang",
                        UnitRated.PartEnded.WITHDRAWN,
                        false,
                        false,
                        false,
                        UnitRated.Quality.POOR,
                        0,
                        UnitRated.Stage.RATED,
                        null,
                        DISPATCHER,
                        AT),
                new CommunityTaskPublished(
                        TASK,
                        "WISH",
                        "帮独居老人买菜",
                        "230203003001003",
                        "230203003001003002",
                        2,
                        1,
                        AT,
                        AT.plusSeconds(3_600),
                        null,
                        null,
                        null,
                        new Actor("u-1", null, null),
                        AT),
                new CommunityTaskCompleted(
                        TASK,
                        "帮独居老人买菜",
                        "230203003001003",
                        "230203003001003002",
                        1,
                        0.5,
                        null,
                        null,
                        List.of(),
                        new Actor("u-1", null, null),
                        AT,
                        null),
                new MemberReported(MEMBER, "VOLUNTEER", "230203003001003", "230203003001003002", null, AT),
                new MemberTaskDone(MEMBER, TASK, "WISH", "230203003001003", "230203003001003002", null, 0.5, 2, AT));
    }

    static EventEnvelope<EventData> envelope(EventData data) {
        return EventEnvelope.wrap(data, 7, "test", TraceIds.newTraceId(), CLOCK);
    }
}
