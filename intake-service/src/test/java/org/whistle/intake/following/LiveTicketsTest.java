package org.whistle.intake.following;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.whistle.intake.support.IntakeTest;
import org.whistle.security.streams.StreamTickets;
import org.whistle.testing.TestIssuer;

/**
 * An anonymous reporter's 进度 page gets, with each code + phone look-up, a ticket to its whistle's live stream at
 * notification-service (ADR 0059): for that whistle only, for half an hour, with no code in it; nobody else gets one.
 */
class LiveTicketsTest extends IntakeTest {

    /** notification-service's tests check tickets with this key: what intake signs, notification verifies. */
    private static final StreamTickets NOTIFICATION =
            StreamTickets.withKey("dGVzdHMtb25seS1zdHJlYW0tdGlja2V0LWtleS0wMDAwMDAwMA==");

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private static String client() {
        int n = CLIENTS.incrementAndGet();
        return "198.19." + (n / 250) + "." + (n % 250 + 1);
    }

    private Response track(String code, String phone) {
        var client = client();
        return get("/api/whistles/track", h -> {
            h.set("X-Tracking-Code", code);
            h.set("X-Reporter-Phone", phone);
            h.set("X-Forwarded-For", client);
        });
    }

    @Test
    void givesTheAnonymousReporterATicketToTheirWhistlesStreamWithEachLookUp() {
        var raised = postJson("/api/whistles", whistle("live ticket " + UUID.randomUUID()), device());
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        var id = UUID.fromString(raised.json().get("id").asString());
        var code = raised.json().get("trackingCode").asString();
        var before = Instant.now();

        var page = track(code, "13800000042");

        assertThat(page.status()).isEqualTo(200);
        var ticket = page.json().get("live").get("ticket").asString();
        var expiresAt = Instant.parse(page.json().get("live").get("expiresAt").asString());
        assertThat(ticket).doesNotContain(code).hasSizeLessThanOrEqualTo(StreamTickets.MAX_LENGTH);
        assertThat(expiresAt)
                .isBetween(before.plus(Duration.ofMinutes(29)), Instant.now().plus(Duration.ofMinutes(30)));
        assertThat(NOTIFICATION.verify(ticket, id, Instant.now()))
                .contains(expiresAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(NOTIFICATION.verify(ticket, UUID.randomUUID(), Instant.now()))
                .as("that whistle's stream only")
                .isEmpty();
        assertThat(NOTIFICATION.verify(ticket, id, expiresAt.plusSeconds(1))).isEmpty();

        // the same look-up by headers on the whistle's own address renews it
        var again = get("/api/whistles/" + id, h -> {
            h.set("X-Tracking-Code", code);
            h.set("X-Reporter-Phone", "13800000042");
            h.set("X-Forwarded-For", client());
        });
        assertThat(again.status()).isEqualTo(200);
        assertThat(NOTIFICATION.verify(again.json().get("live").get("ticket").asString(), id, Instant.now()))
                .isPresent();
    }

    @Test
    void givesNoTicketToStaffOrToAWrongPhone() {
        var raised = postJson("/api/whistles", whistle("no ticket " + UUID.randomUUID()), device());
        var id = raised.json().get("id").asString();
        var code = raised.json().get("trackingCode").asString();

        var dispatcher = get(
                "/api/whistles/" + id,
                bearer(TestIssuer.get()
                        .token(
                                "lt.street",
                                java.util.List.of("STREET_DISPATCHER"),
                                java.util.List.of("230225100"),
                                "QQ-230225100-ZHZX")));
        assertThat(dispatcher.status()).isEqualTo(200);
        assertThat(dispatcher.json().has("live")).isFalse();
        var wrongPhone = track(code, "13900000001");
        assertThat(wrongPhone.status()).isEqualTo(404);
        assertThat(wrongPhone.body()).doesNotContain("ticket");
    }
}
