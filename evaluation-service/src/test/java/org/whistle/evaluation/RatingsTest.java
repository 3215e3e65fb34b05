package org.whistle.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.whistle.events.Actor;
import org.whistle.events.CommandLevel;
import org.whistle.events.EventEnvelope;
import org.whistle.events.TaskState;
import org.whistle.events.TicketState;
import org.whistle.events.Topics;
import org.whistle.events.UnitRated;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;
import org.whistle.events.kafka.EnvelopeDeserializer;
import org.whistle.testing.TestInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * 双考核 end to end on real Kafka and PostgreSQL: parts that ended (done, declined, withdrawn) wait for the summoning
 * centre's rating; the rating is published; the unit sees it and appeals once; the level above decides; each step is
 * refused to everyone else.
 */
class RatingsTest extends EvaluationServiceTest {

    private static final String STREET = "street-s1";
    private static final String OTHER_STREET = "street-s2";

    private static String streetDispatcher() {
        return token(STREET, List.of("STREET_DISPATCHER"), List.of("S1"), STREET_CENTRE);
    }

    private static String otherStreetDispatcher() {
        return token(OTHER_STREET, List.of("STREET_DISPATCHER"), List.of("S2"), "CC-S2");
    }

    private static String districtDispatcher() {
        return token("district-d", List.of("DISTRICT_DISPATCHER"), List.of("D"), "CC-D");
    }

    private static String officer(String unit) {
        return token("officer-" + unit, List.of("DEPARTMENT_OFFICER"), List.of("D"), unit);
    }

    @Test
    void aCentreRatesWhatItsSummonedUnitsDidTheUnitAppealsOnceAndTheDistrictDecides() throws Exception {
        var t = day(LocalDate.of(2025, 5, 6));
        var done = newCase("T-RATE-1")
                .raised(t, null)
                .filed(t.plusSeconds(300))
                .summoned(t.plusSeconds(600), WATER)
                .summoned(t.plusSeconds(700), ROAD)
                .reported(t.plusSeconds(900), ROAD, WhistleReported.Report.DECLINED)
                .reported(t.plusSeconds(1200), WATER, WhistleReported.Report.REPORTED_IN)
                .reported(t.plusSeconds(3000), WATER, WhistleReported.Report.ON_SITE)
                .reported(t.plusSeconds(9000), WATER, WhistleReported.Report.DONE);
        var withdrawn = newCase("T-RATE-2")
                .raised(t, null)
                .filed(t.plusSeconds(300))
                .summoned(t.plusSeconds(600), WATER)
                .summoned(t.plusSeconds(700), ROAD);
        var withdrawal = envelope(
                new WhistleRouted(
                        withdrawn.whistle,
                        withdrawn.ticket,
                        withdrawn.number,
                        WhistleRouted.Action.SUMMONED,
                        TicketState.DISPATCHED,
                        CommandLevel.STREET,
                        STREET_CENTRE,
                        "ROAD",
                        Urgency.NORMAL,
                        List.of(new WhistleRouted.Summons(WATER, true, TaskState.SUMMONED)),
                        null,
                        "误派，撤回",
                        new Actor("dispatcher-1", STREET_CENTRE, "STREET_DISPATCHER"),
                        t.plusSeconds(1000),
                        null),
                9);
        var transferred =
                newCase("T-RATE-3").raised(t, null).filed(t.plusSeconds(300)).summoned(t.plusSeconds(600), ROAD);
        var transfer = envelope(
                new WhistleRouted(
                        transferred.whistle,
                        transferred.ticket,
                        transferred.number,
                        WhistleRouted.Action.TRANSFERRED,
                        TicketState.FILED,
                        CommandLevel.STREET,
                        "CC-S2",
                        "ROAD",
                        Urgency.NORMAL,
                        List.of(),
                        null,
                        "属湖滨街道辖区",
                        new Actor("dispatcher-1", STREET_CENTRE, "STREET_DISPATCHER"),
                        t.plusSeconds(1500),
                        null),
                9);
        publishAll(done, withdrawn, transferred);
        publish(withdrawal);
        publish(transfer);
        publish(done.events().getLast()); // a duplicate delivery of the DONE report
        awaitFolded(withdrawn, withdrawn.events().size() + 1);
        awaitFolded(transferred, transferred.events().size() + 1);
        // a unit withdrawn by a transfer is rated by the centre that summoned it, not the one that took the case
        var byTheSummoner =
                await().atMost(PATIENCE).until(() -> mine(streetDispatcher(), transferred), l -> l.size() == 1);
        assertThat(byTheSummoner.getFirst().get("partEndedLabel").asString()).isEqualTo("撤回");
        assertThat(mine(otherStreetDispatcher(), transferred)).isEmpty();

        // the centre's work to do: three parts, each once
        var toGive =
                await().atMost(PATIENCE).until(() -> mine(streetDispatcher(), done, withdrawn), l -> l.size() == 3);
        assertThat(toGive)
                .extracting(r ->
                        r.get("ticketNumber").asString() + " " + r.get("unitId").asString() + " "
                                + r.get("partEndedLabel").asString() + " "
                                + r.get("statusLabel").asString())
                .containsExactlyInAnyOrder(
                        "T-RATE-1 DEP-ROAD 退回 待评价", "T-RATE-1 DEP-WATER 办结 待评价", "T-RATE-2 DEP-ROAD 撤回 待评价");
        var water = toGive.stream()
                .filter(r -> r.get("unitId").asString().equals(WATER))
                .findFirst()
                .orElseThrow();
        assertThat(water.get("unitName").asString()).isEqualTo("区水务局");
        assertThat(water.get("centreName").asString()).isEqualTo("五龙街道指挥中心");
        assertThat(water.get("suggested").get("reportedInOnTime").asBoolean()).isTrue();
        assertThat(water.get("suggested").get("cameOnSite").asBoolean()).isTrue();
        assertThat(water.get("partEndedAt").asString()).endsWith("+08:00");
        var id = water.get("id").asString();
        var path = "/api/evaluation/ratings/" + id;

        // only the summoning centre rates
        assertThat(get("/api/evaluation/ratings/to-give?centre=" + STREET_CENTRE, otherStreetDispatcher())
                        .statusCode())
                .isEqualTo(403);
        var rating = """
                {"reportedInOnTime": true, "cameOnSite": true, "stayedUntilDone": false, "quality": "FAIR",
                 "score": 72, "comment": "到场及时，但未等到验收即撤离"}
                """;
        assertThat(send("POST", path + "/rating", officer(WATER), rating).statusCode())
                .isEqualTo(403);
        assertThat(send("POST", path + "/rating", otherStreetDispatcher(), rating)
                        .statusCode())
                .isEqualTo(404);
        assertThat(send("POST", path + "/rating", streetDispatcher(), rating.replace("72", "101"))
                        .statusCode())
                .isEqualTo(422);
        var rated = send("POST", path + "/rating", streetDispatcher(), rating);
        assertThat(rated.statusCode()).isEqualTo(200);
        assertThat(json(rated).get("statusLabel").asString()).isEqualTo("已评价");
        assertThat(json(rated).get("qualityLabel").asString()).isEqualTo("一般");
        var again = send("POST", path + "/rating", streetDispatcher(), rating);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("detail").asString()).contains("不能再次评价");
        assertThat(mine(streetDispatcher(), done, withdrawn)).hasSize(2);

        // the unit sees its rating, another unit does not
        var ofWater = json(get("/api/evaluation/ratings?from=2025-05-06&to=2025-05-06", officer(WATER)));
        assertThat(ofWater.values()).extracting(r -> r.get("id").asString()).contains(id);
        assertThat(get(path, officer(ROAD)).statusCode()).isEqualTo(404);
        assertThat(get(path, token("res", List.of("RESIDENT"), List.of("K1"), null))
                        .statusCode())
                .isEqualTo(403);

        // it appeals once, with a reason
        assertThat(send("POST", path + "/appeal", streetDispatcher(), "{\"reason\": \"不服\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("POST", path + "/appeal", officer(WATER), "{\"reason\": \"  \"}")
                        .statusCode())
                .isEqualTo(422);
        var appealed = send("POST", path + "/appeal", officer(WATER), "{\"reason\": \"验收时我单位人员仍在现场，有照片为证\"}");
        assertThat(appealed.statusCode()).isEqualTo(200);
        assertThat(json(appealed).get("statusLabel").asString()).isEqualTo("申诉中");
        assertThat(send("POST", path + "/appeal", officer(WATER), "{\"reason\": \"再次申诉\"}")
                        .statusCode())
                .isEqualTo(409);

        // the level above decides; the street itself may not
        assertThat(send("POST", path + "/decision", streetDispatcher(), "{\"score\": 90, \"reason\": \"自行改分\"}")
                        .statusCode())
                .isEqualTo(403);
        var appeals = json(get("/api/evaluation/ratings/appeals", districtDispatcher()));
        assertThat(appeals.values()).extracting(r -> r.get("id").asString()).contains(id);
        assertThat(json(get("/api/evaluation/ratings/appeals", otherStreetDispatcher()))
                        .values())
                .extracting(r -> r.get("id").asString())
                .doesNotContain(id);
        var decided =
                send("POST", path + "/decision", districtDispatcher(), "{\"score\": 85, \"reason\": \"照片显示人员在场\"}");
        assertThat(decided.statusCode()).isEqualTo(200);
        var view = json(decided);
        assertThat(view.get("statusLabel").asString()).isEqualTo("已裁定");
        assertThat(view.get("decisionLabel").asString()).isEqualTo("改为 85 分");
        assertThat(view.get("score").asInt()).isEqualTo(72);
        assertThat(view.get("standingScore").asInt()).isEqualTo(85);
        assertThat(view.get("history").values())
                .extracting(h -> h.get("action").asString())
                .containsExactly("评价", "申诉", "裁定");
        assertThat(send("POST", path + "/decision", districtDispatcher(), "{\"reason\": \"再裁\"}")
                        .statusCode())
                .isEqualTo(409);

        // the rating and the decision are events others consume, without the free text
        var events = await().atMost(PATIENCE).until(() -> ratingEvents(UUID.fromString(id)), l -> l.size() >= 2);
        assertThat(events)
                .extracting(e ->
                        e.revision() + " " + e.data().stage() + " " + e.data().score())
                .containsExactly("1 RATED 72", "3 APPEAL_DECIDED 85");
        assertThat(events.getLast().data().appealDecision()).isEqualTo(UnitRated.AppealDecision.AMENDED);
        assertThat(events.getFirst().data().stayedUntilDone()).isFalse();
    }

    @Test
    void aWithdrawalThatArrivesBeforeTheSummonsItUndoesIsStillAPartToRate() throws Exception {
        var t = day(LocalDate.of(2025, 5, 7));
        var c = newCase("T-RATE-4")
                .raised(t, null)
                .filed(t.plusSeconds(300))
                .summoned(t.plusSeconds(600), WATER)
                .summoned(t.plusSeconds(700), ROAD);
        // 撤回 of the roads department at 1000 s, delivered before either summons (a consumer lagging on one
        // partition, a replay): the part is found when the summons arrives
        var withdrawal = envelope(
                new WhistleRouted(
                        c.whistle,
                        c.ticket,
                        c.number,
                        WhistleRouted.Action.SUMMONED,
                        TicketState.DISPATCHED,
                        CommandLevel.STREET,
                        STREET_CENTRE,
                        "ROAD",
                        Urgency.NORMAL,
                        List.of(new WhistleRouted.Summons(WATER, true, TaskState.SUMMONED)),
                        null,
                        "误派，撤回",
                        new Actor("dispatcher-1", STREET_CENTRE, "STREET_DISPATCHER"),
                        t.plusSeconds(1000),
                        null),
                9);
        var events = c.events();
        publish(events.get(0));
        publish(events.get(1));
        awaitFolded(c, 2);
        publish(withdrawal);
        awaitFolded(c, 3);
        publish(events.get(2));
        publish(events.get(3));
        awaitFolded(c, 5);

        var toGive = await().atMost(PATIENCE).until(() -> mine(streetDispatcher(), c), l -> l.size() == 1);
        assertThat(toGive.getFirst().get("unitId").asString()).isEqualTo(ROAD);
        assertThat(toGive.getFirst().get("partEndedLabel").asString()).isEqualTo("撤回");
        assertThat(toGive.getFirst().get("centreName").asString()).isEqualTo("五龙街道指挥中心");
    }

    private List<JsonNode> mine(String token, Case... cases) throws Exception {
        var ids = java.util.Arrays.stream(cases).map(c -> c.id().toString()).toList();
        var response = get("/api/evaluation/ratings/to-give", token);
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response).values().stream()
                .filter(r -> ids.contains(r.get("whistleId").asString()))
                .toList();
    }

    private static final List<EventEnvelope<UnitRated>> SEEN = new ArrayList<>();

    @SuppressWarnings("unchecked")
    private static synchronized List<EventEnvelope<UnitRated>> ratingEvents(UUID rating) {
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "ratings-test-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new EnvelopeDeserializer())) {
            consumer.subscribe(List.of(Topics.EVALUATION_RATINGS));
            SEEN.clear();
            var deadline = Instant.now().plus(Duration.ofSeconds(5));
            while (Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value().data() instanceof UnitRated rated
                            && rated.ratingId().equals(rating)) {
                        SEEN.add((EventEnvelope<UnitRated>) record.value());
                    }
                }
            }
        }
        var sorted = new ArrayList<>(SEEN);
        sorted.sort(java.util.Comparator.comparingLong(EventEnvelope::revision));
        return sorted;
    }
}
