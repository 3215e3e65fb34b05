package org.whistle.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The write path, measured: a command reads its ticket in one round trip, writes only what changed and answers from
 * the ticket in memory — at most six statements and exactly one commit, whatever the ticket's history (ADR 0021).
 */
class WritePathTest extends DispatchServiceTestBase {

    private static final int MAX_STATEMENTS = 6;

    private final Map<String, StatementCounting.Counts> counted = new LinkedHashMap<>();

    @Test
    void eachCommandOfATicketsLifeRunsAtMostSixStatementsInOneCommit() {
        var id = raise(whistle(DemoCity.ROAD_DAMAGE, DemoCity.FANRONG_GRID_1, DemoCity.GANNAN_TOWN, "路面破损，写路径"));
        var ticket = "/api/tickets/" + id;
        var street = streetDispatcherOfGannanTown();
        var roads = officerOf(DemoCity.ROADS_SECTION, DemoCity.GANNAN);
        var unit = ticket + "/tasks/" + DemoCity.ROADS_SECTION;
        var evidence = List.of(Map.of("mediaId", "m-photo-1", "contentType", "image/jpeg", "sha256", "ab".repeat(32)));

        assertCounted(post(ticket + "/file", street), ticket + "/file");
        assertCounted(post(ticket + "/summon", street, Map.of("lead", DemoCity.ROADS_SECTION)), ticket + "/summon");
        assertCounted(post(unit + "/report-in", roads), unit + "/report-in");
        assertCounted(post(unit + "/on-site", roads), unit + "/on-site");
        assertCounted(
                post(unit + "/progress", roads, Map.of("note", "已封闭施工", "evidence", evidence)), unit + "/progress");
        assertCounted(post(unit + "/done", roads, Map.of("note", "已修复", "evidence", evidence)), unit + "/done");
        assertCounted(post(ticket + "/verify", street, Map.of("pass", true)), ticket + "/verify");
        var closed = post(ticket + "/close", street, Map.of());
        assertCounted(closed, ticket + "/close");

        assertThat(get(ticket, street).ok().body())
                .as("the answer, made from the ticket in memory, is the ticket as stored")
                .isEqualTo(closed.body());
        assertThat(closed.text("/state")).isEqualTo("CLOSED");
        assertThat(closed.body().at("/timeline").size()).isEqualTo(9);
        assertThat(closed.body().at("/chainIntact").asBoolean()).isTrue();
    }

    @Test
    void commandsChangingTasksExtensionsAndOrdersWriteOnlyThoseRowsAndReadBackAsAnswered() {
        var id = raise(whistle(DemoCity.ROAD_DAMAGE, DemoCity.FANRONG_GRID_1, DemoCity.GANNAN_TOWN, "路面破损，部件表"));
        var ticket = "/api/tickets/" + id;
        var street = streetDispatcherOfGannanTown();
        var district = dispatcher("DISTRICT_DISPATCHER", DemoCity.GANNAN, DemoCity.GANNAN_CENTRE);
        var roads = officerOf(DemoCity.ROADS_SECTION, DemoCity.GANNAN);
        var urban = DemoCity.GANNAN_URBAN_MANAGEMENT;
        var unit = ticket + "/tasks/" + DemoCity.ROADS_SECTION;
        post(ticket + "/file", street).ok();

        assertCounted(
                post(ticket + "/summon", street, Map.of("lead", DemoCity.ROADS_SECTION, "coUnits", List.of(urban))),
                ticket + "/summon");
        assertCounted(post(unit + "/report-in", roads), unit + "/report-in");
        var asked = post(
                unit + "/extension-requests",
                roads,
                Map.of("clock", "RESOLVE", "extraTime", "PT48H", "reason", "沥青未到"));
        assertCounted(asked, unit + "/extension-requests");
        var approve = ticket + "/extensions/" + asked.text("/tasks/0/extensions/0/requestId") + "/approve";
        assertCounted(post(approve, street), approve);
        var due = java.time.Instant.now().plus(java.time.Duration.ofDays(1)).toString();
        assertCounted(
                post(ticket + "/supervise", district, Map.of("reason", "限期修复", "dueBy", due)), ticket + "/supervise");
        var withdraw = ticket + "/tasks/" + urban + "/withdraw";
        assertCounted(post(withdraw, street, Map.of("reason", "误派")), withdraw);
        var replaced = post(ticket + "/lead", street, Map.of("lead", urban, "reason", "路面归城管维护"));
        assertCounted(replaced, ticket + "/lead");

        var stored = get(ticket, street).ok();
        assertThat(stored.body().at("/tasks")).isEqualTo(replaced.body().at("/tasks"));
        assertThat(stored.body().at("/supervisionOrders"))
                .isEqualTo(replaced.body().at("/supervisionOrders"));
        assertThat(stored.body().at("/timeline")).isEqualTo(replaced.body().at("/timeline"));
        assertThat(stored.text("/tasks/0/unit")).isEqualTo(urban);
        assertThat(stored.body().at("/tasks").size()).isEqualTo(1);
        assertThat(stored.body().at("/chainIntact").asBoolean()).isTrue();
    }

    private void assertCounted(Answer answer, String path) {
        answer.ok();
        var counts = StatementCounting.last("POST", path);
        var command = path.substring(path.lastIndexOf('/') + 1);
        System.out.println("write path " + command + ": " + counts);
        counted.put(command, counts);
    }

    @AfterEach
    void eachCommandRanAtMostSixStatementsInOneCommit() {
        assertThat(counted).isNotEmpty().allSatisfy((command, counts) -> {
            assertThat(counts.commits())
                    .as("commits of %s: %s", command, counts)
                    .isEqualTo(1);
            assertThat(counts.statements())
                    .as("statements of %s: %s", command, counts)
                    .hasSizeLessThanOrEqualTo(MAX_STATEMENTS);
        });
    }
}
