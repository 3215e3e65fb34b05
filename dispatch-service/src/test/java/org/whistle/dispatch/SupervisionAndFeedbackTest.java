package org.whistle.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.whistle.events.Actor;
import org.whistle.events.ClockKind;
import org.whistle.events.CommandLevel;
import org.whistle.events.Rating;
import org.whistle.events.TicketId;
import org.whistle.events.Topics;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleEscalated;
import org.whistle.events.WhistleFeedback;
import org.whistle.events.WhistleRaised;
import org.whistle.events.WhistleRouted;

/** What sla-service's escalations and the reporter's answers do to tickets. */
class SupervisionAndFeedbackTest extends DispatchServiceTestBase {

    @Test
    void raisesAStreetTicketToTheDistrictWithASupervisionOrderWhenTheUnitMissesItsReportIn() {
        var whistle = roadDamage();
        var id = raise(whistle);
        var ticket = "/api/tickets/" + id;
        var street = streetDispatcherOfGannanTown();
        post(ticket + "/file", street).ok();
        post(ticket + "/summon", street, Map.of("lead", DemoCity.ROADS_SECTION)).ok();

        publish(envelope(escalation(whistle, id, WhistleEscalated.Kind.WARNING, ClockKind.REPORT_IN)));
        publish(envelope(escalation(whistle, id, WhistleEscalated.Kind.ESCALATION, ClockKind.FILE)));
        publish(envelope(escalation(whistle, id, WhistleEscalated.Kind.ESCALATION, ClockKind.REPORT_IN)));

        var district = dispatcher("DISTRICT_DISPATCHER", DemoCity.GANNAN, DemoCity.GANNAN_CENTRE);
        await().atMost(PATIENCE)
                .until(() -> get(ticket, district).ok().text("/level").equals("DISTRICT"));
        var raised = get(ticket, district).ok();
        assertThat(raised.text("/owningCentre")).isEqualTo(DemoCity.GANNAN_CENTRE);
        assertThat(raised.body().at("/supervisionOrders").size())
                .as("the stale FILE clock escalated nothing")
                .isEqualTo(1);
        assertThat(raised.text("/supervisionOrders/0/against")).isEqualTo(DemoCity.ROADS_SECTION);
        assertThat(raised.text("/supervisionOrders/0/clock")).isEqualTo("REPORT_IN");
        assertThat(raised.body().at("/levelHistory").findValuesAsString("level"))
                .containsExactly("STREET", "DISTRICT");
        var routed = eventsOn(Topics.WHISTLE_ROUTED, whistle.whistleId(), events -> events.size() >= 3);
        var levelRaised = (WhistleRouted) routed.get(2).data();
        assertThat(levelRaised.action()).isEqualTo(WhistleRouted.Action.LEVEL_RAISED);
        assertThat(levelRaised.level()).isEqualTo(CommandLevel.DISTRICT);
        assertThat(post(ticket + "/suspend", street, Map.of("reason", "等待")).status())
                .as("the street no longer commands a district ticket")
                .isEqualTo(403);
    }

    @Test
    void raisesAnUnfiledTicketThatSlaNamesByItsWhistleWhenTheFileClockExpires() {
        var whistle = roadDamage();
        var id = raise(whistle);
        // Before filing, sla-service names only the whistle.
        var byWhistle = escalation(whistle, null, WhistleEscalated.Kind.ESCALATION, ClockKind.FILE);

        publish(envelope(byWhistle));

        var district = dispatcher("DISTRICT_DISPATCHER", DemoCity.GANNAN, DemoCity.GANNAN_CENTRE);
        await().atMost(PATIENCE)
                .until(() ->
                        get("/api/tickets/" + id, district).ok().text("/level").equals("DISTRICT"));
    }

    @Test
    void reopensAResolvedTicketForReworkWhenTheReporterSaysItIsNotFixed() {
        var whistle = roadDamage();
        var id = raise(whistle);
        var ticket = resolvedAndVerified(id);

        publish(envelope(new WhistleFeedback(
                whistle.whistleId(), TicketId.of(id), Rating.DISSATISFIED, false, "路面又坏了", Instant.now())));

        var street = streetDispatcherOfGannanTown();
        await().atMost(PATIENCE)
                .until(() -> get(ticket, street).ok().text("/state").equals("IN_PROGRESS"));
        var reopened = get(ticket, street).ok();
        assertThat(reopened.text("/level")).isEqualTo("STREET");
        assertThat(reopened.body().at("/reopenCount").asInt()).isEqualTo(1);
        assertThat(reopened.text("/tasks/0/state")).isEqualTo("REPORTED_IN");
        assertThat(reopened.body().at("/tasks/0/reworkCount").asInt())
                .as("counted against the unit")
                .isEqualTo(1);
        var routed = eventsOn(Topics.WHISTLE_ROUTED, whistle.whistleId(), events -> events.size() >= 4);
        var rework = (WhistleRouted) routed.get(3).data();
        assertThat(rework.action()).isEqualTo(WhistleRouted.Action.REOPENED);
        assertThat(rework.reason()).contains("未解决").contains("路面又坏了");
    }

    @Test
    void closesAVerifiedTicketAsResolvedWhenTheReporterIsSatisfied() {
        var whistle = roadDamage();
        var id = raise(whistle);
        var ticket = resolvedAndVerified(id);

        publish(envelope(new WhistleFeedback(whistle.whistleId(), null, Rating.SATISFIED, true, null, Instant.now())));

        var closed = eventsOn(Topics.WHISTLE_CLOSED, whistle.whistleId(), events -> !events.isEmpty());
        assertThat(((WhistleClosed) closed.getFirst().data()).outcome()).isEqualTo(WhistleClosed.Outcome.RESOLVED);
        assertThat(get(ticket, streetDispatcherOfGannanTown()).ok().text("/state"))
                .isEqualTo("CLOSED");
    }

    @Test
    void closesAVerifiedTicketAsNoAnswerWhenTheFollowUpExpires() {
        var whistle = roadDamage();
        var id = raise(whistle);
        var ticket = resolvedAndVerified(id);

        publish(envelope(escalation(whistle, id, WhistleEscalated.Kind.ESCALATION, ClockKind.FOLLOW_UP)));

        var closed = eventsOn(Topics.WHISTLE_CLOSED, whistle.whistleId(), events -> !events.isEmpty());
        assertThat(((WhistleClosed) closed.getFirst().data()).outcome()).isEqualTo(WhistleClosed.Outcome.NO_ANSWER);
        assertThat(get(ticket, streetDispatcherOfGannanTown()).ok().text("/outcome"))
                .isEqualTo("NO_ANSWER");
    }

    @Test
    void closesOnVerificationWhenTheReporterWasSatisfiedBeforeIt() {
        var whistle = roadDamage();
        var id = raise(whistle);
        var ticket = resolved(id);
        var street = streetDispatcherOfGannanTown();
        var feedback =
                envelope(new WhistleFeedback(whistle.whistleId(), null, Rating.SATISFIED, true, null, Instant.now()));
        publish(feedback);
        await().atMost(PATIENCE)
                .until(() -> jdbc.sql("SELECT count(*) FROM messaging.handled_event WHERE event_id = :id")
                                .param("id", feedback.id())
                                .query(Long.class)
                                .single()
                        == 1);

        var verified = post(ticket + "/verify", street, Map.of("pass", true)).ok();

        assertThat(verified.text("/state")).isEqualTo("CLOSED");
        assertThat(verified.text("/outcome")).isEqualTo("RESOLVED");
    }

    @Test
    void countsOneFollowUpPerRoundAndRecordsALaterAnswerInTheSameRoundAsIgnored() {
        var whistle = roadDamage();
        var id = raise(whistle);
        var ticket = resolvedAndVerified(id);
        var street = streetDispatcherOfGannanTown();

        publish(envelope(new WhistleFeedback(whistle.whistleId(), null, Rating.SATISFIED, true, null, Instant.now())));
        await().atMost(PATIENCE)
                .until(() -> get(ticket, street).ok().text("/state").equals("CLOSED"));
        publish(envelope(new WhistleFeedback(
                whistle.whistleId(), TicketId.of(id), Rating.DISSATISFIED, false, "其实没修好", Instant.now())));

        await().atMost(PATIENCE).until(() -> actions(get(ticket, street)).contains("FOLLOW_UP_IGNORED"));
        var after = get(ticket, street).ok();
        assertThat(after.text("/state"))
                .as("the second answer of the round reopens nothing")
                .isEqualTo("CLOSED");
        assertThat(after.body().at("/reopenCount").asInt()).isZero();
        assertThat(actions(after))
                .containsSubsequence("VERIFY_PASS", "FOLLOW_UP_RESOLVED", "CLOSE", "FOLLOW_UP_IGNORED");
        assertThat(after.body()
                        .at("/timeline")
                        .get(after.body().at("/timeline").size() - 1)
                        .at("/note")
                        .asString())
                .contains("本轮回访已在第")
                .contains("其实没修好");
    }

    @Test
    void reopensOnceWhenTwoNotFixedAnswersArriveInOneRound() {
        var whistle = roadDamage();
        var id = raise(whistle);
        var ticket = resolvedAndVerified(id);
        var street = streetDispatcherOfGannanTown();

        publish(envelope(new WhistleFeedback(
                whistle.whistleId(), TicketId.of(id), Rating.DISSATISFIED, false, "没修好", Instant.now())));
        publish(envelope(new WhistleFeedback(
                whistle.whistleId(), TicketId.of(id), Rating.DISSATISFIED, false, "还是没修好", Instant.now())));

        await().atMost(PATIENCE).until(() -> actions(get(ticket, street)).contains("FOLLOW_UP_IGNORED"));
        var after = get(ticket, street).ok();
        assertThat(after.body().at("/reopenCount").asInt()).isEqualTo(1);
        assertThat(actions(after).stream().filter("REOPEN"::equals)).hasSize(1);
        assertThat(actions(after).stream().filter("FOLLOW_UP_NOT_RESOLVED"::equals))
                .hasSize(1);
    }

    @Test
    void marksAFollowUpTakenByPhoneWithWhoRecordedItAndCountsItForTheRound() {
        var whistle = roadDamage();
        var id = raise(whistle);
        var ticket = resolvedAndVerified(id);
        var street = streetDispatcherOfGannanTown();
        var recorder = new Actor("u-street-dispatcher-gannan", DemoCity.GANNAN_TOWN_CENTRE, "STREET_DISPATCHER");

        publish(envelope(new WhistleFeedback(
                whistle.whistleId(),
                TicketId.of(id),
                Rating.BASICALLY_SATISFIED,
                true,
                "电话里说修好了",
                Instant.now(),
                recorder)));

        await().atMost(PATIENCE)
                .until(() -> get(ticket, street).ok().text("/state").equals("CLOSED"));
        var closed = get(ticket, street).ok();
        var followUp = entry(closed, "FOLLOW_UP_RESOLVED");
        assertThat(followUp.at("/note").asString())
                .startsWith("电话回访")
                .contains("基本满意")
                .contains("电话里说修好了");
        assertThat(followUp.at("/phoneFollowUpBy/userId").asString()).isEqualTo("u-street-dispatcher-gannan");
        assertThat(followUp.at("/actor/role").asString()).isEqualTo("STREET_DISPATCHER");
        var reporterOwn = entry(closed, "VERIFY_PASS");
        assertThat(reporterOwn.at("/phoneFollowUpBy").isNull()).isTrue();
        var closedEvent = eventsOn(Topics.WHISTLE_CLOSED, whistle.whistleId(), events -> !events.isEmpty());
        assertThat(((WhistleClosed) closedEvent.getFirst().data()).actor().userId())
                .isEqualTo("u-street-dispatcher-gannan");
    }

    @Test
    void startsANewRoundWhenTheTicketIsReopenedAndResolvedAgain() {
        var whistle = roadDamage();
        var id = raise(whistle);
        var ticket = resolvedAndVerified(id);
        var street = streetDispatcherOfGannanTown();
        var roads = officerOf(DemoCity.ROADS_SECTION, DemoCity.GANNAN);
        publish(envelope(new WhistleFeedback(
                whistle.whistleId(), TicketId.of(id), Rating.DISSATISFIED, false, "没修好", Instant.now())));
        await().atMost(PATIENCE)
                .until(() -> get(ticket, street).ok().text("/state").equals("IN_PROGRESS"));
        post(
                        ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/done",
                        roads,
                        Map.of("evidence", List.of(SeedStoriesServiceTest.PHOTO)))
                .ok();

        publish(envelope(new WhistleFeedback(whistle.whistleId(), null, Rating.SATISFIED, true, null, Instant.now())));

        await().atMost(PATIENCE).until(() -> actions(get(ticket, street)).contains("FOLLOW_UP_RESOLVED"));
        var verified = post(ticket + "/verify", street, Map.of("pass", true)).ok();
        assertThat(verified.text("/state"))
                .as("this round's answer closes it on verification")
                .isEqualTo("CLOSED");
        assertThat(actions(verified)).doesNotContain("FOLLOW_UP_IGNORED");
    }

    private static List<String> actions(Answer ticket) {
        return ticket.body().at("/timeline").findValuesAsString("action");
    }

    private static tools.jackson.databind.JsonNode entry(Answer ticket, String action) {
        for (var entry : ticket.body().at("/timeline")) {
            if (entry.at("/action").asString().equals(action)) {
                return entry;
            }
        }
        throw new AssertionError("no " + action + " entry");
    }

    @Test
    void extendsAUnitsClockWhenTheCentreApprovesItsRequest() {
        var whistle = roadDamage();
        var ticket = "/api/tickets/" + raise(whistle);
        var street = streetDispatcherOfGannanTown();
        var roads = officerOf(DemoCity.ROADS_SECTION, DemoCity.GANNAN);
        post(ticket + "/file", street).ok();
        post(ticket + "/summon", street, Map.of("lead", DemoCity.ROADS_SECTION)).ok();
        post(ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/report-in", roads).ok();
        assertThat(post(
                                ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/extension-requests",
                                roads,
                                Map.of("clock", "RESOLVE", "extraTime", "two days", "reason", "沥青未到"))
                        .status())
                .isEqualTo(422);

        var asked = post(
                        ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/extension-requests",
                        roads,
                        Map.of("clock", "RESOLVE", "extraTime", "PT48H", "reason", "沥青未到"))
                .ok();
        var requestId = asked.text("/tasks/0/extensions/0/requestId");
        var approved =
                post(ticket + "/extensions/" + requestId + "/approve", street).ok();

        assertThat(approved.text("/tasks/0/extensions/0/status")).isEqualTo("APPROVED");
        assertThat(post(ticket + "/extensions/" + requestId + "/approve", street)
                        .status())
                .isEqualTo(409);
        var routed = eventsOn(Topics.WHISTLE_ROUTED, whistle.whistleId(), events -> events.size() >= 3);
        var extended = (WhistleRouted) routed.get(2).data();
        assertThat(extended.action()).isEqualTo(WhistleRouted.Action.EXTENDED);
        assertThat(extended.extension().extraTime()).isEqualTo(Duration.ofHours(48));
        assertThat(extended.extension().unitId()).isEqualTo(DemoCity.ROADS_SECTION);
    }

    private static WhistleRaised roadDamage() {
        return whistle(DemoCity.ROAD_DAMAGE, DemoCity.FANRONG_GRID_1, DemoCity.GANNAN_TOWN, "路面破损");
    }

    private String resolvedAndVerified(String id) {
        var ticket = resolved(id);
        post(ticket + "/verify", streetDispatcherOfGannanTown(), Map.of("pass", true))
                .ok();
        return ticket;
    }

    /** Filed, the roads section summoned, reported in and done with a photo: the ticket is RESOLVED. */
    private String resolved(String id) {
        var ticket = "/api/tickets/" + id;
        var street = streetDispatcherOfGannanTown();
        var roads = officerOf(DemoCity.ROADS_SECTION, DemoCity.GANNAN);
        post(ticket + "/file", street).ok();
        post(ticket + "/summon", street, Map.of("lead", DemoCity.ROADS_SECTION)).ok();
        post(ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/report-in", roads).ok();
        post(
                        ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/done",
                        roads,
                        Map.of("evidence", List.of(SeedStoriesServiceTest.PHOTO)))
                .ok();
        return ticket;
    }

    private static WhistleEscalated escalation(
            WhistleRaised whistle, @Nullable String ticket, WhistleEscalated.Kind kind, ClockKind clock) {
        var now = Instant.now();
        return new WhistleEscalated(
                whistle.whistleId(),
                ticket == null ? null : TicketId.of(ticket),
                kind,
                clock,
                clock + "-" + (ticket == null ? whistle.whistleId().value() : ticket),
                clock == ClockKind.REPORT_IN ? DemoCity.ROADS_SECTION : null,
                CommandLevel.STREET,
                kind == WhistleEscalated.Kind.ESCALATION ? CommandLevel.DISTRICT : null,
                false,
                now.minus(Duration.ofHours(2)),
                now,
                now);
    }
}
