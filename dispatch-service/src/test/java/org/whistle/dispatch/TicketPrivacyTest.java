package org.whistle.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.whistle.events.Topics;
import org.whistle.events.WhistleReported;
import org.whistle.testing.AccessLogCapture;
import org.whistle.testing.TestIssuer;
import tools.jackson.databind.JsonNode;

/**
 * A reporter's number written into a ticket's notes is shown in full only to those who must call the reporter,
 * leaves dispatch masked, and every decision to show or refuse a ticket is in the access-decision log.
 */
class TicketPrivacyTest extends DispatchServiceTestBase {

    private static final String WRITTEN_PHONE = "13812345678";

    @RegisterExtension
    final AccessLogCapture log = AccessLogCapture.perTest();

    @Test
    void showsANumberInANoteOnlyToTheOwningCentreAndTheUnitStillOnTheTask() {
        var whistle = whistle(DemoCity.ROAD_DAMAGE, DemoCity.FANRONG_GRID_1, DemoCity.GANNAN_TOWN, "路面破损");
        var id = raise(whistle);
        var ticket = "/api/tickets/" + id;
        var street = streetDispatcherOfGannanTown();
        var roads = officerOf(DemoCity.ROADS_SECTION, DemoCity.GANNAN);
        var roadsLeader = TestIssuer.get()
                .token("u-leader-lzg", List.of("DEPARTMENT_LEADER"), List.of(DemoCity.GANNAN), DemoCity.ROADS_SECTION);
        var district = dispatcher("DISTRICT_DISPATCHER", DemoCity.GANNAN, DemoCity.GANNAN_CENTRE);
        var cityLeader = token("u-city-leader", "LEADER", DemoCity.CITY, null);
        post(ticket + "/file", street).ok();
        post(ticket + "/summon", street, Map.of("lead", DemoCity.ROADS_SECTION)).ok();
        post(ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/report-in", roads).ok();

        var asRecorded = post(
                        ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/contacted-reporter",
                        roads,
                        Map.of("note", "已电话联系 " + WRITTEN_PHONE + "，约定下午到场"))
                .ok();

        assertThat(notes(asRecorded)).contains(WRITTEN_PHONE);
        assertThat(notes(get(ticket, street).ok())).contains(WRITTEN_PHONE);
        assertThat(notes(get(ticket, roadsLeader).ok()))
                .doesNotContain(WRITTEN_PHONE)
                .contains("138****5678");
        assertThat(notes(get(ticket, district).ok()))
                .doesNotContain(WRITTEN_PHONE)
                .contains("138****5678");
        assertThat(notes(get(ticket, cityLeader).ok())).doesNotContain(WRITTEN_PHONE);
        assertThat(disclosedTo("u-street_dispatcher-" + DemoCity.GANNAN_TOWN, id))
                .containsExactly(
                        "file owning-centre-dispatcher FULL",
                        "summon units to owning-centre-dispatcher FULL",
                        "read area-reader-in-scope FULL");
        assertThat(disclosedTo("u-officer-" + DemoCity.ROADS_SECTION, id))
                .containsExactly(
                        "report in on own-unit-task FULL", "record contacting the reporter on own-unit-task FULL");
        assertThat(disclosedTo("u-district_dispatcher-" + DemoCity.GANNAN, id))
                .containsExactly("read area-reader-in-scope MASKED");
        assertThat(disclosedTo("u-leader-lzg", id)).containsExactly("read summoned-unit MASKED");

        var done = post(
                        ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/done",
                        roads,
                        Map.of(
                                "note",
                                "已修复",
                                "evidence",
                                List.of(Map.of(
                                        "mediaId", "m-1", "contentType", "image/jpeg", "sha256", "ab".repeat(32)))))
                .ok();
        assertThat(notes(done)).as("the unit's task is done").doesNotContain(WRITTEN_PHONE);
        assertThat(log.lines()).allSatisfy(line -> assertThat(line).doesNotContain(WRITTEN_PHONE));
    }

    @Test
    void putsTheNoteOnTheBusMasked() {
        var whistle = whistle(DemoCity.ROAD_DAMAGE, DemoCity.FANRONG_GRID_1, DemoCity.GANNAN_TOWN, "井盖缺失");
        var ticket = "/api/tickets/" + raise(whistle);
        var street = streetDispatcherOfGannanTown();
        var roads = officerOf(DemoCity.ROADS_SECTION, DemoCity.GANNAN);
        post(ticket + "/file", street).ok();
        post(ticket + "/summon", street, Map.of("lead", DemoCity.ROADS_SECTION)).ok();
        post(ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/report-in", roads).ok();
        post(
                        ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/contacted-reporter",
                        roads,
                        Map.of("note", "回电 " + WRITTEN_PHONE))
                .ok();

        var reported = eventsOn(
                Topics.WHISTLE_REPORTED,
                whistle.whistleId(),
                events -> events.stream()
                        .anyMatch(e -> e.data() instanceof WhistleReported r
                                && r.report() == WhistleReported.Report.CONTACTED_REPORTER));

        var contacted = reported.stream()
                .map(e -> (WhistleReported) e.data())
                .filter(r -> r.report() == WhistleReported.Report.CONTACTED_REPORTER)
                .findFirst()
                .orElseThrow();
        assertThat(contacted.note()).isEqualTo("回电 138****5678");
    }

    @Test
    void recordsEveryRefusalWithItsRule() {
        var whistle = whistle(DemoCity.ROAD_DAMAGE, DemoCity.FANRONG_GRID_1, DemoCity.GANNAN_TOWN, "路灯不亮");
        var id = raise(whistle);
        var ticket = "/api/tickets/" + id;
        var otherStreet = token("u-other-street", "STREET_DISPATCHER", DemoCity.XINGSHISI_TOWN, null);
        var district = token("u-district-refused", "DISTRICT_DISPATCHER", DemoCity.GANNAN, null);
        var resident = token("u-resident-refused", "RESIDENT", DemoCity.GANNAN_TOWN, null);
        var urban = token("u-urban-refused", "DEPARTMENT_OFFICER", DemoCity.GANNAN, DemoCity.GANNAN_URBAN_MANAGEMENT);

        assertThat(get(ticket, otherStreet).status()).isEqualTo(404);
        assertThat(post(ticket + "/file", district).status()).isEqualTo(403);
        assertThat(get(ticket, resident).status()).isEqualTo(403);
        assertThat(get("/api/queues/units/" + DemoCity.ROADS_SECTION, urban).status())
                .isEqualTo(403);
        assertThat(anonymousGet(ticket)).isEqualTo(401);

        assertThat(log.about("ticket", id))
                .extracting(e -> e.get("who").get("subject").asString() + " "
                        + e.get("action").asString() + " " + e.get("outcome").asString() + " "
                        + e.get("rule").asString())
                .containsExactly(
                        "u-other-street read HIDDEN not-visible-to-caller",
                        "u-district-refused file DENIED dispatcher-role-of-the-tickets-level",
                        "u-resident-refused read DENIED role-sees-no-tickets",
                        "anonymous read DENIED token-required");
        assertThat(log.about("unit-queue", DemoCity.ROADS_SECTION))
                .extracting(e -> e.get("who").get("subject").asString() + " "
                        + e.get("outcome").asString())
                .containsExactly("u-urban-refused DENIED");
    }

    private List<String> disclosedTo(String subject, String ticketId) {
        return log.by(subject).stream()
                .filter(e -> ticketId.equals(e.get("resourceId").asString()))
                .map(e -> e.get("action").asString() + " " + e.get("rule").asString() + " "
                        + e.get("disclosed").get("ticket.notes").asString())
                .toList();
    }

    private static String notes(Answer answer) {
        JsonNode timeline = answer.body().get("timeline");
        return timeline.findValuesAsString("note").toString();
    }

    private int anonymousGet(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
