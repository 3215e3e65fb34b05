package org.whistle.orgregistry;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.whistle.testing.RealInfrastructure;
import org.whistle.testing.service.RefusalTexts;

/**
 * The refusals an administrator reads from org-registry — bad accounts, nodes, units, categories, routing rules and
 * deadline policies, duplicates and things not found — are plain Chinese by default and English when asked (ADR 0043):
 * no English sentence from the throw site, no enum or code, no value the caller sent echoed back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusalTextsTest {

    @LocalServerPort
    int port;

    @Autowired
    RSAKey signingKey;

    String admin;

    @BeforeAll
    void administrator() {
        admin = new TestTokens(signingKey).administrator();
        var api = new ApiClient(port);
        var city = api.sendJson("POST", "/api/org/nodes", admin, """
                {"code":"239700","kind":"CITY","name":"措辞市","validFrom":"2024-01-01"}""");
        assertThat(city.status()).as(city.body()).isIn(201, 409);
        var district = api.sendJson("POST", "/api/org/nodes", admin, """
                {"code":"239701","kind":"DISTRICT","name":"措辞区","parentCode":"239700","validFrom":"2024-01-01"}""");
        assertThat(district.status()).as(district.body()).isIn(201, 409);
    }

    private RefusalTexts refusals() {
        var refusals = new RefusalTexts();
        refusals.refuses(422, ask(api -> api.sendJson("POST", "/api/org/users", admin, """
                {"username": "x", "password": "short", "displayName": " ", "phone": "12345678901",
                 "roles": ["MAYOR", "SERVICE"], "scope": ["999999"], "unit": "NO-SUCH-UNIT",
                 "posts": [{"post": "CHAIRMAN", "node": "888888"}]}""")));
        refusals.refuses(422, ask(api -> api.sendJson("POST", "/api/org/users", admin, """
                {"username": "me", "password": "%s", "displayName": "张华", "roles": []}""".formatted("密".repeat(30)))));
        refusals.refuses(422, ask(api -> api.get("/api/org/users?role=MAYOR", admin)));
        refusals.refuses(422, ask(api -> api.get("/api/org/users?node=999999", admin)));
        refusals.refuses(422, ask(api -> api.sendJson("POST", "/api/org/clients", admin, """
                {"clientId": "x", "unit": "NO-SUCH-UNIT", "role": "MAYOR", "scope": []}""")));
        refusals.refuses(422, ask(api -> api.sendJson("POST", "/api/org/nodes", admin, """
                {"code":"12","kind":"STREET","name":"错号街道","parentCode":"239700","validFrom":"2024-01-01",
                 "validTo":"2023-01-01"}""")));
        refusals.refuses(422, ask(api -> api.sendJson("POST", "/api/org/nodes", admin, """
                {"code":"2397019","kind":"STREET","validFrom":"2024-01-01","name":"无上级街道"}""")));
        refusals.refuses(422, ask(api -> api.sendJson("POST", "/api/org/nodes", admin, """
                {"code":"2397018","kind":"COMMUNITY","name":"错位社区","parentCode":"239700","validFrom":"2024-01-01"}""")));
        refusals.refuses(409, ask(api -> api.sendJson("POST", "/api/org/nodes", admin, """
                {"code":"239701","kind":"DISTRICT","name":"措辞区","parentCode":"239700","validFrom":"2024-01-01"}""")));
        refusals.refuses(422, ask(api -> api.sendJson("PUT", "/api/org/nodes/239701", admin, """
                {"code":"239702","kind":"DISTRICT","name":"措辞区","parentCode":"239700","validFrom":"2024-01-01"}""")));
        refusals.refuses(404, ask(api -> api.get("/api/org/nodes/2397999", admin)));
        refusals.refuses(422, ask(api -> api.sendJson("POST", "/api/org/units", admin, """
                {"code":"bad code","kind":"SECTION","name":"科","areaCode":"239701","parentUnitCode":"NO-SUCH",
                 "dutyPhone":"12","validFrom":"2024-01-01"}""")));
        refusals.refuses(422, ask(api -> api.sendJson("POST", "/api/org/units", admin, """
                {"code":"CW-SECTION","kind":"SECTION","name":"科","areaCode":"239701","validFrom":"2024-01-01"}""")));
        refusals.refuses(404, ask(api -> api.get("/api/org/units/NO-SUCH-UNIT", admin)));
        refusals.refuses(422, ask(api -> api.get("/api/org/resolve?lat=99&lng=500&crs=MARS", admin)));
        refusals.refuses(422, ask(api -> api.sendJson("POST", "/api/org/categories", admin, """
                {"code":"bad code","name":" ","parentCode":"bad code","handlingClass":"MAGIC","defaultUrgency":"PANIC"}""")));
        refusals.refuses(404, ask(api -> api.get("/api/org/categories/NO-SUCH-CATEGORY", admin)));
        refusals.refuses(422, ask(api -> api.sendJson("POST", "/api/org/routing-rules", admin, """
                {"ruleId":"R-TEXTS","categoryCode":"bad code","level":"PLANET","leadUnitCode":"bad code",
                 "coUnitCodes":[" "]}""")));
        refusals.refuses(422, ask(api -> api.sendJson("POST", "/api/org/routing-rules", admin, """
                {"ruleId":"R-TEXTS","categoryCode":"NO-SUCH","areaCode":"000","leadUnitCode":"NO-UNIT"}""")));
        refusals.refuses(422, ask(api -> api.get("/api/org/routing/proposal?category=NO-SUCH&node=239701", admin)));
        refusals.refuses(
                422,
                ask(api -> api.sendJson("POST", "/api/org/deadline-policies", admin, """
                {"policyId":"%s","categoryCode":"bad code","urgency":"PANIC","level":"PLANET","escalation":"MOON",
                 "durations":{"LUNCH":"PT1H"},"pauseWhen":["NAP"]}""".formatted("P".repeat(200)))));
        return refusals;
    }

    @Test
    void refusesInPlainChineseByDefault() throws Exception {
        refusals().inPlainChineseByDefault();
    }

    @Test
    void refusesInEnglishWhenTheCallerPrefersIt() throws Exception {
        refusals().inEnglishWhenTheCallerPrefersIt();
    }

    /** A request through this service's client, in the language asked. */
    private RefusalTexts.Request ask(Function<ApiClient, ApiClient.Answer> request) {
        return language -> {
            var answer =
                    request.apply(language == null ? new ApiClient(port) : new ApiClient(port).inLanguage(language));
            return new RefusalTexts.Answer(answer.status(), answer.body());
        };
    }
}
