package org.whistle.intake.following;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.whistle.events.Actor;
import org.whistle.events.CommandLevel;
import org.whistle.events.EventData;
import org.whistle.events.EventEnvelope;
import org.whistle.events.EvidenceRef;
import org.whistle.events.TaskState;
import org.whistle.events.TicketId;
import org.whistle.events.TicketState;
import org.whistle.events.Topics;
import org.whistle.events.TraceIds;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleFeedback;
import org.whistle.events.WhistleId;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;
import org.whistle.events.kafka.EnvelopeSerializer;
import org.whistle.intake.evidence.Samples;
import org.whistle.intake.support.IntakeTest;
import org.whistle.testing.AccessLogCapture;
import org.whistle.testing.TestInfrastructure;
import org.whistle.testing.TestIssuer;

class FollowingWhistlesTest extends IntakeTest {

    private static final String PHONE = "13800000042";
    private final TicketId ticket = TicketId.newId();
    private final Actor dispatcher = new Actor("gn.street.sunhongwei", "QQ-230225100-ZHZX", "STREET_DISPATCHER");

    private record Raised(String id, String code) {}

    private Raised raise() {
        var body = postJson("/api/whistles", whistle("follow " + UUID.randomUUID()), device())
                .json();
        return new Raised(body.get("id").asString(), body.get("trackingCode").asString());
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

    private WhistleRouted routed(String id, WhistleRouted.Action action, TicketState state) {
        return new WhistleRouted(
                WhistleId.of(id),
                ticket,
                "GN-2026-0001",
                action,
                state,
                CommandLevel.STREET,
                "QQ-230225100-ZHZX",
                "MUNICIPAL-ROAD-DAMAGE",
                Urgency.NORMAL,
                List.of(new WhistleRouted.Summons("QQ-230225-ZJJ-LZG", true, TaskState.SUMMONED)),
                null,
                null,
                dispatcher,
                Instant.now(),
                null);
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
                List.of(new EvidenceRef(UUID.randomUUID().toString(), "image/jpeg", "a".repeat(64))),
                new Actor("gn.lzg.huangjiye", "QQ-230225-ZJJ-LZG", "DEPARTMENT_LEADER"),
                Instant.now());
    }

    private String status(Raised raised) {
        return track(raised).json().get("status").asString();
    }

    private Response track(Raised raised) {
        return get("/api/whistles/track?code=" + raised.code() + "&phone=" + PHONE);
    }

    private Response feedback(Raised raised, String rating) {
        return postJson(
                "/api/whistles/" + raised.id() + "/feedback",
                Map.of(
                        "rating",
                        rating,
                        "resolved",
                        true,
                        "comment",
                        "修得很快",
                        "trackingCode",
                        raised.code(),
                        "phone",
                        PHONE));
    }

    @Test
    void followsRoutedReportedAndClosedEventsIntoStatusAndAPublicTimeline() {
        var raised = raise();

        publish(1, routed(raised.id(), WhistleRouted.Action.FILED, TicketState.FILED));
        publish(2, routed(raised.id(), WhistleRouted.Action.SUMMONED, TicketState.DISPATCHED));
        publish(3, done(raised.id()));
        await().atMost(PATIENCE).until(() -> status(raised).equals("RESOLVED"));
        publish(
                4,
                new WhistleClosed(
                        WhistleId.of(raised.id()),
                        ticket,
                        WhistleClosed.Outcome.RESOLVED,
                        null,
                        null,
                        dispatcher,
                        Instant.now()));
        await().atMost(PATIENCE).until(() -> status(raised).equals("CLOSED"));

        var view = track(raised).json();
        assertThat(view.get("statusLabel").asString()).isEqualTo("已结案");
        assertThat(view.get("ticketNumber").asString()).isEqualTo("GN-2026-0001");
        assertThat(view.get("timeline").findValuesAsString("kind"))
                .containsExactly("RAISED", "FILED", "SUMMONED", "DONE", "CLOSED_RESOLVED");
        assertThat(view.get("resultEvidence")).hasSize(1);
        assertThat(view.get("timeline").toString())
                .contains("甘南镇吹哨报到指挥中心")
                .doesNotContain("gn.street.sunhongwei")
                .doesNotContain("gn.lzg.huangjiye")
                .doesNotContain(PHONE);
        assertThat(view.get("reporter").get("phone").asString())
                .as("the reporter sees their own number (ContactDisclosurePolicy: SELF)")
                .isEqualTo(PHONE);
    }

    @Test
    void ignoresAStaleRevisionAndARedeliveredEvent() {
        var raised = raise();
        var filed = EventEnvelope.wrap(
                routed(raised.id(), WhistleRouted.Action.SUMMONED, TicketState.DISPATCHED),
                5,
                "dispatch-service",
                TraceIds.newTraceId(),
                Clock.systemUTC());
        publish(5, filed.data());
        publish(5, filed.data());
        await().atMost(PATIENCE).until(() -> status(raised).equals("DISPATCHED"));

        publish(2, routed(raised.id(), WhistleRouted.Action.FILED, TicketState.FILED));
        publish(6, routed(raised.id(), WhistleRouted.Action.SUSPENDED, TicketState.SUSPENDED));

        await().atMost(PATIENCE).until(() -> status(raised).equals("SUSPENDED"));
        assertThat(track(raised).json().get("timeline").findValuesAsString("kind"))
                .contains("FILED");
    }

    @Test
    void takesFeedbackOnlyFromTheReporterOnlyAfterResolutionAndOncePerResolution() {
        var raised = raise();
        assertThat(feedback(raised, "SATISFIED").status())
                .as("before resolution")
                .isEqualTo(409);

        publish(1, done(raised.id()));
        await().atMost(PATIENCE).until(() -> status(raised).equals("RESOLVED"));
        var stranger = postJson(
                "/api/whistles/" + raised.id() + "/feedback",
                Map.of("rating", "SATISFIED", "resolved", true, "trackingCode", raised.code(), "phone", "13900000001"));
        assertThat(stranger.status()).as("not the reporter").isEqualTo(404);
        var staff = postJson(
                "/api/whistles/" + raised.id() + "/feedback",
                Map.of("rating", "SATISFIED", "resolved", true),
                bearer(staffToken("gn.grid.worker", "GRID_WORKER", "230225100")));
        assertThat(staff.status())
                .as("staff other than a command centre may see but not rate")
                .isEqualTo(403);
        assertThat(feedback(raised, "MAYBE").status()).isEqualTo(422);

        var first = feedback(raised, "BASICALLY_SATISFIED");
        var again = feedback(raised, "SATISFIED");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("本轮回访已有答复");
        var event = (WhistleFeedback)
                published(Topics.WHISTLE_FEEDBACK, raised.id()).data();
        assertThat(event.rating().name()).isEqualTo("BASICALLY_SATISFIED");
        assertThat(event.ticketId()).isEqualTo(ticket);

        publish(2, routed(raised.id(), WhistleRouted.Action.REOPENED, TicketState.IN_PROGRESS));
        publish(3, done(raised.id()));
        await().atMost(PATIENCE).until(() -> track(raised).json().get("canRate").asBoolean());
        assertThat(feedback(raised, "SATISFIED").status())
                .as("a new resolution")
                .isEqualTo(201);
    }

    @Test
    void showsAWhistleToItsReporterAndToStaffInScopeOnly() {
        var reporter = "resident-" + UUID.randomUUID();
        var body = new java.util.HashMap<>(whistle("mine " + UUID.randomUUID()));
        body.put("channel", "APP");
        var id = postJson("/api/whistles", body, bearer(residentToken(reporter)))
                .json()
                .get("id")
                .asString();

        assertThat(get("/api/whistles/" + id, bearer(residentToken(reporter))).status())
                .isEqualTo(200);
        assertThat(get("/api/whistles/" + id, bearer(residentToken("someone-else")))
                        .status())
                .isEqualTo(404);
        assertThat(get("/api/whistles/" + id, bearer(staffToken("s", "STREET_DISPATCHER", "230225100")))
                        .status())
                .isEqualTo(200);
        assertThat(get("/api/whistles/" + id, bearer(staffToken("s", "STREET_DISPATCHER", "230203003")))
                        .status())
                .isEqualTo(404);
        assertThat(get("/api/whistles/" + id).status()).isEqualTo(404);
    }

    @Test
    void showsAWhistleToADepartmentOnlyOnceItsTicketSummonsTheDepartmentsUnit() {
        var raised = raise();
        var roadsSection = bearer(TestIssuer.get()
                .token("gn.lzg.mahaitao", List.of("DEPARTMENT_OFFICER"), List.of("230225"), "QQ-230225-ZJJ-LZG"));
        var urbanManagement = bearer(TestIssuer.get()
                .token("gn.cgj.officer", List.of("DEPARTMENT_OFFICER"), List.of("230225"), "QQ-230225-CGJ"));
        var gridWorkerToo = bearer(TestIssuer.get()
                .token(
                        "gn.cgj.grid",
                        List.of("DEPARTMENT_OFFICER", "GRID_WORKER"),
                        List.of("230225"),
                        "QQ-230225-CGJ"));

        assertThat(get("/api/whistles/" + raised.id(), roadsSection).status()).isEqualTo(404);
        publish(1, routed(raised.id(), WhistleRouted.Action.SUMMONED, TicketState.DISPATCHED));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/api/whistles/" + raised.id(), roadsSection).status() == 200);
        assertThat(get("/api/whistles/" + raised.id(), urbanManagement).status())
                .as("a department in the area that the ticket does not summon")
                .isEqualTo(404);
        assertThat(get("/api/whistles/" + raised.id(), gridWorkerToo).status())
                .as("who is also a grid worker there")
                .isEqualTo(200);
    }

    @Test
    void servesEvidenceOnlyToThoseWhoMaySeeTheWhistle() {
        var parts = new Parts()
                .json("whistle", whistle("evidence " + UUID.randomUUID()))
                .file(
                        "evidence",
                        "IMG_0001.HEIC",
                        Samples.concat(Samples.ftyp("heic", "mif1", "heic"), Samples.box("meta", new byte[64])),
                        MediaType.APPLICATION_OCTET_STREAM);
        var raised = postMultipart("/api/whistles", parts, device()).json();
        var mediaId = raised.at("/evidence/0/mediaId").asString();
        var path = "/api/whistles/" + raised.get("id").asString() + "/evidence/" + mediaId;
        var log = AccessLogCapture.start();

        var anonymous = get(path);
        var wrongPhone = get(path, h -> {
            h.set("X-Tracking-Code", raised.get("trackingCode").asString());
            h.set("X-Reporter-Phone", "13900000001");
        });
        var reporter = get(path, h -> {
            h.set("X-Tracking-Code", raised.get("trackingCode").asString());
            h.set("X-Reporter-Phone", PHONE);
        });
        var staffInScope = get(path, bearer(staffToken("c", "COMMUNITY_STAFF", "230225100001")));
        var staffElsewhere = get(path, bearer(staffToken("c", "COMMUNITY_STAFF", "230202002001")));

        assertThat(anonymous.status()).isEqualTo(404);
        assertThat(wrongPhone.status()).isEqualTo(404);
        assertThat(reporter.status()).isEqualTo(200);
        assertThat(reporter.headers().getContentType().toString()).isEqualTo("image/heic");
        assertThat(staffInScope.status()).isEqualTo(200);
        assertThat(staffElsewhere.status()).isEqualTo(404);
        log.close();
        assertThat(log.about("evidence", mediaId))
                .extracting(e -> e.get("who").get("subject").asString() + " "
                        + e.get("outcome").asString() + " " + e.get("rule").asString() + " " + e.get("disclosed"))
                .containsExactly(
                        "anonymous HIDDEN neither-reporter-nor-staff-in-scope {}",
                        "anonymous HIDDEN neither-reporter-nor-staff-in-scope {}",
                        "anonymous ALLOWED reporter-tracking-code {\"evidence.location\":\"FULL\"}",
                        "c ALLOWED staff-in-scope {\"evidence.location\":\"FULL\"}",
                        "c HIDDEN neither-reporter-nor-staff-in-scope {}");
    }
}
