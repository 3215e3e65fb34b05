package org.whistle.orgregistry.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
 * Every free-text field has a maximum and names refuse bidirectional overrides, through the JSON API and the CSV
 * imports alike: a 422 problem naming the field (or the row and column).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextBoundsTest {

    private static final String RIGHT_TO_LEFT_OVERRIDE = "\u202E";

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
        var city = api.sendJson("POST", "/api/org/nodes", admin, """
                {"code":"239900","kind":"CITY","name":"边界市","validFrom":"2024-01-01"}""");
        assertThat(city.status()).as(city.body()).isIn(201, 409);
    }

    @Test
    void refusesANodeNameLongerThan100Characters() {
        var answer = node("name", "名".repeat(101));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"field\":\"name\"").contains("最多 100 个字符");
    }

    @Test
    void refusesANodeNameWithABidirectionalOverride() {
        var answer = node("name", "边界" + RIGHT_TO_LEFT_OVERRIDE + "区");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body()).contains("\"field\":\"name\"").contains("改变文字方向");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"})
    void refusesEveryBidirectionalOverrideInAnEnglishName(String override) {
        var answer = node("nameEn", "Border" + override + "District");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body()).contains("\"field\":\"nameEn\"");
    }

    @Test
    void refusesAnOverLongParentCodeWithoutEchoingIt() {
        var answer = api.sendJson("POST", "/api/org/nodes", admin, """
                {"code":"2399010","kind":"DISTRICT","name":"边界区","parentCode":"%s","validFrom":"2024-01-01"}""".formatted("9".repeat(100_000)));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body()).contains("\"field\":\"parentCode\"").hasSizeLessThan(2_000);
    }

    @Test
    void refusesAUnitsEnglishNameAndDutyNameBeyondTheirMaximum() {
        var answer = api.sendJson("POST", "/api/org/units", admin, """
                {"code":"QQ-BOUNDS","kind":"COMMAND_CENTRE","name":"边界市指挥中心","nameEn":"%s",
                 "areaCode":"239900","dutyName":"%s","validFrom":"2024-01-01"}""".formatted("a".repeat(201), "王".repeat(51)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.body()).contains("\"field\":\"nameEn\"").contains("\"field\":\"dutyName\"");
    }

    @Test
    void refusesACategoryNameOverTheBoundThroughTheApiAndTheImportAlike() {
        var json = api.sendJson("POST", "/api/org/categories", admin, """
                {"code":"BOUNDS","name":"%s","handlingClass":"GENERAL","defaultUrgency":"NORMAL"}""".formatted("类".repeat(101)));
        var csv = api.send(
                "POST",
                "/api/org/imports/categories",
                admin,
                "text/csv",
                ("code,name,name_en,parent_code,handling_class,default_urgency\n"
                                + "BOUNDS,边界,%s,,GENERAL,NORMAL\n".formatted("a".repeat(201)))
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(json.status()).isEqualTo(422);
        assertThat(json.body()).contains("\"field\":\"name\"");
        assertThat(csv.status()).isEqualTo(422);
        assertThat(csv.body()).contains("name_en").contains("最多 200 个字符");
    }

    @Test
    void refusesAnOverLongCsvCellInAnyColumn() {
        var answer = api.send(
                "POST",
                "/api/org/imports/nodes",
                admin,
                "text/csv",
                ("code,kind,name,name_en,parent_code,valid_from,valid_to\n"
                                + "239902,DISTRICT,边界二区,,239900,2024-01-01,%s\n".formatted("x".repeat(5_000)))
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body()).contains("valid_to").contains("最多 1000 个字符").hasSizeLessThan(2_000);
    }

    @Test
    void refusesAnOverLongCodeInARoutingRuleWithoutEchoingIt() {
        var answer = api.sendJson("POST", "/api/org/routing-rules", admin, """
                {"areaCode":"%s","leadUnitCode":"QQ-BOUNDS"}""".formatted("1".repeat(50_000)));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body()).contains("\"field\":\"areaCode\"").hasSizeLessThan(2_000);
    }

    @Test
    void refusesADisplayNameWithABidirectionalOverride() {
        var answer = api.sendJson("POST", "/api/org/users", admin, """
                {"username":"bounds.bidi","password":"a long enough password","displayName":"王%s芳",
                 "roles":["RESIDENT"],"scope":[]}""".formatted(RIGHT_TO_LEFT_OVERRIDE));

        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.body()).contains("\"field\":\"displayName\"");
    }

    private ApiClient.Answer node(String field, String value) {
        var body = field.equals("name")
                ? "{\"code\":\"2399030\",\"kind\":\"DISTRICT\",\"name\":\"%s\",\"parentCode\":\"239900\",\"validFrom\":\"2024-01-01\"}"
                : "{\"code\":\"2399030\",\"kind\":\"DISTRICT\",\"name\":\"边界三区\",\"nameEn\":\"%s\",\"parentCode\":\"239900\",\"validFrom\":\"2024-01-01\"}";
        return api.sendJson("POST", "/api/org/nodes", admin, body.formatted(value));
    }
}
