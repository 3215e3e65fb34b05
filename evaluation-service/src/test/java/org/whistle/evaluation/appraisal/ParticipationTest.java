package org.whistle.evaluation.appraisal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.whistle.evaluation.EvaluationServiceTest;
import org.whistle.events.MemberReported;
import org.whistle.events.MemberTaskDone;
import tools.jackson.databind.JsonNode;

/**
 * Party-member participation from members-service fills the secretary appraisal's participation indicators (the demo
 * set's G04 tasks done, G05 in-service members reported) by itself: duplicates count once, and an event for a grid the
 * service learns of only later counts once it does.
 */
class ParticipationTest extends EvaluationServiceTest {

    @Autowired
    private AppraisalSeed seed;

    private static Instant at(LocalDate day) {
        return day(day);
    }

    @Test
    void membersReportsAndTasksFillTheParticipationIndicatorsOnceEachInAnyOrder() throws Exception {
        seed.seed(Path.of("..", "demo", "evaluation", "secretary-appraisal-2026.json"));
        var added = send(
                "POST",
                "/api/evaluation/secretaries",
                administrator(),
                "{\"community\": \"K2\", \"name\": \"周敏\", \"tookOffice\": \"2021-03-01\", \"stars\": 3,"
                        + " \"reason\": \"2025年度初评\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        var base = "/api/evaluation/secretaries/" + json(added).get("id").asString();

        var q1 = LocalDate.of(2026, 2, 10);
        var inService = UUID.randomUUID();
        var reported = envelope(new MemberReported(inService, "IN_SERVICE", "CP-K2-1", "G2", "WP-1", at(q1)), 1);
        var another = UUID.randomUUID();
        var newcomer = UUID.randomUUID();
        // a grid of 府前社区 this service has not heard of yet: its events wait in the table, not lost
        var inNewGrid = envelope(new MemberReported(newcomer, "IN_SERVICE", "CP-K2-9", "G2-NEW", null, at(q1)), 1);
        publish(reported);
        publish(reported); // redelivered
        publish(envelope(new MemberReported(another, "IN_SERVICE", "CP-K2-1", "G2", "WP-2", at(q1)), 1));
        publish(envelope(new MemberReported(UUID.randomUUID(), "COMMUNITY", "CP-K2-1", "G2", null, at(q1)), 1));
        publish(inNewGrid);
        var task = envelope(
                new MemberTaskDone(
                        inService, UUID.randomUUID(), "IN_SERVICE", "CP-K2-1", "G2", "WP-1", 2.5, 10, at(q1)),
                1);
        publish(task);
        publish(task);
        publish(envelope(
                new MemberTaskDone(another, UUID.randomUUID(), "IN_SERVICE", "CP-K2-1", "G2", "WP-2", 1, 5, at(q1)),
                1));
        publish(envelope(
                new MemberTaskDone(
                        another,
                        UUID.randomUUID(),
                        "IN_SERVICE",
                        "CP-K2-1",
                        "G2",
                        "WP-2",
                        1,
                        5,
                        at(LocalDate.of(2026, 4, 2))),
                1)); // the second quarter's

        var lines = await().atMost(PATIENCE)
                .until(
                        () -> lines(get(base + "/results?period=2026-Q1", administrator())
                                .body()),
                        l -> line(l, "G05").get("figure").asDouble() == 2.0
                                && line(l, "G04").get("figure").asDouble() == 2.0);
        assertThat(line(lines, "G05").get("note").asString()).isEqualTo("在职党员报到人数 2 人，目标 20 人（党员数据自动计分）");
        // 1.25 points × 2 of 20
        assertThat(line(lines, "G05").get("points").asDouble()).isEqualTo(0.13);
        assertThat(line(lines, "G04").get("note").asString()).isEqualTo("党员完成任务数 2 项，目标 30 项（党员数据自动计分）");

        // the grid becomes known: the member reported there counts from now on, once
        node("G2-NEW", "GRID", "府前社区第二网格", "K2", List.of("C", "D", "S2", "K2"), null, null);
        var later = await().atMost(PATIENCE)
                .until(
                        () -> lines(get(base + "/results?period=2026-Q1", administrator())
                                .body()),
                        l -> line(l, "G05").get("figure").asDouble() == 3.0);
        assertThat(line(later, "G04").get("figure").asDouble()).isEqualTo(2.0);
        assertThat(jdbc.sql("SELECT count(*) FROM member_participation WHERE event_id = :id")
                        .param("id", reported.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private static List<JsonNode> lines(String body) {
        return StreamSupport.stream(
                        tools.jackson.databind.json.JsonMapper.shared()
                                .readTree(body)
                                .get("lines")
                                .values()
                                .spliterator(),
                        false)
                .toList();
    }

    private static JsonNode line(List<JsonNode> lines, String code) {
        return lines.stream()
                .filter(l -> l.get("code").asString().equals(code))
                .findFirst()
                .orElseThrow();
    }
}
