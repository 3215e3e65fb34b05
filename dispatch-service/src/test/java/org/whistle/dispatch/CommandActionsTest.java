package org.whistle.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.whistle.events.CommandLevel;
import org.whistle.events.Topics;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleRaised;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;
import org.whistle.events.WhistleSupervised;

/** The command centres' everyday actions: 督办/催办 by hand, 提级/下派, summons changes, evidence, merge survivors. */
class CommandActionsTest extends DispatchServiceTestBase {

    private static String district() {
        return dispatcher("DISTRICT_DISPATCHER", DemoCity.GANNAN, DemoCity.GANNAN_CENTRE);
    }

    private static String dueIn(Duration duration) {
        return Instant.now().plus(duration).atOffset(ZoneOffset.ofHours(8)).toString();
    }

    @Test
    void aDistrictIssuesASupervisionOrderAndAReminderOnAStreetTicketPublishedAndCounted() {
        var whistle = roadDamage();
        var ticket = dispatched(raise(whistle));
        var due = dueIn(Duration.ofDays(1));

        var ordered = post(ticket + "/supervise", district(), Map.of("reason", "群众反映强烈，限期修复", "dueBy", due))
                .ok();
        var reminded = post(ticket + "/remind", district(), Map.of("reason", "请尽快报到", "dueBy", due))
                .ok();

        assertThat(ordered.text("/level")).as("the level does not change").isEqualTo("STREET");
        assertThat(reminded.body().at("/supervisionOrderCount").asInt())
                .as("the reminder is not counted")
                .isEqualTo(1);
        assertThat(reminded.text("/supervisionOrders/0/kind")).isEqualTo("ORDER");
        assertThat(reminded.text("/supervisionOrders/0/against")).isEqualTo(DemoCity.ROADS_SECTION);
        assertThat(reminded.text("/supervisionOrders/0/issuedBy")).isEqualTo("DISTRICT");
        assertThat(reminded.text("/supervisionOrders/1/kind")).isEqualTo("REMINDER");
        var entry = reminded.body().at("/timeline").get(3);
        assertThat(entry.at("/action").asString()).isEqualTo("SUPERVISE");
        assertThat(entry.at("/note").asString()).contains("督办").contains("限期修复");
        assertThat(entry.at("/actor/role").asString()).isEqualTo("DISTRICT_DISPATCHER");
        var published = eventsOn(
                Topics.WHISTLE_ROUTED,
                whistle.whistleId(),
                events -> events.stream()
                                .filter(e -> e.data() instanceof WhistleSupervised)
                                .count()
                        >= 2);
        var order = published.stream()
                .map(e -> e.data())
                .filter(WhistleSupervised.class::isInstance)
                .map(WhistleSupervised.class::cast)
                .toList();
        assertThat(order.getFirst().kind()).isEqualTo(WhistleSupervised.Kind.ORDER);
        assertThat(order.getFirst().againstUnitId()).isEqualTo(DemoCity.ROADS_SECTION);
        assertThat(order.getFirst().issuedBy()).isEqualTo(CommandLevel.DISTRICT);
        assertThat(order.getFirst().dueBy())
                .isEqualTo(java.time.OffsetDateTime.parse(due).toInstant());
        assertThat(order.get(1).kind()).isEqualTo(WhistleSupervised.Kind.REMINDER);
        assertThat(order.getFirst().timelineHead().sequence()).isEqualTo(4);
        assertThat(get(ticket + "/anchors", district()).ok().text("/verdict"))
                .as("the orders' published heads match the timeline")
                .isIn("INTACT", "NOT_YET_ANCHORED");
    }

    @Test
    void onlyADistrictOrCityDispatcherInScopeSupervisesAndTheDeadlineMustLieAhead() {
        var ticket = dispatched(raise(roadDamage()));
        var body = Map.of("reason", "限期", "dueBy", dueIn(Duration.ofDays(1)));

        assertThat(post(ticket + "/supervise", streetDispatcherOfGannanTown(), body)
                        .status())
                .as("a street does not supervise")
                .isEqualTo(403);
        assertThat(post(
                                ticket + "/supervise",
                                dispatcher("DISTRICT_DISPATCHER", DemoCity.LONGSHA, DemoCity.LONGSHA_CENTRE),
                                body)
                        .status())
                .as("another district does not even see it")
                .isEqualTo(404);
        assertThat(post(ticket + "/supervise", district(), Map.of("reason", "限期", "dueBy", dueIn(Duration.ofHours(-1))))
                        .status())
                .isEqualTo(422);
        assertThat(get(ticket, district()).ok().body().at("/supervisionOrders").size())
                .isZero();
    }

    @Test
    void aDistrictPullsAStreetTicketUpAndHandsItBackDownWithTheLevelPublished() {
        var whistle = roadDamage();
        var ticket = dispatched(raise(whistle));

        var pulled = post(ticket + "/pull-up", district(), Map.of("reason", "涉及多个部门，区级统筹"))
                .ok();

        assertThat(pulled.text("/level")).isEqualTo("DISTRICT");
        assertThat(pulled.text("/owningCentre")).isEqualTo(DemoCity.GANNAN_CENTRE);
        assertThat(post(ticket + "/suspend", streetDispatcherOfGannanTown(), Map.of("reason", "等待"))
                        .status())
                .as("the street no longer commands it")
                .isEqualTo(403);
        assertThat(post(ticket + "/pull-up", district(), Map.of("reason", "再提")).status())
                .as("a district does not pull up its own ticket")
                .isEqualTo(403);

        var handed = post(ticket + "/hand-down", district(), Map.of("level", "STREET", "reason", "交街道办理"))
                .ok();

        assertThat(handed.text("/level")).isEqualTo("STREET");
        assertThat(handed.text("/owningCentre")).isEqualTo(DemoCity.GANNAN_TOWN_CENTRE);
        assertThat(handed.body().at("/timeline").findValuesAsString("action")).contains("PULL_UP", "HAND_DOWN");
        var routed = eventsOn(Topics.WHISTLE_ROUTED, whistle.whistleId(), events -> events.size() >= 4);
        var up = (WhistleRouted) routed.get(2).data();
        assertThat(up.action()).isEqualTo(WhistleRouted.Action.TRANSFERRED);
        assertThat(up.level())
                .as("sla-service re-plans the clocks by this level")
                .isEqualTo(CommandLevel.DISTRICT);
        assertThat(up.owningCentreId()).isEqualTo(DemoCity.GANNAN_CENTRE);
        assertThat(up.reason()).contains("区级统筹");
        assertThat(((WhistleRouted) routed.get(3).data()).level()).isEqualTo(CommandLevel.STREET);
    }

    @Test
    void theCentreWithdrawsAUnitSummonedByMistakeAndReplacesTheLeadWithoutADecline() {
        var whistle = roadDamage();
        var id = raise(whistle);
        var ticket = "/api/tickets/" + id;
        var street = streetDispatcherOfGannanTown();
        post(ticket + "/file", street).ok();
        post(
                        ticket + "/summon",
                        street,
                        Map.of("lead", DemoCity.ROADS_SECTION, "coUnits", List.of(DemoCity.GANNAN_URBAN_MANAGEMENT)))
                .ok();

        assertThat(post(ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/withdraw", street, Map.of("reason", "误派"))
                        .status())
                .as("the lead is replaced, not withdrawn")
                .isEqualTo(409);
        var withdrawn = post(
                        ticket + "/tasks/" + DemoCity.GANNAN_URBAN_MANAGEMENT + "/withdraw",
                        street,
                        Map.of("reason", "误派，与城管无关"))
                .ok();
        assertThat(withdrawn.body().at("/tasks").findValuesAsString("unit")).containsExactly(DemoCity.ROADS_SECTION);
        assertThat(get(ticket, officerOf(DemoCity.GANNAN_URBAN_MANAGEMENT, DemoCity.GANNAN))
                        .status())
                .as("a withdrawn unit no longer sees the ticket")
                .isEqualTo(404);

        var replaced = post(
                        ticket + "/lead", street, Map.of("lead", DemoCity.GANNAN_URBAN_MANAGEMENT, "reason", "路面归城管维护"))
                .ok();

        assertThat(replaced.text("/tasks/0/unit")).isEqualTo(DemoCity.GANNAN_URBAN_MANAGEMENT);
        assertThat(replaced.body().at("/tasks/0/lead").asBoolean()).isTrue();
        assertThat(replaced.body().at("/tasks").size()).isEqualTo(1);
        assertThat(replaced.text("/state")).isEqualTo("DISPATCHED");
        var routed = eventsOn(Topics.WHISTLE_ROUTED, whistle.whistleId(), events -> events.size() >= 4);
        var last = (WhistleRouted) routed.get(3).data();
        assertThat(last.action()).isEqualTo(WhistleRouted.Action.SUMMONED);
        assertThat(last.summons())
                .singleElement()
                .satisfies(s -> assertThat(s.unitId()).isEqualTo(DemoCity.GANNAN_URBAN_MANAGEMENT))
                .satisfies(s -> assertThat(s.lead()).isTrue());
        assertThat(last.reason()).contains("路面归城管维护");
    }

    @Test
    void aUnitThatReportedInStillReturnsTheTaskWithAReason() {
        var whistle = roadDamage();
        var ticket = dispatched(raise(whistle));
        var roads = officerOf(DemoCity.ROADS_SECTION, DemoCity.GANNAN);
        post(ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/report-in", roads).ok();

        var returned = post(
                        ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/decline",
                        roads,
                        Map.of("reason", "现场查看后属于城管职责"))
                .ok();

        assertThat(returned.text("/state")).isEqualTo("RETURNED");
        assertThat(returned.text("/tasks/0/declineReason")).isEqualTo("现场查看后属于城管职责");
        var reported = eventsOn(Topics.WHISTLE_REPORTED, whistle.whistleId(), events -> events.size() >= 2);
        assertThat(((WhistleReported) reported.get(1).data()).report()).isEqualTo(WhistleReported.Report.DECLINED);
    }

    @Test
    void verificationCarriesTheInspectorsNoteAndPhotos() {
        var ticket = dispatched(raise(roadDamage()));
        var roads = officerOf(DemoCity.ROADS_SECTION, DemoCity.GANNAN);
        post(ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/report-in", roads).ok();
        post(
                        ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/done",
                        roads,
                        Map.of("evidence", List.of(SeedStoriesServiceTest.PHOTO)))
                .ok();
        var inspection = Map.of("mediaId", "m-inspector-1", "contentType", "image/jpeg", "sha256", "a".repeat(64));

        var verified = post(
                        ticket + "/verify",
                        streetDispatcherOfGannanTown(),
                        Map.of("pass", true, "note", "现场复核路面已修复", "evidence", List.of(inspection)))
                .ok();

        var entry = verified.body()
                .at("/timeline")
                .get(verified.body().at("/timeline").size() - 1);
        assertThat(entry.at("/action").asString()).isEqualTo("VERIFY_PASS");
        assertThat(entry.at("/note").asString()).isEqualTo("现场复核路面已修复");
        assertThat(entry.at("/evidence/0/mediaId").asString()).isEqualTo("m-inspector-1");
    }

    @Test
    void theSurvivingTicketNamesTheTicketMergedIntoIt() {
        var street = streetDispatcherOfGannanTown();
        var survivor = raise(roadDamage());
        var duplicateWhistle = roadDamage();
        var duplicate = raise(duplicateWhistle);

        post("/api/tickets/" + duplicate + "/merge", street, Map.of("into", survivor))
                .ok();

        var shown = get("/api/tickets/" + survivor, street).ok();
        var last = shown.body().at("/timeline").get(shown.body().at("/timeline").size() - 1);
        var duplicateNumber = get("/api/tickets/" + duplicate, street).ok().text("/number");
        assertThat(last.at("/action").asString()).isEqualTo("MERGED_IN");
        assertThat(last.at("/note").asString())
                .contains(duplicateNumber)
                .contains(duplicateWhistle.whistleId().toString());
        assertThat(shown.text("/state")).isEqualTo("RAISED");
        assertThat(shown.body().at("/chainIntact").asBoolean()).isTrue();
        var closed = eventsOn(Topics.WHISTLE_CLOSED, duplicateWhistle.whistleId(), events -> !events.isEmpty());
        assertThat(((WhistleClosed) closed.getFirst().data()).outcome()).isEqualTo(WhistleClosed.Outcome.MERGED);
    }

    /** Filed and the roads section summoned to lead. */
    private String dispatched(String id) {
        var ticket = "/api/tickets/" + id;
        var street = streetDispatcherOfGannanTown();
        post(ticket + "/file", street).ok();
        post(ticket + "/summon", street, Map.of("lead", DemoCity.ROADS_SECTION)).ok();
        return ticket;
    }

    private static WhistleRaised roadDamage() {
        return whistle(DemoCity.ROAD_DAMAGE, DemoCity.FANRONG_GRID_1, DemoCity.GANNAN_TOWN, "路面破损");
    }
}
