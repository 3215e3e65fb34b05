package org.whistle.intake.following;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.whistle.events.Topics;
import org.whistle.events.WhistleRaised;
import org.whistle.intake.support.IntakeTest;
import org.whistle.testing.TestIssuer;

/**
 * The tracking code is the reporter's secret (ADR 0018): in the raise answer and nowhere else — not in staff views,
 * events, the database or the logs — and reading by it needs the phone too, with failed guesses limited.
 */
@ExtendWith(OutputCaptureExtension.class)
class TrackingCodeSecretTest extends IntakeTest {

    private static final String PHONE = "13800000042";
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private record Raised(String id, String code) {}

    private Raised raise(Map<String, Object> body, Consumer<HttpHeaders> headers) {
        var answer = postJson("/api/whistles", body, headers);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return new Raised(
                answer.json().get("id").asString(),
                answer.json().get("trackingCode").asString());
    }

    private Raised raise() {
        return raise(whistle("secret " + UUID.randomUUID()), device());
    }

    /** A client address of its own, as the gateway names it in X-Forwarded-For. */
    private static String client() {
        int n = CLIENTS.incrementAndGet();
        return "198.18." + (n / 250) + "." + (n % 250 + 1);
    }

    private Response track(String code, String phone, String client) {
        return get("/api/whistles/track", h -> {
            h.set("X-Tracking-Code", code);
            h.set("X-Reporter-Phone", phone);
            h.set("X-Forwarded-For", client);
        });
    }

    @Test
    void showsTheCodeToNoStaffAtAll() {
        var raised = raise();
        var gridWorker = get(
                "/api/whistles/" + raised.id(),
                bearer(TestIssuer.get().token("gn.grid", List.of("GRID_WORKER"), List.of("230225100"), null)));
        var dispatcher = get(
                "/api/whistles/" + raised.id(),
                bearer(TestIssuer.get()
                        .token("gn.street", List.of("STREET_DISPATCHER"), List.of("230225100"), "QQ-230225100-ZHZX")));

        assertThat(gridWorker.status()).isEqualTo(200);
        assertThat(dispatcher.status()).isEqualTo(200);
        assertThat(gridWorker.json().has("trackingCode")).isFalse();
        assertThat(gridWorker.body()).doesNotContain(raised.code());
        assertThat(dispatcher.body()).doesNotContain(raised.code());
        var reporter = track(raised.code(), PHONE, client());
        assertThat(reporter.status()).isEqualTo(200);
        assertThat(reporter.body())
                .as("nor to the reporter's page: they typed it")
                .doesNotContain(raised.code());
    }

    @Test
    void putsNoCodeIntoTheEventOrTheDatabase() {
        var key = UUID.randomUUID().toString();
        var body = whistle("stored " + UUID.randomUUID());
        Consumer<HttpHeaders> headers = h -> {
            h.set("Idempotency-Key", key);
            h.set("X-Device-Id", "device-" + key);
        };
        var raised = raise(body, headers);
        var replayed = postJson("/api/whistles", body, headers);

        var event = published(Topics.WHISTLE_RAISED, raised.id());

        assertThat(event.version()).isEqualTo(2);
        assertThat(event.data()).isInstanceOf(WhistleRaised.class);
        assertThat(outboxedMentioning(raised.code())).isZero();
        assertThat(outboxedMentioning("trackingCode")).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM idempotent_request WHERE body LIKE :code")
                        .param("code", "%" + raised.code() + "%")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM information_schema.columns"
                                + " WHERE table_name = 'whistle' AND column_name = 'tracking_code'")
                        .query(Long.class)
                        .single())
                .as("no plaintext column")
                .isZero();
        assertThat(jdbc.sql("SELECT tracking_code_hash FROM whistle WHERE whistle_id = :id")
                        .param("id", UUID.fromString(raised.id()))
                        .query(byte[].class)
                        .single())
                .isEqualTo(sha256(raised.code()));
        assertThat(replayed.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.json().get("trackingCode").asString())
                .as("a retry is answered with the code again")
                .isEqualTo(raised.code());
        assertThat(replayed.json().get("trackUrl").asString()).doesNotContain(raised.code());
    }

    @Test
    void writesTheCodeIntoNoLog(CapturedOutput output) {
        var raised = raise();
        track(raised.code(), PHONE, client());
        track(raised.code(), "13900000001", client());
        get("/api/whistles/track?code=" + raised.code() + "&phone=" + PHONE);
        get(
                "/internal/whistles/" + raised.id() + "/contact",
                bearer(TestIssuer.get().token("notification-service", List.of("SERVICE"), List.of("230200"), null)));

        assertThat(output.getAll()).isNotEmpty().doesNotContain(raised.code());
    }

    @Test
    void opensAWhistleRaisedWithAPhoneOnlyWithCodeAndPhone() {
        var raised = raise();

        var codeAlone = get("/api/whistles/track?code=" + raised.code(), h -> h.set("X-Forwarded-For", client()));
        var wrongPhone = track(raised.code(), "13900000001", client());
        var noSuchCode = track("QQ20260101-0000000000", "13900000001", client());
        var right = track(raised.code(), PHONE, client());

        assertThat(codeAlone.status()).isEqualTo(404);
        assertThat(wrongPhone.status()).isEqualTo(404);
        assertThat(noSuchCode.status()).isEqualTo(404);
        assertThat(wrongPhone.body())
                .as("a wrong phone and an unknown code answer alike")
                .isEqualTo(noSuchCode.body());
        assertThat(codeAlone.body()).isEqualTo(noSuchCode.body());
        assertThat(right.status()).isEqualTo(200);
        assertThat(right.json().get("id").asString()).isEqualTo(raised.id());
    }

    @Test
    void limitsFailedLookupsPerWhistleWhetherOrNotItExists() {
        var raised = raise();
        for (int i = 0; i < 10; i++) {
            assertThat(track(raised.code(), "1390000000" + i, client()).status())
                    .isEqualTo(404);
            assertThat(track("QQ20260101-00000000ZZ", "1390000000" + i, client())
                            .status())
                    .isEqualTo(404);
        }

        var guessedRight = track(raised.code(), PHONE, client());
        var unknown = track("QQ20260101-00000000ZZ", PHONE, client());

        assertThat(guessedRight.status())
                .as("the whistle's failures are used up, from whatever address")
                .isEqualTo(429);
        assertThat(unknown.status()).as("alike for a code that does not exist").isEqualTo(429);
        assertThat(guessedRight.json().get("limitedBy").asString()).isEqualTo("whistle");
        assertThat(guessedRight.body().replaceAll("\\d+ s", ""))
                .isEqualTo(unknown.body().replaceAll("\\d+ s", ""));
        assertThat(guessedRight.headers().getFirst("Retry-After")).isNotBlank();
    }

    @Test
    void limitsFailedLookupsPerClientAddressOnEveryPathByCode() {
        var raised = raise();
        var guesser = client();
        var reporter = client();
        for (int i = 0; i < 20; i++) {
            var path = i % 2 == 0 ? "/api/whistles/track" : "/api/whistles/" + UUID.randomUUID();
            var code = "QQ20260101-" + String.format("%010d", i);
            assertThat(get(path, h -> {
                                h.set("X-Tracking-Code", code);
                                h.set("X-Reporter-Phone", PHONE);
                                h.set("X-Forwarded-For", guesser);
                            })
                            .status())
                    .isEqualTo(404);
        }

        var limited = track(raised.code(), PHONE, guesser);
        var feedbackLimited = postJson(
                "/api/whistles/" + raised.id() + "/feedback",
                Map.of("rating", "SATISFIED", "resolved", true, "trackingCode", raised.code(), "phone", PHONE),
                h -> h.set("X-Forwarded-For", guesser));
        var another = track(raised.code(), PHONE, reporter);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("limitedBy").asString()).isEqualTo("address");
        assertThat(feedbackLimited.status()).isEqualTo(429);
        assertThat(another.status()).as("another client is not held up").isEqualTo(200);
    }

    @Test
    void answersTheCodeToNotificationForTheReportersOwnMessagesOnly() {
        var anonymous = new HashMap<>(whistle("no phone " + UUID.randomUUID()));
        anonymous.remove("reporter");
        var withPhone = raise();
        var withoutPhone = raise(anonymous, device());
        var service =
                bearer(TestIssuer.get().token("notification-service", List.of("SERVICE"), List.of("230200"), null));

        var contact = get("/internal/whistles/" + withPhone.id() + "/contact", service);

        assertThat(contact.json().get("trackingCode").asString()).isEqualTo(withPhone.code());
        assertThat(get("/internal/whistles/" + withoutPhone.id() + "/contact", service)
                        .status())
                .as("nobody to send it to")
                .isEqualTo(404);
        assertThat(track(withoutPhone.code(), "", client()).status())
                .as("a whistle raised with neither phone nor account opens with its code alone")
                .isEqualTo(200);
    }

    private static byte[] sha256(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
