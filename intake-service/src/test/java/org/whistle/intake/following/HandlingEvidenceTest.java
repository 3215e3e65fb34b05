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
import org.springframework.http.MediaType;
import org.whistle.events.Actor;
import org.whistle.events.CommandLevel;
import org.whistle.events.EventData;
import org.whistle.events.EventEnvelope;
import org.whistle.events.EvidenceRef;
import org.whistle.events.TaskState;
import org.whistle.events.TicketId;
import org.whistle.events.TicketState;
import org.whistle.events.TraceIds;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleClosed;
import org.whistle.events.WhistleId;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;
import org.whistle.events.kafka.EnvelopeSerializer;
import org.whistle.intake.evidence.Samples;
import org.whistle.intake.support.IntakeTest;
import org.whistle.testing.TestInfrastructure;
import org.whistle.testing.TestIssuer;

class HandlingEvidenceTest extends IntakeTest {

    private static final String PHONE = "13800000042";
    private static final String ROADS = "QQ-230225-ZJJ-LZG";
    private static final String OFFICER =
            TestIssuer.get().token("gn.lzg.mahaitao", List.of("DEPARTMENT_OFFICER"), List.of("230225"), ROADS);

    private final TicketId ticket = TicketId.newId();

    private record Raised(String id, String code) {}

    private Raised raise() {
        var body = postJson("/api/whistles", whistle("handling " + UUID.randomUUID()), device())
                .json();
        return new Raised(body.get("id").asString(), body.get("trackingCode").asString());
    }

    /** The ticket summons the roads section, which from then on sees the whistle (department staff see no other). */
    private void summonTheRoadsSection(String whistle) {
        publish(
                new WhistleRouted(
                        WhistleId.of(whistle),
                        ticket,
                        "GN-2026-0001",
                        WhistleRouted.Action.SUMMONED,
                        TicketState.DISPATCHED,
                        CommandLevel.STREET,
                        "QQ-230225100-ZHZX",
                        "MUNICIPAL-ROAD-DAMAGE",
                        Urgency.NORMAL,
                        List.of(new WhistleRouted.Summons(ROADS, true, TaskState.SUMMONED)),
                        null,
                        null,
                        new Actor("gn.street.sunhongwei", "QQ-230225100-ZHZX", "STREET_DISPATCHER"),
                        Instant.now(),
                        null),
                1);
        await().atMost(PATIENCE)
                .until(() -> get("/api/whistles/" + whistle, bearer(OFFICER)).status() == 200);
    }

    private Response upload(String whistle, String token) {
        return postMultipart(
                "/api/whistles/" + whistle + "/handling-evidence",
                new Parts().file("evidence", "repaired.jpg", Samples.jpegWithLocation(), MediaType.IMAGE_JPEG),
                token == null ? h -> {} : bearer(token));
    }

    @Test
    void keepsAUnitsPhotoOfTheResultWhichTheReporterOpensOnceDispatchReportsItDone() {
        var raised = raise();
        summonTheRoadsSection(raised.id());

        var answer = upload(raised.id(), OFFICER);

        assertThat(answer.status()).isEqualTo(201);
        var ref = answer.json().get("evidence").get(0);
        assertThat(ref.get("contentType").asString()).isEqualTo("image/jpeg");
        assertThat(ref.get("sha256").asString()).hasSize(64);
        var mediaId = ref.get("mediaId").asString();

        publishDone(
                raised.id(),
                new EvidenceRef(mediaId, "image/jpeg", ref.get("sha256").asString()));
        await().atMost(PATIENCE)
                .until(() -> get("/api/whistles/track?code=" + raised.code() + "&phone=" + PHONE)
                        .json()
                        .get("resultEvidence")
                        .toString()
                        .contains(mediaId));
        var photo = get("/api/whistles/" + raised.id() + "/evidence/" + mediaId, h -> {
            h.set("X-Tracking-Code", raised.code());
            h.set("X-Reporter-Phone", PHONE);
        });
        assertThat(photo.status()).isEqualTo(200);
        assertThat(photo.headers().getContentType()).hasToString("image/jpeg");
        assertThat(new String(photo.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("location stripped like the reporter's own photos")
                .doesNotContain(Samples.XMP_LOCATION);
    }

    /**
     * A community task approved by the compound's branch is done, verified and closed in one change of the ticket,
     * published on different topics: the close may arrive first. The members' photos of the result still reach the
     * reporter's page, and the older DONE moves neither the status nor an evidence a later DONE brought.
     */
    @Test
    void keepsTheResultsPhotosWhenTheCloseOfTheSameChangeArrivesBeforeItsDone() {
        var raised = raise();
        summonTheRoadsSection(raised.id());
        var members = new EvidenceRef("members-photo:" + UUID.randomUUID(), "image/jpeg", "ab".repeat(32));

        publish(
                new WhistleClosed(
                        WhistleId.of(raised.id()),
                        ticket,
                        WhistleClosed.Outcome.RESOLVED,
                        null,
                        null,
                        new Actor("jh.jjf.hanshufen", null, null),
                        Instant.now()),
                4);
        await().atMost(PATIENCE)
                .until(() -> get("/api/whistles/track?code=" + raised.code() + "&phone=" + PHONE)
                        .json()
                        .get("status")
                        .asString()
                        .equals("CLOSED"));
        publishDone(raised.id(), members);

        await().atMost(PATIENCE)
                .until(() -> get("/api/whistles/track?code=" + raised.code() + "&phone=" + PHONE)
                        .json()
                        .get("resultEvidence")
                        .findValuesAsString("mediaId")
                        .contains(members.mediaId()));
        var view = get("/api/whistles/track?code=" + raised.code() + "&phone=" + PHONE)
                .json();
        assertThat(view.get("status").asString())
                .as("the older DONE moves no status")
                .isEqualTo("CLOSED");

        // a DONE older still, redelivered late, leaves the result's photos as the newer one brought them
        var older = new EvidenceRef("members-photo:" + UUID.randomUUID(), "image/jpeg", "cd".repeat(32));
        publish(
                new WhistleReported(
                        WhistleId.of(raised.id()),
                        ticket,
                        ROADS,
                        WhistleReported.Report.DONE,
                        TaskState.DONE,
                        true,
                        TicketState.RESOLVED,
                        "更早的办结",
                        List.of(older),
                        new Actor("gn.lzg.mahaitao", "QQ-230225-ZJJ-LZG", "DEPARTMENT_OFFICER"),
                        Instant.now()),
                1);
        await().atMost(PATIENCE)
                .until(() -> get("/api/whistles/track?code=" + raised.code() + "&phone=" + PHONE)
                        .json()
                        .get("timeline")
                        .toString()
                        .contains("更早的办结"));
        assertThat(get("/api/whistles/track?code=" + raised.code() + "&phone=" + PHONE)
                        .json()
                        .get("resultEvidence")
                        .findValuesAsString("mediaId"))
                .containsExactly(members.mediaId());
    }

    @Test
    void refusesAnonymousCallersOutsidersReadOnlyLeadersAndAnEmptyUpload() {
        var raised = raise();
        summonTheRoadsSection(raised.id());

        assertThat(upload(raised.id(), null).status()).as("anonymous").isEqualTo(404);
        assertThat(upload(raised.id(), staffToken("ls.district.chenlei", "DISTRICT_DISPATCHER", "230202"))
                        .status())
                .as("another district")
                .isEqualTo(404);
        assertThat(upload(
                                raised.id(),
                                TestIssuer.get()
                                        .token(
                                                "gn.cgj.officer",
                                                List.of("DEPARTMENT_OFFICER"),
                                                List.of("230225"),
                                                "QQ-230225-CGJ"))
                        .status())
                .as("a department the ticket does not summon")
                .isEqualTo(404);
        assertThat(upload(raised.id(), staffToken("qq.leader.yangzhiqiang", "LEADER", "230200"))
                        .status())
                .as("a leader reads, never handles")
                .isEqualTo(403);
        assertThat(upload(UUID.randomUUID().toString(), OFFICER).status())
                .as("no such whistle")
                .isEqualTo(404);
        var empty = postMultipart(
                "/api/whistles/" + raised.id() + "/handling-evidence",
                new Parts().field("note", "no file"),
                bearer(OFFICER));
        assertThat(empty.status()).isEqualTo(422);
    }

    private void publishDone(String whistle, EvidenceRef photo) {
        var done = new WhistleReported(
                WhistleId.of(whistle),
                ticket,
                ROADS,
                WhistleReported.Report.DONE,
                TaskState.DONE,
                true,
                TicketState.RESOLVED,
                "已修复路面",
                List.of(photo),
                new Actor("gn.lzg.mahaitao", "QQ-230225-ZJJ-LZG", "DEPARTMENT_OFFICER"),
                Instant.now());
        publish(done, 2);
    }

    private static void publish(EventData data, long revision) {
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
}
