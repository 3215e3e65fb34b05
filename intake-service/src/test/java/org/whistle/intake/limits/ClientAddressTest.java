package org.whistle.intake.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;
import org.whistle.intake.support.IntakeTest;

/**
 * The anonymous limit counts per client as the gateway names it in {@code X-Forwarded-For}, believed only from a
 * trusted proxy (loopback by default): two clients behind the gateway are two buckets, and a client talking to
 * intake directly cannot pick its own.
 */
@TestPropertySource(properties = "whistle.intake.rate-limits.per-address=2")
class ClientAddressTest extends IntakeTest {

    private Response raise(RestClient client, String forwardedFor) {
        return client.post()
                .uri("/api/whistles")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .headers(h -> {
                    h.set("X-Device-Id", "device-" + UUID.randomUUID());
                    h.set("X-Forwarded-For", forwardedFor);
                })
                .body(JSON.writeValueAsString(whistle("address " + UUID.randomUUID())))
                .exchange((req, res) -> new Response(
                        res.getStatusCode().value(),
                        res.getHeaders(),
                        res.getBody().readAllBytes()));
    }

    @Test
    void limitsEachClientBehindTheGatewayOnItsOwn() {
        assertThat(raise(http, "203.0.113.10").status()).isEqualTo(201);
        assertThat(raise(http, "203.0.113.10").status()).isEqualTo(201);

        var third = raise(http, "203.0.113.10");
        var otherClient = raise(http, "203.0.113.11");

        assertThat(third.status()).isEqualTo(429);
        assertThat(third.json().get("limitedBy").asString()).isEqualTo("address");
        assertThat(otherClient.status())
                .as("another client behind the same gateway")
                .isEqualTo(201);
        assertThat(raise(http, "198.51.100.7, 203.0.113.10").status())
                .as("a client cannot escape by putting another address in front of the gateway's entry")
                .isEqualTo(429);
    }

    @Test
    void believesNoForwardedAddressFromAClientThatIsNoTrustedProxy() {
        var own = nonLoopbackAddress();
        assumeTrue(own.isPresent(), "this machine has no non-loopback IPv4 address to call from");
        var direct = RestClient.builder()
                .baseUrl("http://" + own.get().getHostAddress() + ":" + port)
                .build();

        assertThat(raise(direct, "192.0.2.1").status()).isEqualTo(201);
        assertThat(raise(direct, "192.0.2.2").status()).isEqualTo(201);
        var spoofed = raise(direct, "192.0.2.3");

        assertThat(spoofed.status())
                .as("counted by its own address whatever it claims")
                .isEqualTo(429);
    }

    private static Optional<InetAddress> nonLoopbackAddress() {
        try {
            return NetworkInterface.networkInterfaces()
                    .filter(nic -> {
                        try {
                            return nic.isUp() && !nic.isLoopback();
                        } catch (SocketException e) {
                            return false;
                        }
                    })
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                    .findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }
}
