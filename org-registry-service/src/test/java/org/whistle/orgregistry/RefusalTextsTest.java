package org.whistle.orgregistry;

import static java.nio.charset.StandardCharsets.UTF_8;
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
        var calendar = api.sendJson("POST", "/api/org/calendars", admin, """
                {"calendarId":"CAL-TEXTS","name":"措辞日历","workingHours":["08:30-12:00"],"years":[2026]}""");
        assertThat(calendar.status()).as(calendar.body()).isIn(201, 409);
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
        // Imports: every rejected row's message is worded in the caller's language too.
        // An empty body is not read at all (400), the rest are rejected rows (422).
        refusals.refuses(400, ask(api -> csv(api, "/api/org/imports/nodes", "")));
        refusals.refuses(422, ask(api -> csv(api, "/api/org/imports/nodes", """
                code,kind,name,parent_code,valid_from
                2397071,PLANET,错行,239701,someday
                2397072,STREET,短行
                2397073,STREET,重复街道,239701,2024-01-01
                2397073,STREET,重复街道,239701,2024-01-01
                """)));
        refusals.refuses(422, ask(api -> csv(api, "/api/org/imports/nodes", "code,name\n2397074,缺列\n")));
        refusals.refuses(
                422,
                ask(api -> api.send(
                        "POST", "/api/org/imports/accounts", admin, "application/json", "not json".getBytes(UTF_8))));
        refusals.refuses(
                422,
                ask(api -> api.send(
                        "POST", "/api/org/imports/accounts", admin, "application/json", "[]".getBytes(UTF_8))));
        // Grid areas: GeoJSON that is not JSON, features that are wrong in every way, grids that are not there.
        refusals.refuses(422, ask(api -> geoJson(api, "{\"type\": \"Polygon\", ")));
        refusals.refuses(422, ask(api -> geoJson(api, "{\"type\": \"FeatureCollection\"}")));
        refusals.refuses(422, ask(api -> geoJson(api, """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"code": "2397010001"},
                   "geometry": {"type": "Polygon", "coordinates": [[[123.5,47.0],[124.0,47.0],[124.0,47.5],[123.5,47.1]]]}},
                  {"type": "Feature", "properties": {"name": "无编号"},
                   "geometry": {"type": "Polygon", "coordinates": [[[123.5,47.0],[124.0,47.0],[124.0,47.5],[123.5,47.0]]]}},
                  {"type": "Feature", "properties": {"code": "2397010002"},
                   "geometry": {"type": "MultiPolygon", "coordinates": [[[[123.5,47.0],[184.0,47.0],[124.0,47.5],[123.5,47.0]]]]}},
                  {"type": "Feature", "properties": {"code": "2397010003"},
                   "geometry": {"type": "Polygon", "coordinates": [[[123.5,47.0],[124.0,47.5],[124.0,47.0],[123.5,47.5],[123.5,47.0]]]}},
                  {"type": "Feature", "properties": {"code": "2397010004"},
                   "geometry": {"type": "Point", "coordinates": [123.5, 47.0]}}
                ]}""")));
        refusals.refuses(422, ask(api -> geoJson(api, """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"code": "2397019999"},
                   "geometry": {"type": "Polygon", "coordinates": [[[123.5,47.0],[124.0,47.0],[124.0,47.5],[123.5,47.0]]]}},
                  {"type": "Feature", "properties": {"code": "239701"},
                   "geometry": {"type": "Polygon", "coordinates": [[[125.5,47.0],[126.0,47.0],[126.0,47.5],[125.5,47.0]]]}}
                ]}""")));
        // Working calendars, through the API and their imports.
        refusals.refuses(
                422, ask(api -> api.sendJson("POST", "/api/org/calendars", admin, """
                {"calendarId":"CAL-TEXTS-2","name":"错误日历","workingDays":["FUNDAY"],
                 "workingHours":["late"],"timeZone":"Mars/Olympus","years":[1066],
                 "exceptions":[{"date":"someday","kind":"HOLIDAY","name":"%s"}]}""".formatted("节".repeat(60)))));
        refusals.refuses(422, ask(api -> api.sendJson("POST", "/api/org/calendars", admin, """
                {"calendarId":"CAL-TEXTS-3","name":"重叠日历","workingHours":["08:30-12:00","11:00-17:30","18:00-17:00"],
                 "years":[2026],"exceptions":[{"date":"2027-01-01","kind":"HOLIDAY"},
                 {"date":"2026-01-01","kind":"HOLIDAY"},{"date":"2026-01-01","kind":"WORKDAY"}]}""")));
        refusals.refuses(
                422, ask(api -> api.sendJson("POST", "/api/org/calendars", admin, """
                {"calendarId":"%s","name":" ","workingDays":[],"workingHours":[]}""".formatted("C".repeat(70)))));
        refusals.refuses(409, ask(api -> api.sendJson("POST", "/api/org/calendars", admin, """
                {"calendarId":"CAL-TEXTS","name":"措辞日历","workingHours":["08:30-12:00"]}""")));
        refusals.refuses(422, ask(api -> csv(api, "/api/org/calendars/CAL-TEXTS/years/99999", "date,kind,name\n")));
        refusals.refuses(
                422, ask(api -> csv(api, "/api/org/calendars/CAL-TEXTS/years/2026", """
                date,kind,name
                2027-05-01,休,劳动节
                2026-05-09,上班,
                2026-05-10,班,%s
                2026-05-11,班,调休
                2026-05-11,班,调休
                """.formatted("节".repeat(60)))));
        refusals.refuses(422, ask(api -> csv(api, "/api/org/imports/calendars", """
                calendar_id,name,time_zone,working_days,working_hours
                CAL-TEXTS-4,火星日历,Mars/Olympus,FUNDAY,late
                %s,长编号日历,,MONDAY,08:30-12:00
                CAL-TEXTS-5,重复日历,,MONDAY,08:30-12:00
                CAL-TEXTS-5,重复日历,,MONDAY,08:30-12:00
                """.formatted("C".repeat(70)))));
        return refusals;
    }

    private ApiClient.Answer geoJson(ApiClient api, String geoJson) {
        return api.send("POST", "/api/org/imports/grids", admin, "application/geo+json", geoJson.getBytes(UTF_8));
    }

    private ApiClient.Answer csv(ApiClient api, String path, String csv) {
        return api.send("POST", path, admin, "text/csv", csv.getBytes(UTF_8));
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
