package org.whistle.orgregistry;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.whistle.testing.RealInfrastructure;
import org.whistle.texts.PlainText;

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

    /** Each refusal, asked through a client in some language, with the status it must have. */
    private record Refusal(int status, Function<ApiClient, ApiClient.Answer> ask) {}

    private List<Refusal> refusals() {
        var refusals = new ArrayList<Refusal>();
        refusals.add(new Refusal(422, api -> api.sendJson("POST", "/api/org/users", admin, """
                {"username": "x", "password": "short", "displayName": " ", "phone": "12345678901",
                 "roles": ["MAYOR", "SERVICE"], "scope": ["999999"], "unit": "NO-SUCH-UNIT",
                 "posts": [{"post": "CHAIRMAN", "node": "888888"}]}""")));
        refusals.add(new Refusal(
                422, api -> api.sendJson("POST", "/api/org/users", admin, """
                {"username": "me", "password": "%s", "displayName": "张华", "roles": []}""".formatted("密".repeat(30)))));
        refusals.add(new Refusal(422, api -> api.get("/api/org/users?role=MAYOR", admin)));
        refusals.add(new Refusal(422, api -> api.get("/api/org/users?node=999999", admin)));
        refusals.add(new Refusal(422, api -> api.sendJson("POST", "/api/org/clients", admin, """
                {"clientId": "x", "unit": "NO-SUCH-UNIT", "role": "MAYOR", "scope": []}""")));
        refusals.add(new Refusal(422, api -> api.sendJson("POST", "/api/org/nodes", admin, """
                {"code":"12","kind":"STREET","name":"错号街道","parentCode":"239700","validFrom":"2024-01-01",
                 "validTo":"2023-01-01"}""")));
        refusals.add(new Refusal(422, api -> api.sendJson("POST", "/api/org/nodes", admin, """
                {"code":"2397019","kind":"STREET","validFrom":"2024-01-01","name":"无上级街道"}""")));
        refusals.add(new Refusal(422, api -> api.sendJson("POST", "/api/org/nodes", admin, """
                {"code":"2397018","kind":"COMMUNITY","name":"错位社区","parentCode":"239700","validFrom":"2024-01-01"}""")));
        refusals.add(new Refusal(409, api -> api.sendJson("POST", "/api/org/nodes", admin, """
                {"code":"239701","kind":"DISTRICT","name":"措辞区","parentCode":"239700","validFrom":"2024-01-01"}""")));
        refusals.add(new Refusal(422, api -> api.sendJson("PUT", "/api/org/nodes/239701", admin, """
                {"code":"239702","kind":"DISTRICT","name":"措辞区","parentCode":"239700","validFrom":"2024-01-01"}""")));
        refusals.add(new Refusal(404, api -> api.get("/api/org/nodes/2397999", admin)));
        refusals.add(new Refusal(422, api -> api.sendJson("POST", "/api/org/units", admin, """
                {"code":"bad code","kind":"SECTION","name":"科","areaCode":"239701","parentUnitCode":"NO-SUCH",
                 "dutyPhone":"12","validFrom":"2024-01-01"}""")));
        refusals.add(new Refusal(422, api -> api.sendJson("POST", "/api/org/units", admin, """
                {"code":"CW-SECTION","kind":"SECTION","name":"科","areaCode":"239701","validFrom":"2024-01-01"}""")));
        refusals.add(new Refusal(404, api -> api.get("/api/org/units/NO-SUCH-UNIT", admin)));
        refusals.add(new Refusal(422, api -> api.get("/api/org/resolve?lat=99&lng=500&crs=MARS", admin)));
        refusals.add(new Refusal(422, api -> api.sendJson("POST", "/api/org/categories", admin, """
                {"code":"bad code","name":" ","parentCode":"bad code","handlingClass":"MAGIC","defaultUrgency":"PANIC"}""")));
        refusals.add(new Refusal(404, api -> api.get("/api/org/categories/NO-SUCH-CATEGORY", admin)));
        refusals.add(new Refusal(422, api -> api.sendJson("POST", "/api/org/routing-rules", admin, """
                {"ruleId":"R-TEXTS","categoryCode":"bad code","level":"PLANET","leadUnitCode":"bad code",
                 "coUnitCodes":[" "]}""")));
        refusals.add(new Refusal(422, api -> api.sendJson("POST", "/api/org/routing-rules", admin, """
                {"ruleId":"R-TEXTS","categoryCode":"NO-SUCH","areaCode":"000","leadUnitCode":"NO-UNIT"}""")));
        refusals.add(new Refusal(422, api -> api.get("/api/org/routing/proposal?category=NO-SUCH&node=239701", admin)));
        refusals.add(new Refusal(
                422, api -> api.sendJson("POST", "/api/org/deadline-policies", admin, """
                {"policyId":"%s","categoryCode":"bad code","urgency":"PANIC","level":"PLANET","escalation":"MOON",
                 "durations":{"LUNCH":"PT1H"},"pauseWhen":["NAP"]}""".formatted("P".repeat(200)))));
        return refusals;
    }

    @Test
    void refusesInPlainChineseByDefault() {
        for (var language : new String[] {null, "zh-CN,zh;q=0.9"}) {
            var api = language == null ? new ApiClient(port) : new ApiClient(port).inLanguage(language);
            for (var refusal : refusals()) {
                var refused = refusal.ask().apply(api);
                assertThat(refused.status()).as(refused.body()).isEqualTo(refusal.status());
                for (var text : texts(refused)) {
                    assertThat(text).as(refused.body()).containsPattern("\\p{IsHan}");
                    assertThat(PlainText.offences(text)).as(refused.body()).isEmpty();
                }
            }
        }
    }

    @Test
    void refusesInEnglishWhenTheCallerPrefersIt() {
        var api = new ApiClient(port).inLanguage("en-GB,en;q=0.9,zh-CN;q=0.5");
        for (var refusal : refusals()) {
            var refused = refusal.ask().apply(api);
            assertThat(refused.status()).as(refused.body()).isEqualTo(refusal.status());
            for (var text : texts(refused)) {
                assertThat(text).as(refused.body()).doesNotContainPattern("\\p{IsHan}");
                assertThat(PlainText.offences(text)).as(refused.body()).isEmpty();
            }
        }
    }

    /** The detail and every field's message. */
    private static List<String> texts(ApiClient.Answer refused) {
        var texts = new ArrayList<String>();
        texts.add(refused.json().get("detail").asString());
        var errors = refused.json().get("errors");
        if (errors != null) {
            errors.forEach(error -> texts.add(error.get("message").asString()));
        }
        return texts;
    }
}
