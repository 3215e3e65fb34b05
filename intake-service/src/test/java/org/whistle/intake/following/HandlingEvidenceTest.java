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
import org.whistle.events.EventEnvelope;
import org.whistle.events.EvidenceRef;
import org.whistle.events.TaskState;
import org.whistle.events.TicketId;
import org.whistle.events.TicketState;
import org.whistle.events.TraceIds;
import org.whistle.events.WhistleId;
import org.whistle.events.WhistleReported;
import org.whistle.events.kafka.EnvelopeSerializer;
import org.whistle.intake.evidence.Samples;
import org.whistle.intake.support.IntakeTest;
import org.whistle.testing.TestInfrastructure;

class HandlingEvidenceTest extends IntakeTest {

    private static final String PHONE = "13800000042";
    private static final String OFFICER = staffToken("gn.lzg.mahaitao", "DEPARTMENT_OFFICER", "230225");

    private record Raised(String id, String code) {}

    private Raised raise() {
        var body = postJson("/api/whistles", whistle("handling " + UUID.randomUUID()), device())
                .json();
        return new Raised(body.get("id").asString(), body.get("trackingCode").asString());
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

    @Test
    void refusesAnonymousCallersOutsidersReadOnlyLeadersAndAnEmptyUpload() {
        var raised = raise();

        assertThat(upload(raised.id(), null).status()).as("anonymous").isEqualTo(404);
        assertThat(upload(raised.id(), staffToken("ls.district.chenlei", "DISTRICT_DISPATCHER", "230202"))
                        .status())
                .as("another district")
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
                TicketId.newId(),
                "QQ-230225-ZJJ-LZG",
                WhistleReported.Report.DONE,
                TaskState.DONE,
                true,
                TicketState.RESOLVED,
                "已修复路面",
                List.of(photo),
                new Actor("gn.lzg.mahaitao", "QQ-230225-ZJJ-LZG", "DEPARTMENT_OFFICER"),
                Instant.now());
        var envelope = EventEnvelope.wrap(done, 1, "dispatch-service", TraceIds.newTraceId(), Clock.systemUTC());
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
