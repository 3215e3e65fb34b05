package org.whistle.orgregistry.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.whistle.events.EventCodec;
import org.whistle.events.GeoPoint;
import org.whistle.events.OrgUnitChanged;
import org.whistle.events.Topics;
import org.whistle.orgreference.domain.geography.ChinaCoordinates;
import org.whistle.orgreference.domain.geography.CoordinateSystem;
import org.whistle.orgregistry.ApiClient;
import org.whistle.orgregistry.TestTokens;
import org.whistle.security.Role;
import org.whistle.testing.AccessLogCapture;
import org.whistle.testing.RealInfrastructure;
import org.whistle.testing.TopicReader;

/** The organisation API over HTTP, loaded with the demo city through the import endpoints. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationApiTest {

    static final Path DEMO = Path.of("../demo/city");
    static final String FANRONG_GRID = "230225100001001";
    static final GeoPoint CROSSING = new GeoPoint(47.9218, 123.5046);

    @LocalServerPort
    int port;

    @Autowired
    RSAKey signingKey;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    String admin;

    @BeforeAll
    void importTheDemoCity() throws IOException {
        api = new ApiClient(port);
        admin = new TestTokens(signingKey).administrator();
        assertThat(importFile("nodes", "nodes.csv", "text/csv").status()).isEqualTo(200);
        assertThat(importFile("units", "units.csv", "text/csv").status()).isEqualTo(200);
        assertThat(importFile("party-orgs", "party-orgs.csv", "text/csv").status())
                .isEqualTo(200);
        assertThat(importFile("grids", "grids.geojson", "application/geo+json").status())
                .isEqualTo(200);
    }

    private ApiClient.Answer importFile(String what, String file, String type) throws IOException {
        return api.send("POST", "/api/org/imports/" + what, admin, type, Files.readAllBytes(DEMO.resolve(file)));
    }

    private String resident() {
        return new TestTokens(signingKey).token("resident-1", List.of(Role.RESIDENT), List.of());
    }

    @Test
    void resolvesTheSeedCrossingToLiShuxiasGridWithItsAncestry() {
        var answer = api.get("/api/org/resolve?lat=47.9218&lng=123.5046&crs=WGS84", resident());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().at("/grid/code").asString()).isEqualTo(FANRONG_GRID);
        assertThat(answer.json().at("/ancestry").values().stream()
                        .map(node -> node.get("code").asString())
                        .toList())
                .containsExactly("230200", "230225", "230225100", "230225100001", FANRONG_GRID);
        assertThat(answer.json().at("/commandCentres/0/areaCode").asString()).isEqualTo("230225100");
    }

    @Test
    void convertsGcj02AndBd09InputBeforeTheLookup() {
        for (var system : List.of(CoordinateSystem.GCJ02, CoordinateSystem.BD09)) {
            var onTheirMap = ChinaCoordinates.fromWgs84(CROSSING, system);
            var answer = api.get(
                    "/api/org/resolve?lat=" + onTheirMap.lat() + "&lng=" + onTheirMap.lng() + "&crs=" + system, admin);

            assertThat(answer.status()).as(system.name()).isEqualTo(200);
            assertThat(answer.json().at("/grid/code").asString())
                    .as(system.name())
                    .isEqualTo(FANRONG_GRID);
            assertThat(answer.json().at("/wgs84/lat").asDouble())
                    .isCloseTo(CROSSING.lat(), org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @Test
    void answers404WithAProblemForALocationInNoGrid() {
        var answer = api.get("/api/org/resolve?lat=47.52&lng=123.62", admin);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.json().at("/resource").asString()).isEqualTo("grid");
    }

    @Test
    void resolvesAPointOnTheBorderOfTwoGridsToOneOfThemDeterministically() {
        var grids = api.get("/api/org/nodes/230225100001/grids", admin).json().at("/features");
        var first = grids.get(0);
        var second = grids.get(1);
        var a = org.whistle.orgreference.domain.geography.GeoJsonPolygons.readGeometry(
                first.get("geometry").toString());
        var b = org.whistle.orgreference.domain.geography.GeoJsonPolygons.readGeometry(
                second.get("geometry").toString());
        var border = a.intersection(b);
        assertThat(border.getLength()).as("the first two grids share an edge").isPositive();
        var onBorder = border.getCentroid();

        var answer = api.get("/api/org/resolve?lat=" + onBorder.getY() + "&lng=" + onBorder.getX(), admin);

        assertThat(answer.status()).isEqualTo(200);
        var smaller =
                List.of(
                                first.at("/properties/code").asString(),
                                second.at("/properties/code").asString())
                        .stream()
                        .sorted()
                        .findFirst()
                        .orElseThrow();
        assertThat(answer.json().at("/grid/code").asString()).isEqualTo(smaller);
    }

    @Test
    void namesTheParameterThatIsOutOfRangeOrUnknown() {
        var answer = api.get("/api/org/resolve?lat=95&lng=123.5&crs=MARS", admin);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().at("/errors").values().stream()
                        .map(error -> error.get("field").asString())
                        .toList())
                .containsExactlyInAnyOrder("lat", "crs");
        assertThat(api.get("/api/org/resolve?lat=north&lng=123.5", admin).status())
                .isEqualTo(400);
    }

    @Test
    void refusesCallersWithoutAValidToken() {
        assertThat(api.get("/api/org/nodes/230200", null).status()).isEqualTo(401);
        assertThat(api.get("/api/org/nodes/230200", "not-a-token").status()).isEqualTo(401);
    }

    @Test
    void refusesWithProblemDetails() {
        for (var refused : List.of(
                api.get("/api/org/nodes/230200", null),
                api.get("/api/org/nodes/230200", "not-a-token"),
                api.sendJson("POST", "/api/org/nodes", resident(), "{}"))) {
            assertThat(refused.response().headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.json().get("status").asInt()).isEqualTo(refused.status());
        }
    }

    @Test
    void letsOnlyAdministratorsChangeTheTree() {
        var body = """
                {"code":"230202900","kind":"STREET","name":"测试街道","parentCode":"230202","validFrom":"2024-01-01"}
                """;

        assertThat(api.sendJson("POST", "/api/org/nodes", resident(), body).status())
                .isEqualTo(403);
        assertThat(api.get("/api/org/nodes/230202900", admin).status()).isEqualTo(404);
    }

    @Test
    void browsesTheTreeDownFromTheCity() {
        var roots = api.get("/api/org/nodes", resident()).json();
        assertThat(roots.get(0).get("code").asString()).isEqualTo("230200");

        var districts = api.get("/api/org/nodes/230200/children", resident()).json();
        assertThat(districts.size()).isEqualTo(16);

        var subtree =
                api.get("/api/org/nodes/230225/subtree?levels=2", resident()).json();
        assertThat(subtree.at("/node/name").asString()).isEqualTo("甘南县");
        assertThat(subtree.at("/children").values().stream()
                        .flatMap(street -> street.get("children").values().stream())
                        .map(community -> community.at("/node/code").asString()))
                .contains("230225100001");

        var ancestry =
                api.get("/api/org/nodes/230203003001003/ancestry", resident()).json();
        assertThat(ancestry.get(ancestry.size() - 1).get("name").asString()).isEqualTo("将军府小区");
        assertThat(ancestry.get(0).get("code").asString()).isEqualTo("230200");
    }

    @Test
    void listsTheUnitsOfAPlaceNearestFirstAndMasksDutyContactsForResidents() {
        var forStaff = api.get("/api/org/nodes/230225100001001/units?inherited=true", admin)
                .json();
        var codes =
                forStaff.values().stream().map(u -> u.get("code").asString()).toList();
        assertThat(codes).contains("QQ-230225-ZJJ-LZG", "QQ-230225100-ZHZX", "QQ-230200-ZHZX");
        assertThat(codes.indexOf("QQ-230225100-ZHZX")).isLessThan(codes.indexOf("QQ-230200-ZHZX"));

        var section = api.get("/api/org/units/QQ-230225-ZJJ-LZG", admin).json();
        assertThat(section.get("dutyName").asString()).isEqualTo("黄继业");
        assertThat(section.get("dutyPhone").asString()).matches("1[3-9][0-9]{9}");

        var log = AccessLogCapture.start();
        var masked = api.get("/api/org/units/QQ-230225-ZJJ-LZG", resident()).json();
        assertThat(masked.get("dutyName").asString()).isEqualTo("黄*业");
        assertThat(masked.get("dutyPhone").asString()).isEqualTo("139****0002");
        log.close();
        var entry = log.about("unit", "QQ-230225-ZJJ-LZG").getFirst();
        assertThat(entry.get("who").get("subject").asString()).isEqualTo("resident-1");
        assertThat(entry.get("rule").asString()).isEqualTo("not-staff");
        assertThat(entry.get("disclosed").get("duty.phone").asString()).isEqualTo("MASKED");
        assertThat(log.lines())
                .allSatisfy(line -> assertThat(line).doesNotContain("黄").doesNotContain("13900000002"));
    }

    @Test
    void givesAUnitsDutyContactInFullOnlyToWhistleServices() {
        var service = new TestTokens(signingKey).token("notification-service", List.of(Role.SERVICE), List.of());
        var log = AccessLogCapture.start();
        var contact = api.get("/internal/units/QQ-230225-ZJJ-LZG/duty-contact", service);
        log.close();
        assertThat(contact.status()).isEqualTo(200);
        assertThat(contact.json().get("dutyName").asString()).isEqualTo("黄继业");
        assertThat(contact.json().get("dutyPhone").asString()).matches("1[3-9][0-9]{9}");
        var entry = log.about("unit", "QQ-230225-ZJJ-LZG").getFirst();
        assertThat(entry.get("rule").asString()).isEqualTo("service-delivery");
        assertThat(entry.get("disclosed").get("duty.phone").asString()).isEqualTo("FULL");

        assertThat(api.get("/internal/units/QQ-230225-ZJJ-LZG/duty-contact", resident())
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/internal/units/QQ-230225-ZJJ-LZG/duty-contact", admin)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void showsThePartyOrganisationsOverlayingACompound() {
        var orgs =
                api.get("/api/org/nodes/230203003001003/party-orgs", resident()).json();

        assertThat(orgs.values().stream().map(org -> org.get("kind").asString()).distinct())
                .containsExactly("COMPOUND_PARTY_ORG", "GRID_PARTY_BRANCH", "PARTY_MEMBER_HOUSEHOLD");
    }

    @Test
    void rejectsAnImportWithBadRowsWholeAndReportsEveryOne() {
        var before = count("org_node");
        var csv = """
                code,kind,name,name_en,parent_code,valid_from,valid_to
                230202901,STREET,新街道,,230202,2024-01-01,
                230202901001,COMMUNITY,新社区,,230202999,2024-01-01,
                230202901002,HAMLET,新村,,230202901,2024-01-01,
                230202901003,COMMUNITY,,,230202901,2024-13-01,
                """;

        var answer = api.send("POST", "/api/org/imports/nodes", admin, "text/csv", csv.getBytes());

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().at("/type").asString()).isEqualTo("urn:whistle:problem:import-rejected");
        var rows = answer.json().at("/rows").values().stream()
                .map(row -> row.get("row").asInt() + ":" + row.get("column").asString())
                .toList();
        assertThat(rows).contains("3:parent_code", "4:kind", "5:name", "5:valid_from");
        assertThat(count("org_node")).isEqualTo(before);
        assertThat(api.get("/api/org/nodes/230202901", admin).status()).isEqualTo(404);
    }

    @Test
    void acceptsTheSameImportTwiceChangingNothingTheSecondTime() throws IOException {
        var again = importFile("nodes", "nodes.csv", "text/csv");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("unchanged").asInt())
                .isEqualTo(again.json().get("rows").asInt());
        assertThat(again.json().get("rows").asInt())
                .isEqualTo(Files.readAllLines(DEMO.resolve("nodes.csv")).size() - 1);
    }

    @Test
    void refusesAGridThatOverlapsAnother() {
        var overlapping = """
                {"type":"Polygon","coordinates":[[[123.5040,47.9210],[123.5050,47.9210],[123.5050,47.9225],[123.5040,47.9225],[123.5040,47.9210]]]}
                """;
        var answer = api.send(
                "PUT", "/api/org/grids/230225100001002/boundary", admin, "application/json", overlapping.getBytes());

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().at("/errors/0/field").asString()).isEqualTo("geometry");
        assertThat(answer.json().at("/errors/0/message").asString()).isEqualTo("与另一个网格的范围重叠");
    }

    @Test
    void refusesToRetireANodeThatStillHasActiveChildren() {
        var answer = api.send("DELETE", "/api/org/nodes/230225100001", admin, "application/json", new byte[0]);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().at("/detail").asString()).isEqualTo("该组织节点下还有在用的下级节点，请先停用下级节点");
    }

    @Test
    void createsUpdatesAndRetiresANodeAuditingEachChange() {
        var created = api.sendJson("POST", "/api/org/nodes", admin, """
                {"code":"230202950","kind":"STREET","name":"试点街道","parentCode":"230202","validFrom":"2024-01-01"}
                """);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.response().headers().firstValue("Location")).hasValue("/api/org/nodes/230202950");

        var updated = api.sendJson("PUT", "/api/org/nodes/230202950", admin, """
                {"kind":"STREET","name":"示范街道","parentCode":"230202","validFrom":"2024-01-01"}
                """);
        assertThat(updated.json().get("name").asString()).isEqualTo("示范街道");
        assertThat(updated.json().get("revision").asLong()).isEqualTo(2);

        var retired = api.send(
                "DELETE", "/api/org/nodes/230202950?lastDay=2025-12-31", admin, "application/json", new byte[0]);
        assertThat(retired.json().get("validTo").asString()).isEqualTo("2025-12-31");
        assertThat(retired.json().get("active").asBoolean()).isFalse();

        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE subject_id = '230202950' ORDER BY id")
                        .query(String.class)
                        .list())
                .containsExactly("NODE_CREATED", "NODE_UPDATED", "NODE_RETIRED");
        assertThat(jdbc.sql("SELECT DISTINCT actor FROM audit_entry WHERE subject_id = '230202950'")
                        .query(String.class)
                        .list())
                .containsExactly("test-admin");
    }

    @Test
    void namesEveryBrokenRuleOfANewNode() {
        var answer = api.sendJson("POST", "/api/org/nodes", admin, """
                {"code":"23-02","kind":"GRID","name":"坏网格","parentCode":"230202","validFrom":"2024-01-01","validTo":"2023-01-01"}
                """);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().at("/errors").values().stream()
                        .map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("code", "parentCode", "validTo");
    }

    @Test
    void rebuildsAConsumersCopyOfTheOrganisationFromTheCompactedTopicAlone() {
        // Other test classes share this database and write fixtures behind the service's back; only what went
        // through the service (and so was audited) is the service's to publish.
        var stored = jdbc.sql("""
                        SELECT code, revision FROM org_node
                        WHERE code IN (SELECT subject_id FROM audit_entry WHERE subject_type IN ('node', 'grid'))
                        UNION ALL
                        SELECT code, revision FROM handling_unit
                        WHERE code IN (SELECT subject_id FROM audit_entry WHERE subject_type = 'unit')
                        """)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list();

        assertThat(stored).hasSizeGreaterThan(200);
        var copy = new HashMap<String, Long>();
        var boundaries = new HashMap<String, String>();
        TopicReader.readUntil(
                Topics.ORG_UNITS,
                records -> {
                    records.forEach(record -> {
                        var envelope = EventCodec.instance().decode(record.value());
                        var unit = (OrgUnitChanged) envelope.data();
                        copy.merge(unit.unitId(), envelope.revision(), Math::max);
                        if (unit.boundary() != null) {
                            boundaries.put(unit.unitId(), unit.boundary());
                        }
                    });
                    records.clear();
                    return stored.stream().allMatch(entry -> entry.getValue().equals(copy.get(entry.getKey())));
                },
                Duration.ofSeconds(60));

        assertThat(boundaries).containsKey(FANRONG_GRID);
        assertThat(org.whistle.orgreference.domain.geography.GeoJsonPolygons.readGeometry(boundaries.get(FANRONG_GRID))
                        .covers(new GeometryFactory().createPoint(new Coordinate(CROSSING.lng(), CROSSING.lat()))))
                .isTrue();
    }

    @Test
    void describesItsApiInOpenApi() {
        var docs = api.get("/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().at("/openapi").asString()).startsWith("3.");
        assertThat(docs.json().at("/paths").propertyNames())
                .contains("/api/org/resolve", "/api/org/nodes/{code}/subtree", "/api/org/imports/grids");
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
