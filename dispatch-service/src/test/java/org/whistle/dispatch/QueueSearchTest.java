package org.whistle.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.whistle.dispatch.queries.TicketQueries;
import tools.jackson.databind.JsonNode;

/**
 * The centre's queue searched by the words of a whistle's address and description (ADR 0050): over 100,000 tickets the
 * search is read through the bigram index (`ticket_search`, V9), never a sequential scan, and finds exactly the
 * tickets whose text holds the words; through the API, a whistle raised with a description is found by a two-character
 * Chinese word of it, its points are on the wall's map, and a one-character search is refused in Chinese.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueueSearchTest extends DispatchServiceTestBase {

    private static final String AREA = "SEARCH-230298";
    private static final String CENTRE = "QQ-SEARCH-230298-ZHZX";
    private static final String[] TOPICS = {"路灯不亮，晚上很黑", "垃圾堆放无人清理", "噪音扰民到深夜", "路面积水难以通行"};

    @Autowired
    TicketQueries queries;

    /**
     * 100,000 tickets of one centre, their search text and bigrams made in SQL as {@code SearchText} makes them;
     * every thousandth mentions a loose manhole cover (井盖松动).
     */
    @BeforeAll
    void aHundredThousandTickets() {
        jdbc.sql("""
                        INSERT INTO ticket (id, whistle_id, number, category, priority, level, owning_centre, state,
                            revision, grid_id, street_id, area_path, raised_at, updated_at, search_text, search_grams)
                        SELECT gen_random_uuid(), gen_random_uuid(), 'SRCH-' || lpad(i::text, 6, '0'), 'SEARCH-CATEGORY',
                            'NORMAL', 'STREET', :centre, CASE WHEN i % 50 = 0 THEN 'DISPATCHED' ELSE 'CLOSED' END, 3,
                            :area || '-G', :area, ARRAY['230200', :area], now() - make_interval(mins => 100001 - i),
                            now(), t, (SELECT array_agg(DISTINCT substr(t, k, 2)) FROM generate_series(1, char_length(t) - 1) k)
                        FROM generate_series(1, 100000) AS i,
                            LATERAL (SELECT '龙沙路 ' || (i % 700) || ' 号 '
                                || CASE WHEN i % 1000 = 0 THEN '井盖松动，车辆经过响声很大'
                                        ELSE (CAST(:topics AS text[]))[1 + i % 4] END AS t) AS text
                        """)
                .param("area", AREA)
                .param("centre", CENTRE)
                .param("topics", TOPICS)
                .update();
        jdbc.sql("VACUUM ANALYZE ticket").update();
    }

    @AfterAll
    void removeThem() {
        jdbc.sql("DELETE FROM ticket WHERE number LIKE 'SRCH-%'").update();
    }

    @Test
    void aSearchOverAHundredThousandTicketsIsReadThroughTheBigramIndex() {
        var filter = new TicketQueries.CentreQueueFilter(null, null, null, null, null, false, "井盖");
        var plan = plan(queries.centreQueueStatement(CENTRE, filter, null, 20, null));

        assertThat(nodes(plan)).as("%s", plan).doesNotContain("Seq Scan");
        assertThat(indexes(plan)).as("%s", plan).contains("ticket_search");
        var found = new ArrayList<String>();
        String after = null;
        do {
            var page = queries.centreQueue(CENTRE, filter, after, 30, null);
            page.items().forEach(item -> found.add(item.number()));
            after = page.after();
        } while (after != null);
        assertThat(found)
                .hasSize(100)
                .allSatisfy(number ->
                        assertThat(Integer.parseInt(number.substring(5)) % 1000).isZero());
    }

    @Test
    void findsTheWordsWhereverTheyAreAndNotTheirPiecesApart() {
        var address = new TicketQueries.CentreQueueFilter(null, null, null, null, null, false, "龙沙路 7 号");
        assertThat(queries.centreQueue(CENTRE, address, null, 200, null).items())
                .extracting(TicketQueries.CentreQueueItem::number)
                .hasSize(143)
                .allSatisfy(number ->
                        assertThat(Integer.parseInt(number.substring(5)) % 700).isEqualTo(7));
        // 松动 and 响声 are both in the manhole texts, but never as 松声
        var apart = new TicketQueries.CentreQueueFilter(null, null, null, null, null, false, "松声");
        assertThat(queries.centreQueue(CENTRE, apart, null, 200, null).items()).isEmpty();
        var open = new TicketQueries.CentreQueueFilter("DISPATCHED", null, null, null, null, false, "噪音扰民");
        assertThat(queries.centreQueue(CENTRE, open, null, 200, null).items())
                .hasSize(200)
                .allSatisfy(item -> assertThat(item.state()).isEqualTo("DISPATCHED"));
    }

    @Test
    void findsARaisedWhistleByAWordOfItsDescriptionAndShowsItOnTheWallsMap() {
        var street = streetDispatcherOfGannanTown();
        var ticket =
                raise(whistle(DemoCity.ROAD_DAMAGE, DemoCity.FANRONG_GRID_1, DemoCity.GANNAN_TOWN, "人行道地砖翘起，老人容易绊倒"));
        var queue = "/api/queues/centres/" + DemoCity.GANNAN_TOWN_CENTRE + "?size=200&text=";

        var found = get(queue + encode("地砖"), street).ok();
        assertThat(found.body().at("/items").findValuesAsString("ticketId")).contains(ticket);
        assertThat(get(queue + encode("天桥"), street).ok().body().at("/items").findValuesAsString("ticketId"))
                .doesNotContain(ticket);
        var refused = get(queue + encode("砖"), street);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().toString()).contains("text").contains("须在 2 到 50 之间");

        var points = get(
                        "/api/tickets/points?area=" + DemoCity.GANNAN_TOWN
                                + "&south=47.9&west=123.4&north=48&east=123.6",
                        street)
                .ok();
        assertThat(points.body().findValuesAsString("ticketId")).contains(ticket);
        assertThat(get(
                                "/api/tickets/points?area=" + DemoCity.GANNAN_TOWN
                                        + "&south=48&west=123.4&north=47.9&east=123.6",
                                street)
                        .status())
                .as("a view upside down")
                .isEqualTo(422);
        assertThat(get(
                                "/api/tickets/points?area=" + DemoCity.XINGSHISI_TOWN
                                        + "&south=47.9&west=123.4&north=48&east=123.6",
                                street)
                        .status())
                .as("another street's area")
                .isEqualTo(403);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private JsonNode plan(TicketQueries.Statement statement) {
        var json = jdbc.sql("EXPLAIN (FORMAT JSON) " + statement.sql())
                .params(statement.params())
                .query(String.class)
                .single();
        return JSON.readTree(json).get(0).get("Plan");
    }

    private static List<String> nodes(JsonNode plan) {
        var found = new ArrayList<String>();
        walk(plan, node -> found.add(node.get("Node Type").asString()));
        return found;
    }

    private static List<String> indexes(JsonNode plan) {
        var found = new ArrayList<String>();
        walk(plan, node -> {
            if (node.has("Index Name")) {
                found.add(node.get("Index Name").asString());
            }
        });
        return found;
    }

    private static void walk(JsonNode node, java.util.function.Consumer<JsonNode> visit) {
        visit.accept(node);
        if (node.has("Plans")) {
            for (var child : node.get("Plans")) {
                walk(child, visit);
            }
        }
    }
}
