package org.whistle.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.whistle.events.EventEnvelope;
import org.whistle.events.Topics;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;

/** The seed's stories, end to end at the service: whistle on Kafka, actions over HTTP with tokens, events out. */
class SeedStoriesServiceTest extends DispatchServiceTestBase {

    static final Map<String, Object> PHOTO =
            Map.of("mediaId", "m-road-repaired", "contentType", "image/jpeg", "sha256", "ab".repeat(32));

    @Test
    void closesTheGannanRoadDamageLoopFromWhistleToVerifiedClosure() {
        var whistle =
                whistle(DemoCity.ROAD_DAMAGE, DemoCity.FANRONG_GRID_1, DemoCity.GANNAN_TOWN, "文明大街与农机路交叉路口道路部分损坏");
        var ticket = "/api/tickets/" + raise(whistle);
        var street = streetDispatcherOfGannanTown();
        var roads = officerOf(DemoCity.ROADS_SECTION, DemoCity.GANNAN);

        assertThat(post(ticket + "/file", street).ok().text("/state")).isEqualTo("FILED");
        var proposal = get(ticket + "/proposal", street).ok();
        assertThat(proposal.text("/lead")).isEqualTo(DemoCity.ROADS_SECTION);
        assertThat(post(ticket + "/summon", street, Map.of("lead", DemoCity.ROADS_SECTION, "coUnits", List.of()))
                        .ok()
                        .text("/state"))
                .isEqualTo("DISPATCHED");
        assertThat(get("/api/queues/units/" + DemoCity.ROADS_SECTION, roads)
                        .ok()
                        .body()
                        .toString())
                .contains(whistleTicketNumber(ticket, street));
        assertThat(post(ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/report-in", roads)
                        .ok()
                        .text("/state"))
                .isEqualTo("IN_PROGRESS");
        assertThat(post(
                                ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/done",
                                roads,
                                Map.of("note", "路面已修复", "evidence", List.of(PHOTO)))
                        .ok()
                        .text("/state"))
                .isEqualTo("RESOLVED");
        assertThat(post(ticket + "/verify", street, Map.of("pass", true)).ok().text("/state"))
                .isEqualTo("VERIFIED");
        var closed = post(ticket + "/close", street).ok();

        assertThat(closed.text("/state")).isEqualTo("CLOSED");
        assertThat(closed.text("/outcome")).isEqualTo("RESOLVED");
        assertThat(closed.body().at("/timeline").size()).isEqualTo(7);
        assertThat(closed.body().at("/chainIntact").asBoolean()).isTrue();
        var routed = eventsOn(Topics.WHISTLE_ROUTED, whistle.whistleId(), events -> events.size() >= 3);
        assertThat(routed)
                .extracting(e -> ((WhistleRouted) e.data()).action())
                .containsExactly(
                        WhistleRouted.Action.FILED, WhistleRouted.Action.SUMMONED, WhistleRouted.Action.VERIFIED);
        assertThat(routed).extracting(EventEnvelope::revision).containsExactly(2L, 3L, 6L);
        var reported = eventsOn(Topics.WHISTLE_REPORTED, whistle.whistleId(), events -> events.size() >= 2);
        assertThat(reported)
                .extracting(e -> ((WhistleReported) e.data()).report())
                .containsExactly(WhistleReported.Report.REPORTED_IN, WhistleReported.Report.DONE);
        assertThat(((WhistleReported) reported.get(1).data()).evidence()).hasSize(1);
        var closure = eventsOn(Topics.WHISTLE_CLOSED, whistle.whistleId(), events -> !events.isEmpty());
        assertThat(((WhistleClosed) closure.getFirst().data()).outcome()).isEqualTo(WhistleClosed.Outcome.RESOLVED);
        assertThat(closure.getFirst().revision()).isEqualTo(7);
    }

    @Test
    void summonsThePropertyCompanyUrbanManagementAndFireBrigadeForYongqingBikeShedsWhoEachReportIn() {
        var whistle = whistle(DemoCity.SHED_ENCROACHMENT, DemoCity.YONGQING_GRID_1, DemoCity.HUBIN, "永青小区老旧车棚占地影响通行");
        var ticket = "/api/tickets/" + raise(whistle);
        var hubin = dispatcher("STREET_DISPATCHER", DemoCity.HUBIN, DemoCity.HUBIN_CENTRE);
        var longsha = dispatcher("DISTRICT_DISPATCHER", DemoCity.LONGSHA, DemoCity.LONGSHA_CENTRE);
        post(ticket + "/file", hubin).ok();
        post(
                        ticket + "/transfer",
                        hubin,
                        Map.of("centre", DemoCity.LONGSHA_CENTRE, "level", "DISTRICT", "reason", "涉及多个部门，需区级统筹"))
                .ok();

        var summoned = post(
                        ticket + "/summon",
                        longsha,
                        Map.of(
                                "lead",
                                DemoCity.YONGQING_PROPERTY,
                                "coUnits",
                                List.of(DemoCity.LONGSHA_URBAN_MANAGEMENT, DemoCity.LONGSHA_FIRE)))
                .ok();
        assertThat(summoned.body().at("/tasks").size()).isEqualTo(3);
        assertThat(summoned.text("/tasks/0/unit")).isEqualTo(DemoCity.YONGQING_PROPERTY);
        assertThat(summoned.body().at("/tasks/0/lead").asBoolean()).isTrue();

        var property = token("u-gaofeng", "PROPERTY_STAFF", "230202002001003", DemoCity.YONGQING_PROPERTY);
        var urban = officerOf(DemoCity.LONGSHA_URBAN_MANAGEMENT, DemoCity.LONGSHA);
        var fire = officerOf(DemoCity.LONGSHA_FIRE, DemoCity.LONGSHA);
        assertThat(post(ticket + "/tasks/" + DemoCity.LONGSHA_URBAN_MANAGEMENT + "/report-in", property)
                        .status())
                .as("the property company reporting in for the bureau")
                .isEqualTo(403);
        post(ticket + "/tasks/" + DemoCity.YONGQING_PROPERTY + "/report-in", property)
                .ok();
        post(ticket + "/tasks/" + DemoCity.LONGSHA_URBAN_MANAGEMENT + "/report-in", urban)
                .ok();
        var last = post(ticket + "/tasks/" + DemoCity.LONGSHA_FIRE + "/report-in", fire)
                .ok();

        assertThat(last.text("/level")).isEqualTo("DISTRICT");
        assertThat(last.text("/owningCentre")).isEqualTo(DemoCity.LONGSHA_CENTRE);
        assertThat(last.body().at("/tasks").findValuesAsString("state")).containsOnly("REPORTED_IN");
        var reported = eventsOn(Topics.WHISTLE_REPORTED, whistle.whistleId(), events -> events.size() >= 3);
        assertThat(reported)
                .extracting(e -> ((WhistleReported) e.data()).unitId())
                .containsExactly(DemoCity.YONGQING_PROPERTY, DemoCity.LONGSHA_URBAN_MANAGEMENT, DemoCity.LONGSHA_FIRE);
        var routed = eventsOn(Topics.WHISTLE_ROUTED, whistle.whistleId(), events -> events.size() >= 3);
        var summons = (WhistleRouted) routed.get(2).data();
        assertThat(summons.action()).isEqualTo(WhistleRouted.Action.SUMMONED);
        assertThat(summons.summons())
                .extracting(WhistleRouted.Summons::unitId, WhistleRouted.Summons::lead)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(DemoCity.YONGQING_PROPERTY, true),
                        org.assertj.core.groups.Tuple.tuple(DemoCity.LONGSHA_URBAN_MANAGEMENT, false),
                        org.assertj.core.groups.Tuple.tuple(DemoCity.LONGSHA_FIRE, false));
    }

    @Test
    void returnsTheTicketToItsCentreWhenTheOnlySummonedUnitDeclines() {
        var whistle = whistle(DemoCity.ROAD_DAMAGE, DemoCity.FANRONG_GRID_1, DemoCity.GANNAN_TOWN, "路灯不亮");
        var ticket = "/api/tickets/" + raise(whistle);
        var street = streetDispatcherOfGannanTown();
        post(ticket + "/file", street).ok();
        post(ticket + "/summon", street, Map.of("lead", DemoCity.ROADS_SECTION)).ok();

        var declined = post(
                        ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/decline",
                        officerOf(DemoCity.ROADS_SECTION, DemoCity.GANNAN),
                        Map.of("reason", "路灯归供电公司管理"))
                .ok();

        assertThat(declined.text("/state")).isEqualTo("RETURNED");
        assertThat(declined.text("/tasks/0/state")).isEqualTo("DECLINED");
        var routed = eventsOn(Topics.WHISTLE_ROUTED, whistle.whistleId(), events -> events.size() >= 3);
        assertThat(((WhistleRouted) routed.get(2).data()).action()).isEqualTo(WhistleRouted.Action.RETURNED);
        var reported = eventsOn(Topics.WHISTLE_REPORTED, whistle.whistleId(), events -> !events.isEmpty());
        assertThat(((WhistleReported) reported.getFirst().data()).report()).isEqualTo(WhistleReported.Report.DECLINED);
    }

    private String whistleTicketNumber(String ticket, String token) {
        return get(ticket, token).ok().text("/number");
    }
}
