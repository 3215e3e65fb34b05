package org.whistle.intake.following;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.whistle.events.Actor;
import org.whistle.events.CommandLevel;
import org.whistle.events.EventData;
import org.whistle.events.EventEnvelope;
import org.whistle.events.TaskState;
import org.whistle.events.TicketId;
import org.whistle.events.TicketState;
import org.whistle.events.Topics;
import org.whistle.events.TraceIds;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleFeedback;
import org.whistle.events.WhistleId;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;
import org.whistle.events.kafka.EnvelopeSerializer;
import org.whistle.intake.support.IntakeTest;
import org.whistle.testing.TestInfrastructure;
import org.whistle.testing.TestIssuer;

/**
 * One follow-up answer (回访) counts per round: the reporter's, or one a command centre of the whistle's area took by
 * phone and records for them (电话回访) — marked as such, with who recorded it, in the timeline and the event.
 */
class PhoneFollowUpTest extends IntakeTest {

    private static final String PHONE = "13800000042";
    private static final String CENTRE = "QQ-230225100-ZHZX";
    private final TicketId ticket = TicketId.newId();

    private record Raised(String id, String code) {}

    private Raised resolved() {
        var body = postJson("/api/whistles", whistle("follow-up " + UUID.randomUUID()), device())
                .json();
        var raised =
                new Raised(body.get("id").asString(), body.get("trackingCode").asString());
        publish(1, done(raised.id()));
        await().atMost(PATIENCE)
                .until(() -> track(raised).json().path("status").asString().equals("RESOLVED"));
        return raised;
    }

    private Response track(Raised raised) {
        return get("/api/whistles/track", h -> {
            h.set("X-Tracking-Code", raised.code());
            h.set("X-Reporter-Phone", PHONE);
        });
    }

    private void publish(long revision, EventData data) {
        var envelope = EventEnvelope.wrap(data, revision, "dispatch-service", TraceIds.newTraceId(), Clock.systemUTC());
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(),
                new EnvelopeSerializer())) {
            producer.send(new ProducerRecord<>(envelope.topic(), envelope.key(), envelope));
        }
    }

    private WhistleReported done(String id) {
        return new WhistleReported(
                WhistleId.of(id),
                ticket,
                "QQ-230225-ZJJ-LZG",
                WhistleReported.Report.DONE,
                TaskState.DONE,
                true,
                TicketState.RESOLVED,
                "已修复路面",
                List.of(),
                new Actor("gn.lzg.huangjiye", "QQ-230225-ZJJ-LZG", "DEPARTMENT_LEADER"),
                Instant.now());
    }

    private WhistleRouted reopened(String id) {
        return new WhistleRouted(
                WhistleId.of(id),
                ticket,
                "GN-2026-0002",
                WhistleRouted.Action.REOPENED,
                TicketState.IN_PROGRESS,
                CommandLevel.STREET,
                CENTRE,
                "MUNICIPAL-ROAD-DAMAGE",
                Urgency.NORMAL,
                List.of(new WhistleRouted.Summons("QQ-230225-ZJJ-LZG", true, TaskState.SUMMONED)),
                null,
                "群众反映未修好",
                new Actor("gn.street.sunhongwei", CENTRE, "STREET_DISPATCHER"),
                Instant.now(),
                null);
    }

    private static String centre(String subject, String role, String scope, String unit) {
        return TestIssuer.get().token(subject, List.of(role), List.of(scope), unit);
    }

    private Response record(Raised raised, String token, String rating) {
        return postJson(
                "/api/whistles/" + raised.id() + "/feedback",
                Map.of("rating", rating, "resolved", true, "comment", "电话里说修好了"),
                bearer(token));
    }

    private Response reporterAnswers(Raised raised) {
        return postJson(
                "/api/whistles/" + raised.id() + "/feedback",
                Map.of("rating", "DISSATISFIED", "resolved", false, "trackingCode", raised.code(), "phone", PHONE));
    }

    @Test
    void letsTheStreetCentreRecordAPhoneFollowUpMarkedWithWhoRecordedIt() {
        var raised = resolved();

        var recorded =
                record(raised, centre("gn.street.sunhongwei", "STREET_DISPATCHER", "230225100", CENTRE), "SATISFIED");

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        var event = (WhistleFeedback)
                published(Topics.WHISTLE_FEEDBACK, raised.id()).data();
        assertThat(event.recordedBy()).isEqualTo(new Actor("gn.street.sunhongwei", CENTRE, "STREET_DISPATCHER"));
        assertThat(event.byPhoneFollowUp()).isTrue();
        var followUp = track(raised)
                .json()
                .get("timeline")
                .valueStream()
                .filter(entry -> entry.get("kind").asString().equals("PHONE_FOLLOW_UP"))
                .findFirst()
                .orElseThrow();
        assertThat(followUp.get("note").asString()).isEqualTo("电话回访：满意，问题已解决");
        assertThat(followUp.get("actor").asString()).isEqualTo("甘南镇吹哨报到指挥中心");
        assertThat(track(raised).json().get("canRate").asBoolean()).isFalse();
    }

    @Test
    void countsEachStoredAnswerOnTheMetricsByWhoGaveItAndNotTheRefusedSecond() {
        var phone = "whistle_intake_followup_answers_total{application=\"intake-service\",kind=\"PHONE_FOLLOW_UP\","
                + "resolved=\"true\"}";
        var reporter =
                "whistle_intake_followup_answers_total{application=\"intake-service\",kind=\"REPORTER\",resolved=\"false\"}";
        var raised = resolved();
        double phoneBefore = metric(phone);
        double reporterBefore = metric(reporter);

        var recorded =
                record(raised, centre("gn.street.sunhongwei", "STREET_DISPATCHER", "230225100", CENTRE), "SATISFIED");
        var reporterLate = reporterAnswers(raised);

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(reporterLate.status()).as(reporterLate.body()).isEqualTo(409);
        assertThat(metric(phone)).isEqualTo(phoneBefore + 1);
        assertThat(metric(reporter)).isEqualTo(reporterBefore);

        var second = resolved();
        assertThat(reporterAnswers(second).status()).isEqualTo(201);
        assertThat(metric(reporter)).isEqualTo(reporterBefore + 1);
    }

    /** The sample's value on /actuator/prometheus, 0 while the series does not exist yet. */
    private double metric(String series) {
        return get("/actuator/prometheus")
                .body()
                .lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
                .findFirst()
                .orElse(0);
    }

    @Test
    void countsOneAnswerPerRoundWhoeverGivesItAndRefusesTheSecondInChinese() {
        var raised = resolved();
        var district = centre("gn.district", "DISTRICT_DISPATCHER", "230225", "QQ-230225-ZHZX");

        var first = record(raised, district, "BASICALLY_SATISFIED");
        var reporterLate = reporterAnswers(raised);
        var centreAgain = record(raised, district, "SATISFIED");

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(reporterLate.status()).isEqualTo(409);
        assertThat(reporterLate.json().get("type").asString()).isEqualTo("urn:whistle:problem:conflict");
        assertThat(reporterLate.json().get("detail").asString()).isEqualTo("本轮回访已有答复：每次办结只计一次评价，重新办结后可再次评价");
        assertThat(centreAgain.status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT count(*) FROM whistle_feedback WHERE whistle_id = :id")
                        .param("id", UUID.fromString(raised.id()))
                        .query(Long.class)
                        .single())
                .isOne();

        publish(2, reopened(raised.id()));
        publish(3, done(raised.id()));
        await().atMost(PATIENCE).until(() -> track(raised).json().get("canRate").asBoolean());
        assertThat(reporterAnswers(raised).status())
                .as("a reopen starts a new round")
                .isEqualTo(201);
    }

    @Test
    void refusesCentresOutsideTheAreaAndStaffWhoAreNoCentre() {
        var raised = resolved();

        var otherStreet =
                record(raised, centre("ls.street", "STREET_DISPATCHER", "230202002", "QQ-230202002-ZHZX"), "SATISFIED");
        var gridWorker = record(raised, centre("gn.grid", "GRID_WORKER", "230225100", null), "SATISFIED");

        assertThat(otherStreet.status()).isEqualTo(404);
        assertThat(gridWorker.status()).isEqualTo(403);
        assertThat(track(raised).json().get("canRate").asBoolean()).isTrue();
    }
}
