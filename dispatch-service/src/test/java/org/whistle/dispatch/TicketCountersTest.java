package org.whistle.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The overview's counters (V4, ADR 0030) are kept in the transaction of each ticket change: after any sequence of
 * lifecycle changes they equal a count over the tickets, and the rebuild path recounts them to the same numbers.
 */
class TicketCountersTest extends DispatchServiceTestBase {

    /** Counter rows (summed over their slots) that a recount over the tickets does not give, and the reverse. */
    private static final String DIFFERENCES = """
            WITH counted AS (
                SELECT 'open' AS kind, area_path, grid_id, street_id, level || '/' || state AS key, sum(n)::bigint AS n
                FROM ticket_open_count GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0
                UNION ALL
                SELECT 'task', area_path, grid_id, street_id, unit, sum(n)::bigint
                FROM ticket_open_task_count GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0
                UNION ALL
                SELECT 'raised', area_path, grid_id, street_id, day::text, sum(raised)::bigint
                FROM ticket_day_count GROUP BY 1, 2, 3, 4, 5 HAVING sum(raised) <> 0
                UNION ALL
                SELECT 'closed', area_path, grid_id, street_id, day::text, sum(closed)::bigint
                FROM ticket_day_count GROUP BY 1, 2, 3, 4, 5 HAVING sum(closed) <> 0
            ), recounted AS (
                SELECT 'open' AS kind, area_path, coalesce(grid_id, '') AS grid_id, coalesce(street_id, '') AS street_id,
                       level || '/' || state AS key, count(*) AS n
                FROM ticket WHERE state NOT IN ('CLOSED', 'REJECTED', 'MERGED') GROUP BY 1, 2, 3, 4, 5
                UNION ALL
                SELECT 'task', t.area_path, coalesce(t.grid_id, ''), coalesce(t.street_id, ''), k.unit, count(*)
                FROM ticket_task k JOIN ticket t ON t.id = k.ticket_id
                WHERE t.state NOT IN ('CLOSED', 'REJECTED', 'MERGED')
                  AND k.state IN ('SUMMONED', 'REPORTED_IN', 'ON_SITE')
                GROUP BY 1, 2, 3, 4, 5
                UNION ALL
                SELECT 'raised', area_path, coalesce(grid_id, ''), coalesce(street_id, ''),
                       ((raised_at AT TIME ZONE 'Asia/Shanghai')::date)::text, count(*)
                FROM ticket GROUP BY 1, 2, 3, 4, 5
                UNION ALL
                SELECT 'closed', area_path, coalesce(grid_id, ''), coalesce(street_id, ''),
                       ((closed_at AT TIME ZONE 'Asia/Shanghai')::date)::text, count(*)
                FROM ticket WHERE closed_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5
            )
            SELECT which || ' ' || kind || ' ' || array_to_string(area_path, '/') || ' [' || grid_id || '|' || street_id
                   || '] ' || key || ' = ' || n
            FROM (
                (SELECT 'counted only:' AS which, * FROM counted EXCEPT SELECT 'counted only:', * FROM recounted)
                UNION ALL
                (SELECT 'recount only:', * FROM recounted EXCEPT SELECT 'recount only:', * FROM counted)
            ) d ORDER BY 1
            """;

    @Test
    void countersEqualARecountAfterARandomSequenceOfLifecycleChanges() {
        var random = new Random(22);
        var street = streetDispatcherOfGannanTown();
        var district = dispatcher("DISTRICT_DISPATCHER", DemoCity.GANNAN, DemoCity.GANNAN_CENTRE);
        var dispatchers = List.of(street, district);
        var units = List.of(DemoCity.ROADS_SECTION, DemoCity.GANNAN_URBAN_MANAGEMENT);
        var evidence = List.of(Map.of("mediaId", "m-photo-1", "contentType", "image/jpeg", "sha256", "ab".repeat(32)));
        var tickets = new ArrayList<String>();
        for (int i = 0; i < 8; i++) {
            // Grids, a street with no grid: the counters are kept per place.
            var grid = i % 3 == 2 ? null : DemoCity.FANRONG_GRID_1;
            tickets.add(raise(whistle(DemoCity.ROAD_DAMAGE, grid, DemoCity.GANNAN_TOWN, "计数 " + i)));
        }
        assertThat(differences()).as("after raising").isEmpty();

        int changed = 0;
        for (int step = 0; step < 100; step++) {
            var id = tickets.get(random.nextInt(tickets.size()));
            var ticket = "/api/tickets/" + id;
            var dispatcher = dispatchers.get(random.nextInt(dispatchers.size()));
            var unit = units.get(random.nextInt(units.size()));
            var task = ticket + "/tasks/" + unit;
            var officer = officerOf(unit, DemoCity.GANNAN);
            var attempts = new ArrayList<Integer>();
            for (int a = 0; a < 15; a++) {
                attempts.add(a);
            }
            java.util.Collections.shuffle(attempts, random);
            // The first of the actions, in a random order, that the ticket allows now: every step changes something
            // when anything can change.
            for (int action : attempts) {
                var answer = switch (action) {
                    case 0, 1 -> post(ticket + "/file", dispatcher);
                    case 2 -> post(ticket + "/reject", dispatcher, Map.of("reason", "不属于受理范围"));
                    case 3 -> post(ticket + "/summon", dispatcher, Map.of("lead", unit, "coUnits", List.of()));
                    case 4 -> post(task + "/report-in", officer);
                    case 5 -> post(task + "/on-site", officer);
                    case 6 -> post(task + "/done", officer, Map.of("note", "已处理", "evidence", evidence));
                    case 7 -> post(task + "/decline", officer, Map.of("reason", "不归我们"));
                    case 8 -> post(ticket + "/verify", dispatcher, Map.of("pass", random.nextBoolean(), "note", "核查"));
                    case 9 -> post(ticket + "/close", dispatcher, Map.of());
                    case 10 -> post(ticket + "/reopen", dispatcher, Map.of("reason", "群众不满意"));
                    case 11 -> post(ticket + "/suspend", dispatcher, Map.of("reason", "等待天气"));
                    case 12 -> post(ticket + "/resume", dispatcher);
                    case 13 ->
                        post(
                                ticket + "/merge",
                                dispatcher,
                                Map.of("into", tickets.get(random.nextInt(tickets.size()))));
                    default ->
                        post(
                                ticket + "/transfer",
                                street,
                                Map.of("centre", DemoCity.GANNAN_CENTRE, "level", "DISTRICT", "reason", "需区级协调"));
                };
                if (answer.status() == 200) {
                    changed++;
                    break;
                }
            }
            if (step % 20 == 19) {
                assertThat(differences()).as("after step %d", step).isEmpty();
            }
        }
        assertThat(changed).as("changes that went through").isGreaterThanOrEqualTo(25);
        assertThat(differences()).isEmpty();
    }

    @Test
    void theRebuildPathRecountsTheCountersFromTheTickets() {
        raise(whistle(DemoCity.ROAD_DAMAGE, DemoCity.FANRONG_GRID_1, DemoCity.GANNAN_TOWN, "计数重建"));
        jdbc.sql("UPDATE ticket_open_count SET n = n + 5").update();
        jdbc.sql("DELETE FROM ticket_day_count").update();
        assertThat(differences()).as("counters spoilt").isNotEmpty();

        jdbc.sql("SELECT rebuild_ticket_counts()").query(Object.class).optional();

        assertThat(differences()).isEmpty();
    }

    private List<String> differences() {
        return jdbc.sql(DIFFERENCES).query(String.class).list();
    }
}
