package org.whistle.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.test.util.ReflectionTestUtils;
import org.whistle.security.testapp.SecuredApp;
import org.whistle.testing.RealInfrastructure;
import org.whistle.testing.TestIssuer;

@SpringBootTest(classes = SecuredApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(database = false)
class ServiceSecurityTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("springSecurityFilterChain")
    Filter securityFilterChain;

    @Test
    void checksHeadersWithTheLoopsInsteadOfTheFirewallsRegularExpressions() throws Exception {
        // The bean is Spring Security's composite around the FilterChainProxy that serves the requests.
        var proxy = ReflectionTestUtils.getField(securityFilterChain, "springSecurityFilterChain");
        var firewall = ReflectionTestUtils.getField(proxy, "firewall");
        assertThat(firewall).isInstanceOf(StrictHttpFirewall.class);
        for (var check : List.of("allowedHeaderNames", "allowedHeaderValues")) {
            assertThat(ReflectionTestUtils.getField(firewall, check).getClass().getName())
                    .startsWith(RequestChecks.class.getName());
        }
        var token = TestIssuer.get().token("x", List.of("RESIDENT"), List.of(), null);
        assertThat(get("/api/me", token).statusCode()).isEqualTo(200);
    }

    @Test
    void readsTheCallerFromAValidToken() throws Exception {
        var token = TestIssuer.get()
                .token("gn.street.sunhongwei", List.of("STREET_DISPATCHER"), List.of("230225100"), "QQ-230225100-ZHZX");

        var response = get("/api/me", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"subject\":\"gn.street.sunhongwei\"")
                .contains("\"roles\":[\"STREET_DISPATCHER\"]")
                .contains("\"unit\":\"QQ-230225100-ZHZX\"")
                .contains("\"coversGrid\":true");
    }

    @Test
    void tellsAPlaceOutsideTheScope() throws Exception {
        var token =
                TestIssuer.get().token("ls.district.chenlei", List.of("DISTRICT_DISPATCHER"), List.of("230202"), null);

        assertThat(get("/api/me", token).body()).contains("\"coversGrid\":false");
    }

    @Test
    void refusesMissingExpiredAndForeignTokens() throws Exception {
        assertThat(get("/api/me", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/me", TestIssuer.get().expiredToken("x", List.of("RESIDENT"), List.of()))
                        .statusCode())
                .isEqualTo(401);
        var valid = TestIssuer.get().token("x", List.of("RESIDENT"), List.of(), null);
        var tampered =
                valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA" + valid.substring(valid.lastIndexOf('.') + 5);
        assertThat(get("/api/me", tampered).statusCode()).isEqualTo(401);
    }

    @Test
    void refusesMissingExpiredAndForgedTokensWithAProblemDetailAndTheBearerChallenge() throws Exception {
        var valid = TestIssuer.get().token("x", List.of("RESIDENT"), List.of(), null);
        var forged =
                valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA" + valid.substring(valid.lastIndexOf('.') + 5);
        var expired = TestIssuer.get().expiredToken("x", List.of("RESIDENT"), List.of());
        for (var token : java.util.Arrays.asList(null, expired, forged)) {
            var response = get("/api/me", token);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
            assertThat(response.body())
                    .contains("\"type\":\"urn:whistle:problem:unauthorized\"")
                    .contains("\"status\":401")
                    .contains("\"instance\":\"/api/me\"");
        }
    }

    @Test
    void refusesAnIdTokenAndAnAccessTokenForAnotherAudienceWithAProblemDetail() throws Exception {
        // Same key, same claims as a valid access token: only what the token is for differs.
        var idToken = TestIssuer.get().idToken("x", List.of("CITY_DISPATCHER"), List.of("2302"));
        var otherAudience =
                TestIssuer.get().tokenForAudience("some-other-api", "x", List.of("CITY_DISPATCHER"), List.of("2302"));
        assertThat(get("/api/me", TestIssuer.get().token("x", List.of("CITY_DISPATCHER"), List.of("2302"), null))
                        .statusCode())
                .isEqualTo(200);
        for (var token : List.of(idToken, otherAudience)) {
            var response = get("/api/me", token);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).contains("\"type\":\"urn:whistle:problem:unauthorized\"");
        }
    }

    @Test
    void refusesARoleWithAProblemDetail() throws Exception {
        var resident = TestIssuer.get().token("r", List.of("RESIDENT"), List.of(), null);

        var response = get("/api/dispatch-only", resident);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body())
                .contains("\"type\":\"urn:whistle:problem:forbidden\"")
                .contains("\"status\":403");
    }

    @Test
    void namesWhyWhenTheServiceItselfRefusesAndOnlyRoleOrScopeWhenARuleDoes() throws Exception {
        var dispatcher = TestIssuer.get().token("d", List.of("STREET_DISPATCHER"), List.of("230225100"), null);
        var resident = TestIssuer.get().token("r", List.of("RESIDENT"), List.of(), null);

        var refused = get("/api/refused-by-the-service", dispatcher);
        var ruled = get("/api/dispatch-only", resident);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body())
                .contains("\"type\":\"urn:whistle:problem:forbidden\"")
                .contains("\"detail\":\"needs the STREET dispatcher role of the ticket's level\"");
        assertThat(ruled.body()).contains("\"title\":\"无权操作\"").contains("\"detail\":\"您的角色或管辖范围不允许此操作。\"");
    }

    @Test
    void wordsTheServicesReasonByKeyInTheCallersLanguage() throws Exception {
        var dispatcher = TestIssuer.get().token("d", List.of("STREET_DISPATCHER"), List.of("230225100"), null);

        var chinese = get("/api/refused-by-key", dispatcher);
        var english = get("/api/refused-by-key", dispatcher, "en-GB,en;q=0.9");

        assertThat(chinese.statusCode()).isEqualTo(403);
        assertThat(chinese.body())
                .contains("\"type\":\"urn:whistle:problem:forbidden\"")
                .contains("\"detail\":\"您无权进行此操作。\"");
        assertThat(english.statusCode()).isEqualTo(403);
        assertThat(english.body()).contains("\"detail\":\"You are not allowed to do this.\"");
    }

    @Test
    void authorisesByRole() throws Exception {
        var resident = TestIssuer.get().token("r", List.of("RESIDENT"), List.of(), null);
        var dispatcher = TestIssuer.get().token("d", List.of("STREET_DISPATCHER"), List.of("230225100"), null);

        assertThat(get("/api/dispatch-only", resident).statusCode()).isEqualTo(403);
        assertThat(get("/api/dispatch-only", dispatcher).statusCode()).isEqualTo(200);
    }

    @Test
    void leavesProbesOpen() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesInTheCallersLanguage() throws Exception {
        var resident = TestIssuer.get().token("r", List.of("RESIDENT"), List.of(), null);

        assertThat(get("/api/dispatch-only", null).body()).contains("\"title\":\"请先登录\"");
        assertThat(get("/api/dispatch-only", null, "en").body())
                .contains("\"title\":\"Unauthorized\"")
                .contains("\"detail\":\"This needs a bearer token: sign in first.\"");
        assertThat(get("/api/dispatch-only", resident, "en-GB,en;q=0.9").body())
                .contains("\"title\":\"Forbidden\"")
                .contains("\"detail\":\"The caller's role or scope does not allow this.\"");
    }

    private HttpResponse<String> get(String path, @Nullable String token) throws Exception {
        return get(path, token, null);
    }

    private HttpResponse<String> get(String path, @Nullable String token, @Nullable String language) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
