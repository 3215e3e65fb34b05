package org.whistle.gateway.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class RequestsForTheSessionTest {

    private final RequestsForTheSession chain = new RequestsForTheSession();

    @Test
    void leavesARelayedRequestWithoutTheSessionToTheService() {
        assertThat(runsFor(MockServerHttpRequest.get("/api/tickets/42").header("Authorization", "Bearer t")))
                .isFalse();
        assertThat(runsFor(MockServerHttpRequest.post("/api/whistles"))).isFalse();
        assertThat(runsFor(MockServerHttpRequest.get("/open311/v2/services.json")))
                .isFalse();
    }

    @Test
    void runsForARelayedRequestFromASignedInBrowser() {
        assertThat(runsFor(MockServerHttpRequest.get("/api/tickets/42").cookie(session())))
                .isTrue();
        assertThat(runsFor(MockServerHttpRequest.post("/api/tickets/42/close").cookie(session())))
                .as("its write needs the CSRF token")
                .isTrue();
    }

    @Test
    void runsForTheGatewaysOwnPaths() {
        for (var path :
                new String[] {"/bff/me", "/bff/authorization/whistle", "/bff/callback/whistle", "/", "/login"}) {
            assertThat(runsFor(MockServerHttpRequest.get(path))).as(path).isTrue();
        }
        assertThat(runsFor(MockServerHttpRequest.post("/bff/logout"))).isTrue();
    }

    private boolean runsFor(MockServerHttpRequest.BaseBuilder<?> request) {
        return chain.matches(MockServerWebExchange.from(request)).block().isMatch();
    }

    private static org.springframework.http.HttpCookie session() {
        return new org.springframework.http.HttpCookie(SessionCookies.SESSION, "s3cr3t");
    }
}
