package org.whistle.orgregistry.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.whistle.orgregistry.ApiClient;
import org.whistle.orgregistry.TestTokens;
import org.whistle.testing.RealInfrastructure;

/**
 * Out-of-range, malformed and unknown query parameters across the API answer a 4xx problem detail naming the
 * parameter, never a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryParametersTest {

    @LocalServerPort
    int port;

    @Autowired
    RSAKey signingKey;

    ApiClient api;
    String admin;

    @BeforeAll
    void client() {
        api = new ApiClient(port);
        admin = new TestTokens(signingKey).administrator();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/org/nodes/230200/subtree?levels=10",
                "/api/org/nodes/230200/subtree?levels=-1",
                "/api/org/nodes/230200/subtree?levels=abc",
                "/api/org/nodes/230200/subtree?levels=99999999999",
                "/api/org/nodes/230200/subtree?levels=2.5",
                "/api/org/resolve?lat=abc&lng=123.5",
                "/api/org/resolve?lat=1e999&lng=123.5",
                "/api/org/resolve?lat=NaN&lng=123.5",
                "/api/org/resolve?lng=123.5",
                "/api/org/resolve?lat=47.9&lng=123.5&crs=MARS",
                "/api/org/units?kind=BOGUS",
                "/api/org/nodes/230200/units?inherited=maybe",
                "/api/org/nodes/230200/units?kind=BOGUS",
                "/api/org/categories?includeRetired=maybe",
                "/api/org/deadline-policies?includeRetired=2",
                "/api/org/routing-rules?includeRetired=x",
                "/api/org/routing/proposal?category=x&node=230200&level=BOGUS",
                "/api/org/deadline-policies/lookup?category=x&urgency=BOGUS&level=STREET",
                "/api/org/deadline-policies/lookup?category=x&urgency=NORMAL&level=BOGUS",
                "/api/org/users?role=BOGUS",
            })
    void answersAClientErrorProblemDetailNotA500(String path) {
        var answer = api.get(path, admin);

        assertThat(answer.status()).as(path + " → " + answer.body()).isBetween(400, 499);
        assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"notadate", "2024-13-45", "99999-01-01"})
    void refusesAMalformedLastDayWithAProblemDetail(String lastDay) {
        var answer = api.send(
                "DELETE",
                "/api/org/nodes/230200?lastDay=" + lastDay,
                admin,
                "application/json",
                "".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @org.junit.jupiter.api.Test
    void namesTheParameterThatIsOutOfRange() {
        var answer = api.get("/api/org/nodes/230200/subtree?levels=10", admin);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("levels");
    }
}
