package org.whistle.security.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.whistle.security.testapp.SecuredApp;
import org.whistle.testing.AccessLogCapture;
import org.whistle.testing.RealInfrastructure;
import org.whistle.testing.TestIssuer;
import tools.jackson.databind.JsonNode;

@SpringBootTest(classes = SecuredApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(database = false)
class AccessDecisionsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @RegisterExtension
    final AccessLogCapture log = AccessLogCapture.perTest();

    @Test
    void recordsWhoReadWhichRecordWhenAndWhatTheySaw() throws Exception {
        var token = TestIssuer.get()
                .token("gn.street.sunhongwei", List.of("STREET_DISPATCHER"), List.of("230225100"), "QQ-230225100-ZHZX");

        var response = get("/api/people/ls.resident.zhangguilan", token, Map.of("X-Request-Id", "console-7f3a"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("139****5678").contains("张*兰");
        var entry = only(log.about("person", "ls.resident.zhangguilan"));
        assertThat(entry.get("at").asString()).isEqualTo(SecuredApp.NOW.toString());
        assertThat(entry.get("requestId").asString()).isEqualTo("console-7f3a");
        assertThat(entry.get("who").get("subject").asString()).isEqualTo("gn.street.sunhongwei");
        assertThat(entry.get("who").get("roles").get(0).asString()).isEqualTo("STREET_DISPATCHER");
        assertThat(entry.get("who").get("unit").asString()).isEqualTo("QQ-230225100-ZHZX");
        assertThat(entry.get("action").asString()).isEqualTo("read");
        assertThat(entry.get("outcome").asString()).isEqualTo("ALLOWED");
        assertThat(entry.get("rule").asString()).isEqualTo("staff");
        assertThat(entry.get("disclosed").get("person.phone").asString()).isEqualTo("MASKED");
        assertThat(entry.get("disclosed").get("person.name").asString()).isEqualTo("MASKED");
    }

    @Test
    void showsThePersonThemselvesInFull() throws Exception {
        var token = TestIssuer.get().token("ls.resident.self", List.of("RESIDENT"), List.of(), null);

        var response = get("/api/people/ls.resident.self", token, Map.of());

        assertThat(response.body()).contains("13912345678").contains("张桂兰");
        var entry = only(log.about("person", "ls.resident.self"));
        assertThat(entry.get("rule").asString()).isEqualTo("self");
        assertThat(entry.get("disclosed").get("person.phone").asString()).isEqualTo("FULL");
        assertThat(entry.has("requestId") && !entry.get("requestId").isNull()).isFalse();
    }

    @Test
    void recordsRefusalsAsNotFoundWithNothingDisclosed() throws Exception {
        var token =
                TestIssuer.get().token("gn.street.hidden", List.of("STREET_DISPATCHER"), List.of("230225100"), null);

        assertThat(get("/api/people/nobody", token, Map.of()).statusCode()).isEqualTo(404);

        var entry = only(log.about("person", "nobody"));
        assertThat(entry.get("outcome").asString()).isEqualTo("HIDDEN");
        assertThat(entry.get("rule").asString()).isEqualTo("no-such-person");
        assertThat(entry.get("disclosed").isEmpty()).isTrue();
    }

    @Test
    void recordsWhatSpringSecurityRefusesBeforeTheController() throws Exception {
        var resident = TestIssuer.get().token("ls.resident.nosy", List.of("RESIDENT"), List.of(), null);

        assertThat(get("/api/people/someone-else", resident, Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(get("/api/admin/people/someone-else", resident, Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(get("/api/people/someone-else", null, Map.of()).statusCode()).isEqualTo(401);

        var entries = log.about("person", "someone-else");
        assertThat(entries).hasSize(3);
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.get("outcome").asString()).isEqualTo("DENIED");
            assertThat(entry.get("disclosed").isEmpty()).isTrue();
        });
        assertThat(entries.get(0).get("who").get("subject").asString()).isEqualTo("ls.resident.nosy");
        assertThat(entries.get(0).get("rule").asString())
                .isEqualTo("role-required: !hasRole('RESIDENT') or #id == authentication.name");
        assertThat(entries.get(1).get("rule").asString()).isEqualTo("role-required: hasRole('ADMINISTRATOR')");
        assertThat(entries.get(2).get("who").get("subject").asString()).isEqualTo("anonymous");
        assertThat(entries.get(2).get("rule").asString()).isEqualTo("token-required");
    }

    @Test
    void leavesRefusalsOnOtherRoutesToTheirOwnLogs() throws Exception {
        var resident = TestIssuer.get().token("ls.resident.elsewhere", List.of("RESIDENT"), List.of(), null);

        assertThat(get("/api/dispatch-only", resident, Map.of()).statusCode()).isEqualTo(403);

        assertThat(log.by("ls.resident.elsewhere")).isEmpty();
    }

    @Test
    void dropsARequestIdThatIsNotWellFormed() throws Exception {
        var token = TestIssuer.get().token("gn.street.odd", List.of("STREET_DISPATCHER"), List.of("230225100"), null);

        get("/api/people/odd-request", token, Map.of("X-Request-Id", "<script>alert(1)</script>"));

        assertThat(only(log.about("person", "odd-request")).get("requestId").isNull())
                .isTrue();
        assertThat(log.lines()).noneMatch(line -> line.contains("script"));
    }

    @Test
    void countsDecisionsByResourceAndOutcome() throws Exception {
        var before = count("person", "HIDDEN");
        var token =
                TestIssuer.get().token("gn.street.counted", List.of("STREET_DISPATCHER"), List.of("230225100"), null);

        get("/api/people/nobody", token, Map.of());
        get("/api/people/nobody", token, Map.of());

        assertThat(count("person", "HIDDEN")).isEqualTo(before + 2);
    }

    @Test
    void neverWritesAPhoneANameOrAToken() throws Exception {
        var token = TestIssuer.get().token("13912345678", List.of("RESIDENT"), List.of(), null);

        get("/api/people/13912345678", token, Map.of());

        assertThat(log.lines())
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line)
                        .doesNotContain("13912345678")
                        .doesNotContain("张桂兰")
                        .doesNotContain(token.substring(0, 20)));
    }

    private double count(String resource, String outcome) {
        var counter = meters.find(AccessDecisions.METER)
                .tag("resource", resource)
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static JsonNode only(List<JsonNode> entries) {
        assertThat(entries).hasSize(1);
        return entries.getFirst();
    }

    private HttpResponse<String> get(String path, @Nullable String token, Map<String, String> headers)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
