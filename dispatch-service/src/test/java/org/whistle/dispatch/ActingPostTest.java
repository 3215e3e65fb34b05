package org.whistle.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.whistle.events.Topics;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;
import org.whistle.testing.TestIssuer;

/**
 * The timeline and the events record the post a person acted in — the role that authorised the action — not whichever
 * of their roles the token lists first (一肩三挑).
 */
class ActingPostTest extends DispatchServiceTestBase {

    @Test
    void recordsTheDispatcherRoleOfTheTicketsLevelForACentreActionBySomeoneWithManyRoles() {
        var whistle = whistle(DemoCity.SHED_ENCROACHMENT, DemoCity.YONGQING_GRID_1, DemoCity.HUBIN, "车棚占地");
        var ticket = "/api/tickets/" + raise(whistle);
        var manyPosts = TestIssuer.get()
                .token(
                        "u-many-posts-centre",
                        List.of("RESIDENT", "GRID_WORKER", "PARTY_MEMBER", "LEADER", "STREET_DISPATCHER"),
                        List.of(DemoCity.HUBIN),
                        DemoCity.HUBIN_CENTRE);

        var filed = post(ticket + "/file", manyPosts).ok();

        assertThat(filed.text("/timeline/1/actor/role")).isEqualTo("STREET_DISPATCHER");
        var routed = eventsOn(Topics.WHISTLE_ROUTED, whistle.whistleId(), events -> !events.isEmpty());
        assertThat(((WhistleRouted) routed.getFirst().data()).actor().role()).isEqualTo("STREET_DISPATCHER");
    }

    @Test
    void recordsPropertyStaffForAnOwnersCommitteeMemberWhoAlsoHoldsOtherPosts() {
        var whistle = whistle(DemoCity.SHED_ENCROACHMENT, DemoCity.YONGQING_GRID_1, DemoCity.HUBIN, "车棚占地");
        var ticket = "/api/tickets/" + raise(whistle);
        var hubin = dispatcher("STREET_DISPATCHER", DemoCity.HUBIN, DemoCity.HUBIN_CENTRE);
        post(ticket + "/file", hubin).ok();
        post(ticket + "/summon", hubin, Map.of("lead", DemoCity.YONGQING_PROPERTY))
                .ok();
        var chair = TestIssuer.get()
                .token(
                        "u-hanshufen",
                        List.of(
                                "RESIDENT",
                                "GRID_WORKER",
                                "PARTY_MEMBER",
                                "LEADER",
                                "COMMUNITY_STAFF",
                                "PROPERTY_STAFF"),
                        List.of("230202002001003"),
                        DemoCity.YONGQING_PROPERTY);

        var reportedIn = post(ticket + "/tasks/" + DemoCity.YONGQING_PROPERTY + "/report-in", chair)
                .ok();

        var entry = reportedIn.body().at("/timeline").get(3);
        assertThat(entry.at("/action").asString()).isEqualTo("REPORT_IN");
        assertThat(entry.at("/actor/role").asString()).isEqualTo("PROPERTY_STAFF");
        assertThat(entry.at("/actor/orgUnitId").asString()).isEqualTo(DemoCity.YONGQING_PROPERTY);
        var reported = eventsOn(Topics.WHISTLE_REPORTED, whistle.whistleId(), events -> !events.isEmpty());
        assertThat(((WhistleReported) reported.getFirst().data()).actor().role())
                .isEqualTo("PROPERTY_STAFF");
    }
}
