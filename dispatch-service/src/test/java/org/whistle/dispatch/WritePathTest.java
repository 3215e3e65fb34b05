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

        assertThat(closed.text("/state")).isEqualTo("CLOSED");
        assertThat(closed.body().at("/timeline").size()).isEqualTo(9);
        assertThat(closed.body().at("/chainIntact").asBoolean()).isTrue();
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
