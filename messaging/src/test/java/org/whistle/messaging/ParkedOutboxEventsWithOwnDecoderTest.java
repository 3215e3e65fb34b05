package org.whistle.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.whistle.messaging.testapp.MessagingTestApplication;
import org.whistle.testing.RealInfrastructure;
import org.whistle.testing.TestIssuer;

/**
 * The parked-event endpoint in a service that declares its own token decoder, as org-registry does: service-security's
 * defaults (its chain, the {@code Caller} argument) are then absent, and the endpoint must work all the same.
 */
@RealInfrastructure
@SpringBootTest(
        classes = {MessagingTestApplication.class, ParkedOutboxEventsWithOwnDecoderTest.OwnDecoder.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "whistle.messaging.outbox.relay-enabled=false")
class ParkedOutboxEventsWithOwnDecoderTest {

    @TestConfiguration
    static class OwnDecoder {
        @Bean
        JwtDecoder jwtDecoder() {
            return NimbusJwtDecoder.withJwkSetUri(TestIssuer.get().jwksUri().toString())
                    .build();
        }
    }

    @LocalServerPort
    int port;

    @Test
    void answersAnAdministratorsDecisionsAsInAnyOtherService() throws Exception {
        var admin = TestIssuer.get().token("admin-1", List.of("ADMINISTRATOR"), List.of(), null);
        var resident = TestIssuer.get().token("resident-1", List.of("RESIDENT"), List.of(), null);

        assertThat(post("/admin/outbox/parked/999999999/discard", admin, "{\"reason\":\"测试\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(post("/admin/outbox/parked/999999999/redrive", admin, "{}").statusCode())
                .isEqualTo(404);
        assertThat(post("/admin/outbox/parked/999999999/redrive", resident, "{}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(post("/admin/outbox/parked/999999999/redrive", null, "{}").statusCode())
                .isEqualTo(401);
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
