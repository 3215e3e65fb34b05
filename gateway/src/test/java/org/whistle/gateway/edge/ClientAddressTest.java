package org.whistle.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.util.unit.DataSize;
import org.whistle.gateway.EdgeProperties;

class ClientAddressTest {

    private final ClientAddress clientAddress = new ClientAddress(new EdgeProperties(
            List.of("10.0.0.1", "10.0.0.2", "172.16.0.0/16"),
            new EdgeProperties.RateLimits(30, Duration.ofMinutes(1), 20, Duration.ofMinutes(1)),
            new EdgeProperties.RequestSize(
                    DataSize.ofMegabytes(101),
                    List.of(),
                    DataSize.ofKilobytes(384),
                    List.of(),
                    DataSize.ofKilobytes(64)),
            new EdgeProperties.Cors(List.of()),
            new EdgeProperties.Resilience(
                    Duration.ofSeconds(10),
                    50,
                    20,
                    10,
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(15),
                    Duration.ofSeconds(5),
                    200),
            new EdgeProperties.Console(null, null, null, null, null),
            null));

    @Test
    void ignoresForwardedForFromAnUntrustedPeer() {
        assertThat(clientAddress.of(from("198.51.100.9", "203.0.113.5"))).isEqualTo("198.51.100.9");
    }

    @Test
    void takesTheNearestUntrustedHopBehindTrustedProxies() {
        assertThat(clientAddress.of(from("10.0.0.1", "1.1.1.1, 203.0.113.5, 10.0.0.2")))
                .isEqualTo("203.0.113.5");
    }

    @Test
    void trustsEveryProxyInAConfiguredRange() {
        assertThat(clientAddress.of(from("172.16.9.4", "203.0.113.5, 172.16.3.3")))
                .isEqualTo("203.0.113.5");
        assertThat(clientAddress.of(from("172.17.0.1", "203.0.113.5"))).isEqualTo("172.17.0.1");
    }

    @Test
    void neverTakesSomethingThatIsNotAnAddressForTheClient() {
        assertThat(clientAddress.of(from("10.0.0.1", "evil.example"))).isEqualTo("10.0.0.1");
        assertThat(clientAddress.of(from("10.0.0.1", "<script>"))).isEqualTo("10.0.0.1");
    }

    @Test
    void fallsBackToThePeerWhenATrustedProxySendsNoForwardedFor() {
        var request = MockServerHttpRequest.get("/api/whistles")
                .remoteAddress(new InetSocketAddress("10.0.0.1", 40000))
                .build();

        assertThat(clientAddress.of(request)).isEqualTo("10.0.0.1");
    }

    private static MockServerHttpRequest from(String peer, String forwardedFor) {
        return MockServerHttpRequest.post("/api/whistles")
                .remoteAddress(new InetSocketAddress(peer, 40000))
                .header("X-Forwarded-For", forwardedFor)
                .build();
    }
}
