package org.whistle.notification.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.whistle.events.Actor;
import org.whistle.events.Channel;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.EventData;
import org.whistle.events.EventEnvelope;
import org.whistle.events.GeoPoint;
import org.whistle.events.Location;
import org.whistle.events.Rating;
import org.whistle.events.Reporter;
import org.whistle.events.TaskState;
import org.whistle.events.TicketId;
import org.whistle.events.TicketState;
import org.whistle.events.TraceIds;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleEscalated;
import org.whistle.events.WhistleFeedback;
import org.whistle.events.WhistleId;
import org.whistle.events.WhistleRaised;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;
import org.whistle.events.WhistleSupervised;
import org.whistle.texts.Catalogue;
import org.whistle.texts.PlainText;

/** Every message a person reads is written from the catalogue, with names and Shanghai time, in either language. */
class MessagesTest {

    private static final Instant DUE = Instant.parse("2026-12-07T10:13:35.358Z");
    private static final String UNIT = "QQ-230225-ZJJ-LZG";
    private static final Clock CLOCK = Clock.fixed(DUE.minus(Duration.ofHours(3)), ZoneOffset.UTC);
    private static final Addressee UNIT_OFFICERS = Addressee.of(Recipient.unit(UNIT));
    private static final Addressee UNIT_LEADER = Addressee.leaderOf(Recipient.unit(UNIT));
    private static final Addressee REPORTER = Addressee.reporter(Recipient.user("resident-1"));

    private final Messages chinese = new Messages("https://whistle.example/track/", Catalogue.chinese());
    private final Messages english = new Messages("https://whistle.example/track/", Catalogue.english());
    private final WhistleId whistle = WhistleId.newId();
    private final TicketId ticket = TicketId.newId();

    @Nested
    class EveryMessage {

        @Test
        void isPlainForEveryReaderInBothLanguages() {
            var rendered = 0;
            for (var messages : List.of(chinese, english)) {
                for (var event : everyEvent()) {
                    for (var addressee : List.of(UNIT_OFFICERS, UNIT_LEADER, REPORTER)) {
                        var message = messages.render(event, addressee, new KnownNames());
                        assertThat(PlainText.offences(message.title() + "\n" + message.body()))
                                .as("%s to %s: %s / %s", event.type(), addressee, message.title(), message.body())
                                .isEmpty();
                        assertThat(message.title()).isNotBlank();
                        assertThat(message.body()).isNotBlank();
                        rendered++;
                    }
                }
            }
            assertThat(rendered).isGreaterThan(100);
        }

        @Test
        void namesWhatTheOrganisationDoesNotKnowWithoutItsCode() {
            for (var event : everyEvent()) {
                var message = chinese.render(event, UNIT_OFFICERS, new UnknownNames());
                assertThat(PlainText.offences(message.title() + "\n" + message.body()))
                        .as(message.body())
                        .isEmpty();
            }
        }

        @Test
        void isEnglishForAnEnglishReader() {
            var message = english.render(
                    envelope(routedWith(WhistleRouted.Action.TRANSFERRED, null)), UNIT_OFFICERS, new KnownNames());
            assertThat(message.title()).isEqualTo("Case QQ-20261207-000001: transferred");
            assertThat(message.body()).doesNotContainPattern("[\\p{IsHan}&&[^道路破损]]");
        }
    }

    @Nested
    class Escalation {

        @Test
        void callsTheLateListTheBlackListNeverTheRedList() {
            var message =
                    chinese.render(envelope(escalated(ClockKind.REPORT_IN, UNIT, true)), UNIT_LEADER, new KnownNames());
            assertThat(message.body())
                    .isEqualTo("督办通知：贵单位（龙沙区城管局）承办的工单 QQ-20261207-000001（道路破损）报到时限已于 12月7日 18:13 超期，"
                            + "已升级至龙沙区指挥中心。已列入黑榜通报。")
                    .doesNotContain("红榜");
        }

        @Test
        void ofAWhistleNotYetFiledNamesTheCentreNotAMissingUnit() {
            var message =
                    chinese.render(envelope(escalated(ClockKind.FILE, null, false)), UNIT_OFFICERS, new KnownNames());
            assertThat(message.title()).isEqualTo("超期未受理：道路破损哨情");
            assertThat(message.body())
                    .isEqualTo("辖区内一件道路破损哨情的受理时限已于 12月7日 18:13 超期，已升级至龙沙区指挥中心，请尽快受理。")
                    .doesNotContain("相关单位", "null", "FILE", "2026-12-07T");
        }

        @Test
        void writesTheDueTimeInShanghaiTime() {
            var message = chinese.render(envelope(warning(ClockKind.RESOLVE)), UNIT_OFFICERS, new KnownNames());
            assertThat(message.body()).isEqualTo("龙沙区城管局：工单 QQ-20261207-000001（道路破损）的办结时限将于 12月7日 18:13 到期，请尽快办结。");
        }
    }

    @Nested
    class TheReportersTexts {

        @Test
        void stayWithTheReporter() {
            var events = List.<EventEnvelope<?>>of(
                    envelope(routedWith(WhistleRouted.Action.FILED, null)),
                    envelope(routedWith(WhistleRouted.Action.VERIFIED, null)),
                    envelope(new WhistleClosed(
                            whistle, ticket, WhistleClosed.Outcome.RESOLVED, null, null, actor(), CLOCK.instant())),
                    envelope(new WhistleReported(
                            whistle,
                            ticket,
                            UNIT,
                            WhistleReported.Report.DONE,
                            TaskState.DONE,
                            true,
                            TicketState.RESOLVED,
                            null,
                            List.of(),
                            actor(),
                            CLOCK.instant())));
            var centre = Addressee.of(Recipient.unit("QQ-230225-CC"));
            for (var event : events) {
                var toReporter = chinese.render(event, REPORTER, new KnownNames());
                var toCentre = chinese.render(event, centre, new KnownNames());
                assertThat(toReporter.title() + toReporter.body()).contains("您");
                assertThat(toCentre.title() + toCentre.body())
                        .as(event.type())
                        .doesNotContain("您反映", "您的哨情", Messages.TRACKING_CODE, "请评价")
                        .contains("QQ-20261207-000001");
            }
        }
    }

    @Nested
    class Summons {

        @Test
        void namesTheLeadUnit() {
            var message = chinese.render(
                    envelope(routedWith(WhistleRouted.Action.SUMMONED, null)), UNIT_OFFICERS, new KnownNames());
            assertThat(message.title()).isEqualTo("吹哨报到：工单 QQ-20261207-000001");
            assertThat(message.body()).isEqualTo("工单 QQ-20261207-000001（道路破损）召集您单位报到，牵头单位为龙沙区城管局。");
        }
    }

    // ---- events ------------------------------------------------------------------------------------------------

    private List<EventEnvelope<?>> everyEvent() {
        var events = new ArrayList<EventEnvelope<?>>();
        events.add(envelope(new WhistleRaised(
                whistle,
                Channel.WEB,
                "MUNICIPAL-ROAD-DAMAGE",
                "路面塌陷",
                new Location(new GeoPoint(47.34, 123.95), null),
                "QQ-230225-G01",
                "QQ-230225-S01",
                Urgency.NORMAL,
                new Reporter(Reporter.Kind.USER, "resident-1", "RESIDENT", null),
                List.of(),
                CLOCK.instant())));
        for (var action : WhistleRouted.Action.values()) {
            events.add(envelope(routedWith(action, null)));
            events.add(envelope(routedWith(action, "道路不归本街道管理")));
        }
        for (var report : WhistleReported.Report.values()) {
            events.add(envelope(new WhistleReported(
                    whistle,
                    ticket,
                    UNIT,
                    report,
                    TaskState.REPORTED_IN,
                    true,
                    TicketState.IN_PROGRESS,
                    null,
                    List.of(),
                    actor(),
                    CLOCK.instant())));
            events.add(envelope(new WhistleReported(
                    whistle,
                    ticket,
                    UNIT,
                    report,
                    TaskState.REPORTED_IN,
                    true,
                    TicketState.IN_PROGRESS,
                    "已到现场查看",
                    List.of(),
                    actor(),
                    CLOCK.instant())));
        }
        for (var clock : ClockKind.values()) {
            events.add(envelope(warning(clock)));
            events.add(envelope(escalated(clock, UNIT, false)));
            events.add(envelope(escalated(clock, UNIT, true)));
            events.add(envelope(escalated(clock, null, false)));
        }
        for (var kind : WhistleSupervised.Kind.values()) {
            events.add(envelope(new WhistleSupervised(
                    whistle,
                    ticket,
                    "QQ-20261207-000001",
                    kind,
                    1,
                    UNIT,
                    CommandLevel.STREET,
                    "QQ-230225-CC",
                    CommandLevel.DISTRICT,
                    "请加快处置",
                    DUE,
                    actor(),
                    CLOCK.instant(),
                    null)));
        }
        for (var outcome : WhistleClosed.Outcome.values()) {
            events.add(envelope(new WhistleClosed(whistle, ticket, outcome, null, null, actor(), CLOCK.instant())));
        }
        for (var rating : Rating.values()) {
            events.add(envelope(new WhistleFeedback(whistle, ticket, rating, true, null, CLOCK.instant())));
            events.add(envelope(new WhistleFeedback(whistle, ticket, rating, false, "还没修", CLOCK.instant())));
        }
        return events;
    }

    private WhistleRouted routedWith(WhistleRouted.Action action, @Nullable String reason) {
        return new WhistleRouted(
                whistle,
                ticket,
                "QQ-20261207-000001",
                action,
                TicketState.DISPATCHED,
                CommandLevel.STREET,
                "QQ-230225-CC",
                "MUNICIPAL-ROAD-DAMAGE",
                Urgency.NORMAL,
                List.of(new WhistleRouted.Summons(UNIT, true, TaskState.SUMMONED)),
                null,
                reason,
                actor(),
                CLOCK.instant());
    }

    private WhistleEscalated warning(ClockKind clock) {
        return new WhistleEscalated(
                whistle,
                ticket,
                WhistleEscalated.Kind.WARNING,
                clock,
                "clock-1",
                UNIT,
                CommandLevel.STREET,
                null,
                false,
                CLOCK.instant(),
                DUE,
                CLOCK.instant());
    }

    private WhistleEscalated escalated(ClockKind clock, @Nullable String unit, boolean blackList) {
        return new WhistleEscalated(
                whistle,
                unit == null ? null : ticket,
                WhistleEscalated.Kind.ESCALATION,
                clock,
                "clock-2",
                unit,
                CommandLevel.STREET,
                CommandLevel.DISTRICT,
                blackList,
                CLOCK.instant(),
                DUE,
                DUE.plusSeconds(1));
    }

    private static Actor actor() {
        return new Actor("dispatcher-1", "QQ-230225-CC", "STREET_DISPATCHER");
    }

    private static <T extends EventData> EventEnvelope<T> envelope(T data) {
        return EventEnvelope.wrap(data, 1, "test", TraceIds.newTraceId(), CLOCK);
    }

    /** The organisation copy knows every code. */
    private static final class KnownNames implements Names {

        @Override
        public String unit(@Nullable String code) {
            return UNIT.equals(code) ? "龙沙区城管局" : "相关单位";
        }

        @Override
        public String centre(CommandLevel level) {
            return switch (level) {
                case STREET -> "五龙街道指挥中心";
                case DISTRICT -> "龙沙区指挥中心";
                case CITY -> "齐齐哈尔市指挥中心";
            };
        }

        @Override
        public String category() {
            return "道路破损";
        }

        @Override
        public String ticket() {
            return "工单 QQ-20261207-000001";
        }
    }

    /** The organisation copy knows nothing yet: the catalogue's words stand in, never a code. */
    private static final class UnknownNames implements Names {

        private final Catalogue texts = Catalogue.chinese();

        @Override
        public String unit(@Nullable String code) {
            return texts.text("name.unit.unknown");
        }

        @Override
        public String centre(CommandLevel level) {
            return texts.name("centre", level);
        }

        @Override
        public String category() {
            return texts.text("name.category.unknown");
        }

        @Override
        public String ticket() {
            return texts.text("name.ticket.unfiled");
        }
    }

    @Test
    void wechatTextsLeaveTheTrackingCodeOutAndSmsTextsFillItIn() {
        var filed = "您反映的问题（" + Messages.TRACKING_CODE + "）已受理，工单号 QQ-2026-000001。";
        var verified = "您反映的问题（" + Messages.TRACKING_CODE + "）已办结并核查，请评价：http://localhost:8080/track/"
                + Messages.TRACKING_CODE;

        assertThat(Messages.withoutTrackingCode(filed)).isEqualTo("您反映的问题已受理，工单号 QQ-2026-000001。");
        assertThat(Messages.withoutTrackingCode(verified))
                .isEqualTo("您反映的问题已办结并核查，请评价：http://localhost:8080/track/")
                .doesNotContain(Messages.TRACKING_CODE);
        assertThat(Messages.withTrackingCode(filed, "K7QW-2M9X")).contains("（K7QW-2M9X）");
    }
}
