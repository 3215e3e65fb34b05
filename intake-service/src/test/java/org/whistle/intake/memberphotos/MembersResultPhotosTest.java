package org.whistle.intake.memberphotos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
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
import org.whistle.events.WhistleId;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;
import org.whistle.events.kafka.EnvelopeSerializer;
import org.whistle.intake.evidence.Samples;
import org.whistle.intake.support.IntakeTest;
import org.whistle.testing.TestInfrastructure;
import org.whistle.testing.TestIssuer;

/**
 * The party members' photos that answered a whistle reach its reporter and the centre through intake (ADR 0051):
 * read from members-service (here a stand-in answering the token endpoint and the internal photo path as org-registry
 * and members-service do) once, checked against the SHA-256 the result names, stripped of location and kept.
 */
class MembersResultPhotosTest extends IntakeTest {

    private static final String PHONE = "13800000042";
    private static final String SECRET = "stand-in-intake-secret";
    private static final String OFFICER = TestIssuer.get()
            .token("gn.lzg.mahaitao", List.of("DEPARTMENT_OFFICER"), List.of("230225"), "QQ-230225-ZJJ-LZG");

    private static final MembersStandIn MEMBERS = MembersStandIn.start();

    @DynamicPropertySource
    static void members(DynamicPropertyRegistry properties) {
        properties.add("whistle.intake.members.uri", MEMBERS::uri);
        properties.add("whistle.intake.members.token-uri", () -> MEMBERS.uri() + "/oauth2/token");
        properties.add("whistle.intake.members.client-secret", () -> SECRET);
    }

    private final TicketId ticket = TicketId.newId();

    private record Raised(String id, String code) {}

    @Test
    void theReporterOpensTheMembersPhotoOfTheResultWithoutItsLocationAndMembersServiceIsAskedOnce() throws Exception {
        var raised = raise();
        var photo = UUID.randomUUID();
        var bytes = Samples.jpegWithLocation();
        MEMBERS.photos.put(raised.id() + "/" + photo, bytes);
        var ref = new EvidenceRef("members-photo:" + photo, "image/jpeg", sha256(bytes));
        answeredByACommunityTask(raised, ref);
        int asked = MEMBERS.asked.get();
        int authorised = MEMBERS.authorised.get();

        var trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        var first = get(
                "/api/whistles/" + raised.id() + "/evidence/" + ref.mediaId(),
                reporter(raised).andThen(h -> h.set("traceparent", "00-" + trace + "-00f067aa0ba902b7-00")));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.headers().getContentType()).hasToString("image/jpeg");
        assertThat(new String(first.bytes(), StandardCharsets.ISO_8859_1))
                .as("location stripped like the reporter's own photos")
                .doesNotContain(Samples.XMP_LOCATION);
        assertThat(MEMBERS.authorised.get() - authorised)
                .as("asked with this service's token")
                .isEqualTo(1);
        assertThat(MEMBERS.traceparent.get())
                .as("members-service is asked in the trace of the view being answered (ADR 0054)")
                .startsWith("00-" + trace + "-")
                .doesNotContain("00f067aa0ba902b7");

        // the centre's dispatcher, and the reporter again: both from intake's copy
        var centre = get(
                "/api/whistles/" + raised.id() + "/evidence/" + ref.mediaId(),
                bearer(staffToken("gn.street.sunhongwei", "STREET_DISPATCHER", "230225100")));
        var again = get("/api/whistles/" + raised.id() + "/evidence/" + ref.mediaId(), reporter(raised));
        assertThat(centre.status()).isEqualTo(200);
        assertThat(again.bytes()).isEqualTo(first.bytes());
        assertThat(MEMBERS.asked.get() - asked)
                .as("members-service asked once per photo")
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM evidence WHERE copied_from = :ref")
                        .param("ref", ref.mediaId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // someone who may not see the whistle sees no photo of it either
        var stranger = get(
                "/api/whistles/" + raised.id() + "/evidence/" + ref.mediaId(),
                h -> h.set("X-Tracking-Code", "QQ-WRONG"));
        assertThat(stranger.status()).isEqualTo(404);
    }

    @Test
    void aPhotoTheWhistleDoesNotNameOrWhoseBytesDifferIsNotShown() throws Exception {
        var raised = raise();
        var named = UUID.randomUUID();
        MEMBERS.photos.put(raised.id() + "/" + named, Samples.plainJpeg());
        answeredByACommunityTask(
                raised, new EvidenceRef("members-photo:" + named, "image/jpeg", sha256(Samples.jpegWithLocation())));
        var other = UUID.randomUUID();
        MEMBERS.photos.put(raised.id() + "/" + other, Samples.plainJpeg());
        int before = MEMBERS.asked.get();

        var notNamed = get("/api/whistles/" + raised.id() + "/evidence/members-photo:" + other, reporter(raised));
        var otherBytes = get("/api/whistles/" + raised.id() + "/evidence/members-photo:" + named, reporter(raised));

        assertThat(notNamed.status()).isEqualTo(404);
        assertThat(otherBytes.status()).as("not the bytes the approval named").isEqualTo(404);
        assertThat(MEMBERS.asked.get() - before)
                .as("only the named photo is asked for")
                .isEqualTo(1);
    }

    @Test
    void membersServiceDownIsA503InChineseAndTheNextLookSucceeds() throws Exception {
        var raised = raise();
        var photo = UUID.randomUUID();
        var bytes = Samples.plainPng();
        var ref = new EvidenceRef("members-photo:" + photo, "image/png", sha256(bytes));
        answeredByACommunityTask(raised, ref);
        MEMBERS.down.set(true);
        try {
            var down = get("/api/whistles/" + raised.id() + "/evidence/" + ref.mediaId(), h -> {
                reporter(raised).accept(h);
                h.set(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN");
            });
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.json().get("detail").asString()).isEqualTo("社区党员拍的结果照片暂时取不到，请稍后再看。");
        } finally {
            MEMBERS.down.set(false);
        }
        MEMBERS.photos.put(raised.id() + "/" + photo, bytes);

        var later = get("/api/whistles/" + raised.id() + "/evidence/" + ref.mediaId(), reporter(raised));

        assertThat(later.status()).isEqualTo(200);
        assertThat(later.headers().getContentType()).hasToString("image/png");
    }

    // ---- a whistle answered by a community task -------------------------------------------------------------------

    private Raised raise() {
        var body = postJson("/api/whistles", whistle("members photo " + UUID.randomUUID()), device())
                .json();
        return new Raised(body.get("id").asString(), body.get("trackingCode").asString());
    }

    private static Consumer<HttpHeaders> reporter(Raised raised) {
        return h -> {
            h.set("X-Tracking-Code", raised.code());
            h.set("X-Reporter-Phone", PHONE);
        };
    }

    private void answeredByACommunityTask(Raised raised, EvidenceRef photo) {
        publish(
                new WhistleRouted(
                        WhistleId.of(raised.id()),
                        ticket,
                        "GN-2026-0002",
                        WhistleRouted.Action.SUMMONED,
                        TicketState.DISPATCHED,
                        CommandLevel.STREET,
                        "QQ-230225100-ZHZX",
                        "MUNICIPAL-ROAD-DAMAGE",
                        Urgency.NORMAL,
                        List.of(new WhistleRouted.Summons("QQ-230225-ZJJ-LZG", true, TaskState.SUMMONED)),
                        null,
                        null,
                        new Actor("gn.street.sunhongwei", "QQ-230225100-ZHZX", "STREET_DISPATCHER"),
                        Instant.now(),
                        null),
                1);
        await().atMost(PATIENCE)
                .until(() ->
                        get("/api/whistles/" + raised.id(), bearer(OFFICER)).status() == 200);
        publish(
                new WhistleReported(
                        WhistleId.of(raised.id()),
                        ticket,
                        "QQ-230225-ZJJ-LZG",
                        WhistleReported.Report.DONE,
                        TaskState.DONE,
                        true,
                        TicketState.RESOLVED,
                        "社区党员已清理",
                        List.of(photo),
                        new Actor("jh.jjf.hanshufen", null, null),
                        Instant.now()),
                2);
        await().atMost(PATIENCE)
                .until(() -> get("/api/whistles/track?code=" + raised.code() + "&phone=" + PHONE)
                        .json()
                        .get("resultEvidence")
                        .toString()
                        .contains(photo.mediaId()));
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

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Answers {@code /oauth2/token} as org-registry and the internal result-photo path as members-service. */
    static final class MembersStandIn {

        final Map<String, byte[]> photos = new ConcurrentHashMap<>();
        final AtomicInteger asked = new AtomicInteger();
        final AtomicInteger authorised = new AtomicInteger();
        final java.util.concurrent.atomic.AtomicReference<String> traceparent =
                new java.util.concurrent.atomic.AtomicReference<>("");
        final java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean();
        private final HttpServer server;

        private MembersStandIn(HttpServer server) {
            this.server = server;
        }

        static MembersStandIn start() {
            try {
                var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                var stand = new MembersStandIn(server);
                var expected = "Basic "
                        + java.util.Base64.getEncoder()
                                .encodeToString(("intake-service:" + SECRET).getBytes(StandardCharsets.UTF_8));
                server.createContext("/oauth2/token", exchange -> {
                    var ok = expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
                    var body = ok
                            ? "{\"access_token\":\"members-token\",\"token_type\":\"Bearer\",\"expires_in\":300}"
                                    .getBytes(StandardCharsets.UTF_8)
                            : new byte[0];
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(ok ? 200 : 401, ok ? body.length : -1);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                server.createContext("/internal/whistles/", exchange -> {
                    stand.asked.incrementAndGet();
                    if (stand.down.get()) {
                        exchange.sendResponseHeaders(503, -1);
                        exchange.close();
                        return;
                    }
                    if (!"Bearer members-token"
                            .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                        exchange.sendResponseHeaders(401, -1);
                        exchange.close();
                        return;
                    }
                    stand.authorised.incrementAndGet();
                    var traceparent = exchange.getRequestHeaders().getFirst("traceparent");
                    stand.traceparent.set(traceparent == null ? "" : traceparent);
                    // /internal/whistles/{whistle}/result-photos/{photo}
                    var parts = exchange.getRequestURI().getPath().split("/");
                    var bytes = stand.photos.get(parts[3] + "/" + parts[5]);
                    if (bytes == null) {
                        exchange.sendResponseHeaders(404, -1);
                    } else {
                        exchange.getResponseHeaders().set("Content-Type", "image/jpeg");
                        exchange.sendResponseHeaders(200, bytes.length);
                        exchange.getResponseBody().write(bytes);
                    }
                    exchange.close();
                });
                server.start();
                return stand;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }
    }
}
