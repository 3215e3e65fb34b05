package org.whistle.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.whistle.dispatch.ticket.ChangingTickets;
import org.whistle.dispatch.ticket.Placement;
import org.whistle.dispatch.ticket.domain.TicketNumber;
import org.whistle.events.CommandLevel;
import org.whistle.events.Topics;
import org.whistle.events.TraceIds;
import org.whistle.events.WhistleRouted;
import org.whistle.orgreference.domain.routing.UnitCode;

class RaisingTicketsTest extends DispatchServiceTestBase {

    @Autowired
    ChangingTickets changing;

    @Test
    void makesOneTicketPerWhistleHoweverOftenTheWhistleIsDelivered() {
        var whistle = whistle(DemoCity.ROAD_DAMAGE, DemoCity.FANRONG_GRID_1, DemoCity.GANNAN_TOWN, "路面破损");
        var event = envelope(whistle);

        publish(event);
        publish(event);
        publish(envelope(whistle)); // intake republished it under a new event id

        var ticket = awaitTicketOf(whistle.whistleId());
        await().atMost(PATIENCE)
                .until(() -> jdbc.sql("SELECT count(*) FROM messaging.handled_event WHERE consumer = :c"
                                        + " AND event_id = :id")
                                .param("c", "dispatch.whistle-raised")
                                .param("id", event.id())
                                .query(Long.class)
                                .single()
                        == 1);
        assertThat(jdbc.sql("SELECT count(*) FROM ticket WHERE whistle_id = :w")
                        .param("w", whistle.whistleId().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        var view = get("/api/tickets/" + ticket, streetDispatcherOfGannanTown()).ok();
        assertThat(view.text("/state")).isEqualTo("RAISED");
        assertThat(view.text("/level")).isEqualTo("STREET");
        assertThat(view.text("/owningCentre")).isEqualTo(DemoCity.GANNAN_TOWN_CENTRE);
        assertThat(view.text("/number")).matches("QQHR-\\d{8}-\\d{6}");
        assertThat(view.body().at("/timeline").size()).isEqualTo(1);
        assertThat(view.body().at("/chainIntact").asBoolean()).isTrue();
    }

    @Test
    void opensNoTicketForGeneratedHistory() {
        var whistle = whistle(DemoCity.ROAD_DAMAGE, DemoCity.FANRONG_GRID_1, DemoCity.GANNAN_TOWN, "去年的路面破损");
        var history = envelope(whistle).asHistory();
        var live = envelope(whistle);

        // one whistle, one partition: the history is delivered before the live event that opens the ticket
        publish(history);
        publish(live);

        awaitTicketOf(whistle.whistleId());
        assertThat(jdbc.sql("SELECT event_id FROM messaging.handled_event WHERE consumer = :c"
                                + " AND event_id IN (:history, :live)")
                        .param("c", "dispatch.whistle-raised")
                        .param("history", history.id())
                        .param("live", live.id())
                        .query(java.util.UUID.class)
                        .list())
                .containsExactly(live.id());
    }

    @Test
    void givesAWhistleWithoutGridOrStreetToTheCityCentreAsFallbackOwner() {
        var whistle = whistle(DemoCity.ROAD_DAMAGE, null, null, "位置不明的路面破损");
        var ticket = raise(whistle);

        var view = get("/api/tickets/" + ticket, dispatcher("CITY_DISPATCHER", DemoCity.CITY, DemoCity.CITY_CENTRE))
                .ok();
        assertThat(view.text("/level")).isEqualTo("CITY");
        assertThat(view.text("/owningCentre")).isEqualTo(DemoCity.CITY_CENTRE);
        assertThat(view.text("/timeline/0/note")).contains("兜底");
        assertThat(view.text("/timeline/1/action")).isEqualTo("TRANSFER");
    }

    @Test
    void givesAWhistleOutsideAnyStreetCentreToTheDistrictAsFallbackOwner() {
        var whistle = whistle(DemoCity.ROAD_DAMAGE, null, DemoCity.GANNAN, "县城道路破损");
        var ticket = raise(whistle);

        var view = get(
                        "/api/tickets/" + ticket,
                        dispatcher("DISTRICT_DISPATCHER", DemoCity.GANNAN, DemoCity.GANNAN_CENTRE))
                .ok();
        assertThat(view.text("/level")).isEqualTo("DISTRICT");
        assertThat(view.text("/owningCentre")).isEqualTo(DemoCity.GANNAN_CENTRE);
        assertThat(view.text("/timeline/0/note")).contains("兜底");
    }

    @Test
    void publishesNothingForARaisedTicketButRoutesItWhenFiled() {
        var whistle = whistle(DemoCity.ROAD_DAMAGE, DemoCity.FANRONG_GRID_1, DemoCity.GANNAN_TOWN, "路面破损");
        var ticket = raise(whistle);

        post("/api/tickets/" + ticket + "/file", streetDispatcherOfGannanTown()).ok();

        var routed = eventsOn(Topics.WHISTLE_ROUTED, whistle.whistleId(), events -> !events.isEmpty());
        assertThat(routed).hasSize(1);
        var filed = (WhistleRouted) routed.getFirst().data();
        assertThat(filed.action()).isEqualTo(WhistleRouted.Action.FILED);
        assertThat(routed.getFirst().revision()).isEqualTo(2);
        assertThat(filed.owningCentreId()).isEqualTo(DemoCity.GANNAN_TOWN_CENTRE);
        assertThat(routed.getFirst().version())
                .as("whistle-routed v2, without deadlines")
                .isEqualTo(2);
    }

    @Test
    void handsOutUniqueTicketNumbersToConcurrentRaises() throws Exception {
        var raises = new ArrayList<Callable<Boolean>>();
        var whistles = new ArrayList<org.whistle.events.WhistleId>();
        for (int i = 0; i < 40; i++) {
            var whistle = whistle(DemoCity.ROAD_DAMAGE, DemoCity.FANRONG_GRID_1, DemoCity.GANNAN_TOWN, "并发 " + i);
            whistles.add(whistle.whistleId());
            raises.add(() -> changing.raise(
                    whistle,
                    new Placement(DemoCity.FANRONG_GRID_1, DemoCity.GANNAN_TOWN, List.of(DemoCity.CITY), null),
                    UnitCode.of(DemoCity.GANNAN_TOWN_CENTRE),
                    UnitCode.of(DemoCity.GANNAN_CENTRE),
                    CommandLevel.DISTRICT,
                    TraceIds.newTraceId()));
        }

        try (var pool = Executors.newFixedThreadPool(8)) {
            for (var made : pool.invokeAll(raises)) {
                assertThat(made.get()).isTrue();
            }
        }

        var numbers = jdbc.sql("SELECT number FROM ticket WHERE whistle_id IN (:ids)")
                .param("ids", whistles.stream().map(w -> w.value()).toList())
                .query(String.class)
                .list();
        assertThat(numbers).hasSize(40).doesNotHaveDuplicates().allMatch(TicketNumber::isValid);
    }
}
