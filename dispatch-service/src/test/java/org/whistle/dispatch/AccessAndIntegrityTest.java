package org.whistle.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Role and scope checks, refusals without change, and the timeline's tamper evidence. */
class AccessAndIntegrityTest extends DispatchServiceTestBase {

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void hidesATicketFromTheDispatcherOfAnotherStreet() {
        var ticket = "/api/tickets/" + gannanRoadDamage();
        var otherStreet = dispatcher("STREET_DISPATCHER", DemoCity.XINGSHISI_TOWN, DemoCity.XINGSHISI_CENTRE);

        assertThat(get(ticket, otherStreet).status()).isEqualTo(404);
        assertThat(post(ticket + "/file", otherStreet).status()).isEqualTo(404);
        assertThat(get(ticket, streetDispatcherOfGannanTown()).ok().text("/state"))
                .isEqualTo("RAISED");
    }

    @Test
    void letsTheDistrictReadItsStreetsTicketsButActOnlyOnTicketsOwnedAtDistrictLevel() {
        var ticket = "/api/tickets/" + gannanRoadDamage();
        var district = dispatcher("DISTRICT_DISPATCHER", DemoCity.GANNAN, DemoCity.GANNAN_CENTRE);

        assertThat(get(ticket, district).ok().text("/level")).isEqualTo("STREET");
        var refused = post(ticket + "/file", district);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("/detail")).contains("STREET dispatcher");
    }

    @Test
    void showsAUnitOnlyTheTicketsThatSummonIt() {
        var id = gannanRoadDamage();
        var ticket = "/api/tickets/" + id;
        var street = streetDispatcherOfGannanTown();
        var roads = officerOf(DemoCity.ROADS_SECTION, DemoCity.GANNAN);
        var urban = officerOf(DemoCity.GANNAN_URBAN_MANAGEMENT, DemoCity.GANNAN);
        post(ticket + "/file", street).ok();

        assertThat(get(ticket, roads).status()).as("before the summons").isEqualTo(404);
        post(ticket + "/summon", street, Map.of("lead", DemoCity.ROADS_SECTION)).ok();

        assertThat(get(ticket, roads).ok().text("/id")).isEqualTo(id);
        assertThat(get(ticket, urban).status()).isEqualTo(404);
        assertThat(post(ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/report-in", urban)
                        .status())
                .isEqualTo(404);
        assertThat(get("/api/queues/units/" + DemoCity.ROADS_SECTION, urban).status())
                .isEqualTo(403);
        assertThat(post(ticket + "/verify", roads, Map.of("pass", true)).status())
                .as("a unit cannot act as the command centre")
                .isEqualTo(403);
    }

    @Test
    void letsALeaderReadButNotActAndShowsResidentsNothing() {
        var ticket = "/api/tickets/" + gannanRoadDamage();
        var leader = token("u-leader", "LEADER", DemoCity.GANNAN, null);
        var resident = token("u-resident", "RESIDENT", DemoCity.GANNAN_TOWN, null);

        assertThat(get(ticket, leader).ok().text("/state")).isEqualTo("RAISED");
        assertThat(post(ticket + "/file", leader).status()).isEqualTo(403);
        assertThat(get(ticket, resident).status()).isEqualTo(403);
    }

    @Test
    void refusesAnInvalidTransitionWithAConflictNamingTheStateAndChangesNothing() {
        var ticket = "/api/tickets/" + gannanRoadDamage();
        var street = streetDispatcherOfGannanTown();

        var refused = post(ticket + "/verify", street, Map.of("pass", true));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("/detail")).contains("待受理");
        assertThat(get(ticket, street).ok().body().at("/revision").asLong()).isEqualTo(1);
    }

    @Test
    void refusesBadInputAsAProblemDetailAndChangesNothing() {
        var ticket = "/api/tickets/" + gannanRoadDamage();
        var street = streetDispatcherOfGannanTown();

        var refused = post(ticket + "/reject", street, Map.of("reason", " "));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("/detail")).contains("reason");
        assertThat(post(
                                ticket + "/transfer",
                                street,
                                Map.of("centre", "QQ-NO-SUCH", "level", "DISTRICT", "reason", "x"))
                        .status())
                .isEqualTo(422);
        assertThat(get(ticket, street).ok().body().at("/revision").asLong()).isEqualTo(1);
    }

    @Test
    void detectsATimelineRowAlteredInTheDatabaseAndRefusesToChangeTheTicket() {
        var id = gannanRoadDamage();
        var ticket = "/api/tickets/" + id;
        var street = streetDispatcherOfGannanTown();
        post(ticket + "/file", street).ok();
        var alter = "UPDATE ticket_timeline_entry SET note = 'nothing happened' WHERE ticket_id = :id AND sequence = 2";

        assertThatThrownBy(
                        () -> jdbc.sql(alter).param("id", UUID.fromString(id)).update())
                .hasMessageContaining("append-only");
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("ALTER TABLE ticket_timeline_entry DISABLE TRIGGER ticket_timeline_entry_append_only")
                    .update();
            jdbc.sql(alter).param("id", UUID.fromString(id)).update();
            jdbc.sql("ALTER TABLE ticket_timeline_entry ENABLE TRIGGER ticket_timeline_entry_append_only")
                    .update();
        });

        var view = get(ticket, street).ok();
        assertThat(view.body().at("/chainIntact").asBoolean()).isFalse();
        assertThat(view.text("/chainProblem")).startsWith("entry 2");
        var refused = post(ticket + "/summon", street, Map.of("lead", DemoCity.ROADS_SECTION));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("/detail")).contains("broken at entry 2").contains("FILED");
    }

    @Test
    void listsACentresTicketsAndCountsAnAreasOverview() {
        var id = gannanRoadDamage();
        var street = streetDispatcherOfGannanTown();

        var queue = get(
                        "/api/queues/centres/" + DemoCity.GANNAN_TOWN_CENTRE
                                + "?state=RAISED&size=200&sort=raisedAt,desc",
                        street)
                .ok();
        assertThat(queue.body().at("/items").findValuesAsString("ticketId")).contains(id);
        assertThat(queue.body().at("/size").asInt()).isEqualTo(200);
        var overview = get("/api/tickets/overview?area=" + DemoCity.GANNAN_TOWN, street)
                .ok();
        assertThat(overview.body().at("/raisedToday").asLong()).isPositive();
        assertThat(overview.body().at("/openByStreet").toString()).contains(DemoCity.GANNAN_TOWN);
        // The 大屏's trend: today is the last of at most 30 days, with today's count.
        var days = overview.body().at("/lastDays");
        assertThat(days.size()).isBetween(1, 30);
        assertThat(days.get(days.size() - 1).at("/raised").asLong())
                .isEqualTo(overview.body().at("/raisedToday").asLong());
        assertThat(get("/api/tickets/overview?area=" + DemoCity.HUBIN, street).status())
                .isEqualTo(403);
        assertThat(get("/api/queues/centres/" + DemoCity.GANNAN_TOWN_CENTRE + "?sort=nonsense", street)
                        .status())
                .isEqualTo(422);
    }

    @Test
    void aCentresQueueLinksEachPageToTheNextOne() {
        gannanRoadDamage();
        gannanRoadDamage();
        var street = streetDispatcherOfGannanTown();
        var path = "/api/queues/centres/" + DemoCity.GANNAN_TOWN_CENTRE + "?state=RAISED&size=1&sort=raisedAt,desc";

        var first = get(path, street).ok();
        var next = first.text("/next");
        assertThat(next)
                .startsWith("/api/queues/centres/" + DemoCity.GANNAN_TOWN_CENTRE + "?")
                .contains("state=RAISED", "size=1", "after=" + first.text("/after"));
        var second = get(next, street).ok();

        assertThat(second.body().at("/items").size()).isEqualTo(1);
        assertThat(second.text("/items/0/raisedAt")).isLessThanOrEqualTo(first.text("/items/0/raisedAt"));
        assertThat(second.text("/items/0/ticketId")).isNotEqualTo(first.text("/items/0/ticketId"));
        assertThat(get(path + "&after=not-a-cursor", street).status()).isEqualTo(422);
        assertThat(get(path.replace("state=RAISED", "state=SOMETHING"), street).status())
                .isEqualTo(422);
    }

    @Test
    void countsAnAreasOpenTicketsByGridForTheCommandCentreMap() {
        var street = streetDispatcherOfGannanTown();
        var before = openInFanrongGrid(street);

        gannanRoadDamage();

        assertThat(openInFanrongGrid(street)).isEqualTo(before + 1);
    }

    private long openInFanrongGrid(String token) {
        var overview =
                get("/api/tickets/overview?area=" + DemoCity.GANNAN_TOWN, token).ok();
        for (var count : overview.body().at("/openByGrid").values()) {
            if (count.get("key").asString().equals(DemoCity.FANRONG_GRID_1)) {
                return count.get("count").asLong();
            }
        }
        return 0;
    }

    private String gannanRoadDamage() {
        return raise(whistle(DemoCity.ROAD_DAMAGE, DemoCity.FANRONG_GRID_1, DemoCity.GANNAN_TOWN, "路面破损"));
    }
}
