package org.whistle.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.whistle.events.Actor;
import org.whistle.events.CommunityTaskCompleted;
import org.whistle.events.CommunityTaskPublished;
import org.whistle.events.EvidenceRef;
import org.whistle.events.Topics;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleRaised;

/** A small whistle the community handles itself as a members-service task (ADR 0026). */
class CommunityTasksTest extends DispatchServiceTestBase {

    private static final Actor GRID_WORKER = new Actor("jh.jjf.hanshufen", DemoCity.YONGQING_PROPERTY, "GRID_WORKER");

    @Test
    void theTicketRecordsTheCommunityTaskAndClosesResolvedWhenTheTaskIsCompleted() {
        var whistle = whistle(DemoCity.SHED_ENCROACHMENT, DemoCity.FANRONG_GRID_1, DemoCity.GANNAN_TOWN, "楼道堆物");
        var id = raise(whistle);
        var ticket = "/api/tickets/" + id;
        var street = streetDispatcherOfGannanTown();
        var task = UUID.randomUUID();
        var now = Instant.now();

        publish(envelope(new CommunityTaskPublished(
                task,
                "WHISTLE",
                "清理楼道",
                "C-1",
                DemoCity.FANRONG_GRID_1,
                5,
                1,
                now,
                now.plusSeconds(3600),
                whistle.whistleId(),
                null,
                DemoCity.YONGQING_PROPERTY,
                GRID_WORKER,
                now)));

        await().atMost(PATIENCE)
                .until(() -> get(ticket, street).ok().text("/state").equals("IN_PROGRESS"));
        publish(envelope(new CommunityTaskCompleted(
                task,
                "清理楼道",
                "C-1",
                DemoCity.FANRONG_GRID_1,
                1,
                1.5,
                whistle.whistleId(),
                null,
                List.of(new EvidenceRef("members-photo:" + UUID.randomUUID(), "image/jpeg", "ab".repeat(32))),
                GRID_WORKER,
                now,
                DemoCity.YONGQING_PROPERTY)));

        await().atMost(PATIENCE)
                .until(() -> get(ticket, street).ok().text("/state").equals("CLOSED"));
        var closed = eventsOn(Topics.WHISTLE_CLOSED, whistle.whistleId(), events -> !events.isEmpty());
        assertThat(((WhistleClosed) closed.getFirst().data()).outcome()).isEqualTo(WhistleClosed.Outcome.RESOLVED);
        assertThat(get(ticket, street).ok().body().toString()).contains("社区任务“清理楼道”已完成：1 名党员、志愿者服务 1.5 小时");
    }

    @Test
    void aCompletionReportsDoneForTheUnitTheTaskWasForNotForALeadTheDispatcherPutInItsPlace() {
        var whistle = whistle(DemoCity.SHED_ENCROACHMENT, DemoCity.FANRONG_GRID_1, DemoCity.GANNAN_TOWN, "楼道堆物多日");
        var id = raise(whistle);
        var ticket = "/api/tickets/" + id;
        var street = streetDispatcherOfGannanTown();
        var task = UUID.randomUUID();
        var now = Instant.now();
        publish(envelope(new CommunityTaskPublished(
                task,
                "WHISTLE",
                "清理楼道堆物",
                "C-1",
                DemoCity.FANRONG_GRID_1,
                5,
                1,
                now,
                now.plusSeconds(3600),
                whistle.whistleId(),
                null,
                DemoCity.YONGQING_PROPERTY,
                GRID_WORKER,
                now)));
        await().atMost(PATIENCE)
                .until(() -> get(ticket, street).ok().text("/state").equals("IN_PROGRESS"));
        // the dispatcher hands the ticket to the roads section, which reports in, before the community task completes
        post(ticket + "/lead", street, java.util.Map.of("lead", DemoCity.ROADS_SECTION, "reason", "堆物占用道路，改由路政处理"))
                .ok();
        var roads = officerOf(DemoCity.ROADS_SECTION, DemoCity.GANNAN);
        post(ticket + "/tasks/" + DemoCity.ROADS_SECTION + "/report-in", roads).ok();
        var completed = envelope(new CommunityTaskCompleted(
                task,
                "清理楼道堆物",
                "C-1",
                DemoCity.FANRONG_GRID_1,
                1,
                1.0,
                whistle.whistleId(),
                null,
                List.of(new EvidenceRef("members-photo:" + UUID.randomUUID(), "image/jpeg", "cd".repeat(32))),
                GRID_WORKER,
                now,
                DemoCity.YONGQING_PROPERTY));

        publish(completed);

        await().atMost(PATIENCE)
                .until(() -> jdbc.sql("SELECT count(*) FROM messaging.handled_event WHERE event_id = :id")
                                .param("id", completed.id())
                                .query(Long.class)
                                .single()
                        == 1);
        var after = get(ticket, street).ok();
        assertThat(after.text("/state")).isEqualTo("IN_PROGRESS");
        assertThat(after.body().toString()).doesNotContain("社区任务“清理楼道堆物”已完成");
        var roadsTask = after.body()
                .get("tasks")
                .valueStream()
                .filter(t -> t.get("unit").asString().equals(DemoCity.ROADS_SECTION))
                .findFirst()
                .orElseThrow();
        assertThat(roadsTask.get("state").asString()).isEqualTo("REPORTED_IN");
    }

    @Test
    void aTicketTheDepartmentsAlreadyLeadKeepsItsCourse() {
        WhistleRaised whistle =
                whistle(DemoCity.SHED_ENCROACHMENT, DemoCity.FANRONG_GRID_1, DemoCity.GANNAN_TOWN, "违建");
        var id = raise(whistle);
        var ticket = "/api/tickets/" + id;
        var street = streetDispatcherOfGannanTown();
        post(ticket + "/file", street).ok();
        post(ticket + "/summon", street, java.util.Map.of("lead", DemoCity.ROADS_SECTION))
                .ok();
        var now = Instant.now();
        var published = envelope(new CommunityTaskPublished(
                UUID.randomUUID(),
                "WHISTLE",
                "看看",
                "C-1",
                DemoCity.FANRONG_GRID_1,
                1,
                1,
                now,
                now.plusSeconds(60),
                whistle.whistleId(),
                null,
                DemoCity.YONGQING_PROPERTY,
                GRID_WORKER,
                now));

        publish(published);

        await().atMost(PATIENCE)
                .until(() -> jdbc.sql("SELECT count(*) FROM messaging.handled_event WHERE event_id = :id")
                                .param("id", published.id())
                                .query(Long.class)
                                .single()
                        == 1);
        var after = get(ticket, street).ok();
        assertThat(after.text("/state")).isEqualTo("DISPATCHED");
        assertThat(after.body().toString()).doesNotContain(DemoCity.YONGQING_PROPERTY);
    }
}
