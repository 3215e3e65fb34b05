package org.whistle.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.whistle.events.CommandLevel;
import org.whistle.events.EventData;
import org.whistle.events.EventEnvelope;
import org.whistle.events.OrgUnitChanged;
import org.whistle.events.Topics;
import org.whistle.events.TraceIds;
import org.whistle.orgreference.copy.OrgReferenceCopy;
import org.whistle.testing.RealInfrastructure;
import org.whistle.testing.TestEvents;
import org.whistle.testing.TestInfrastructure;
import org.whistle.testing.TestIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one application context of the service tests (real Kafka and PostgreSQL), with a small organisation — city C,
 * district D, street S, community M, compound JJF with grids G1 (a square around 47.356 N 123.963 E, building B1) and
 * G2 next to it, compound YQ with grid G3 — and helpers to call the API with real tokens.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RealInfrastructure
public abstract class MembersServiceTest {

    protected static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static boolean organised;
    /** Inside G1. */
    protected static final double IN_G1_LAT = 47.3565;

    protected static final double IN_G1_LNG = 123.963;
    /** Inside G2, the other grid of the same compound. */
    protected static final double IN_G2_LNG = 123.967;

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    private OrgReferenceCopy org;

    protected final Clock clock = Clock.systemUTC();

    @BeforeEach
    void organisationIsKnown() {
        synchronized (MembersServiceTest.class) {
            if (!organised) {
                try (var admin = Admin.create(Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.get().kafkaBootstrapServers()))) {
                    Topics.ensureCreated(admin, (short) 1);
                }
                node("C", "CITY", null, List.of(), CommandLevel.CITY, null, "齐齐哈尔市");
                node("D", "DISTRICT", "C", List.of("C"), CommandLevel.DISTRICT, null, "建华区");
                node("S", "STREET", "D", List.of("C", "D"), CommandLevel.STREET, null, "新华街道");
                node("M", "COMMUNITY", "S", List.of("C", "D", "S"), null, null, "府前社区");
                node("JJF", "COMPOUND", "M", List.of("C", "D", "S", "M"), null, null, "将军府小区");
                node(
                        "G1",
                        "GRID",
                        "JJF",
                        List.of("C", "D", "S", "M", "JJF"),
                        null,
                        square(123.961, 123.965),
                        "将军府小区第一网格");
                node(
                        "G2",
                        "GRID",
                        "JJF",
                        List.of("C", "D", "S", "M", "JJF"),
                        null,
                        square(123.965, 123.969),
                        "将军府小区第二网格");
                node("B1", "BUILDING", "G1", List.of("C", "D", "S", "M", "JJF", "G1"), null, null, "将军府小区1号楼");
                node("YQ", "COMPOUND", "M", List.of("C", "D", "S", "M"), null, null, "永青小区");
                node("G3", "GRID", "YQ", List.of("C", "D", "S", "M", "YQ"), null, square(123.970, 123.974), "永青小区第一网格");
                organised = true;
            }
        }
        await().atMost(PATIENCE)
                .until(() -> org.unit("G3").isPresent() && org.unit("B1").isPresent());
    }

    private static String square(double west, double east) {
        return "{\"type\":\"Polygon\",\"coordinates\":[[[" + west + ",47.3555],[" + east + ",47.3555],[" + east
                + ",47.3574],[" + west + ",47.3574],[" + west + ",47.3555]]]}";
    }

    private void node(
            String code,
            String kind,
            @Nullable String parent,
            List<String> ancestry,
            @Nullable CommandLevel level,
            @Nullable String boundary,
            String name) {
        publish(envelope(new OrgUnitChanged(
                code,
                code,
                name,
                kind,
                parent,
                ancestry,
                level,
                true,
                LocalDate.of(2024, 1, 1),
                null,
                null,
                boundary)));
    }

    // ---- publishing ---------------------------------------------------------------------------------------------

    protected static void publish(EventEnvelope<?> envelope) {
        TestEvents.publish(envelope);
    }

    protected <T extends EventData> EventEnvelope<T> envelope(T data) {
        return EventEnvelope.wrap(data, 1, "test", TraceIds.newTraceId(), clock);
    }

    // ---- people -------------------------------------------------------------------------------------------------

    /** A fresh account name, so that tests sharing one database never meet. */
    protected static String someone(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static String memberToken(String subject) {
        return TestIssuer.get().token(subject, List.of("PARTY_MEMBER"), List.of("JJF"), null);
    }

    /** 韩淑芬's shape: the compound's party secretary and grid leader. */
    protected static String branchToken() {
        return TestIssuer.get().token("branch-jjf", List.of("PARTY_MEMBER", "GRID_WORKER"), List.of("JJF"), "YWH");
    }

    protected static String otherBranchToken() {
        return TestIssuer.get().token("branch-yq", List.of("COMMUNITY_STAFF"), List.of("YQ"), null);
    }

    protected static String administrator() {
        return TestIssuer.get().token("admin-1", List.of("ADMINISTRATOR"), List.of("C"), null);
    }

    /** Reports a member in to JJF and has the branch confirm them in G1; returns the membership id. */
    protected String confirmedMember(String subject, String name) throws Exception {
        var reported = post("/api/members/memberships", memberToken(subject), """
                {"name":"%s","phone":"13900000012","kind":"COMMUNITY","skills":["助老"],"teams":["平安巡逻"],
                 "availability":"周末全天","compoundId":"JJF","address":"将军府小区1号楼1单元101"}""".formatted(name));
        assertStatus(reported, 201);
        var id = json(reported).get("id").asString();
        assertStatus(post("/api/members/memberships/" + id + "/confirm", branchToken(), "{\"gridId\":\"G1\"}"), 200);
        return id;
    }

    // ---- tasks --------------------------------------------------------------------------------------------------

    /** A photo as a phone sends it: the first bytes of a JPEG, base64. */
    protected static final String PHOTO = java.util.Base64.getEncoder()
            .encodeToString(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'});

    /** Publishes a grid task in G1 as the branch; returns its id. */
    protected String publishTask(java.time.Instant startsAt, java.time.Instant endsAt, int places, int points)
            throws Exception {
        var published = post("/api/members/tasks", branchToken(), """
                {"kind":"GRID_TASK","title":"清理楼道杂物","description":"1号楼楼道堆放杂物，需清理",
                 "gridId":"G1","place":"将军府小区1号楼","startsAt":"%s","endsAt":"%s","places":%d,
                 "skills":["保洁"],"points":%d,"checkInRequired":true}""".formatted(startsAt, endsAt, places, points));
        assertStatus(published, 201);
        return json(published).get("id").asString();
    }

    /** A task running now, claimed by the member and confirmed by the branch. */
    protected String confirmedClaim(String subject, String memberId, int points) throws Exception {
        var now = java.time.Instant.now();
        var task = publishTask(now.minusSeconds(3600), now.plusSeconds(7200), 3, points);
        assertStatus(post("/api/members/tasks/" + task + "/claim", memberToken(subject), "{}"), 200);
        assertStatus(
                post("/api/members/tasks/" + task + "/confirm", branchToken(), "{\"memberId\":\"" + memberId + "\"}"),
                200);
        return task;
    }

    protected void checkInAndFinish(String subject, String task) throws Exception {
        assertStatus(
                post(
                        "/api/members/tasks/" + task + "/check-in",
                        memberToken(subject),
                        "{\"lat\":" + IN_G1_LAT + ",\"lng\":" + IN_G1_LNG + ",\"photo\":\"" + PHOTO + "\"}"),
                200);
        assertStatus(
                post(
                        "/api/members/tasks/" + task + "/finish",
                        memberToken(subject),
                        "{\"evidence\":\"楼道已清理干净\",\"hours\":0.5,\"photo\":\"" + PHOTO + "\"}"),
                200);
    }

    // ---- the API ------------------------------------------------------------------------------------------------

    protected HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return HTTP.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> post(String path, String token, String json)
            throws IOException, InterruptedException {
        return HTTP.send(
                request(path, token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> put(String path, String token, String json)
            throws IOException, InterruptedException {
        return HTTP.send(
                request(path, token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart form as the phone page sends it: text fields and one file part named {@code photo}. */
    protected HttpResponse<String> postForm(String path, String token, Map<String, String> fields, byte[] photo)
            throws IOException, InterruptedException {
        var boundary = "----members" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        for (var field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                            + "\"\r\n\r\n" + field.getValue() + "\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"p.jpg\"\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(photo);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HTTP.send(
                request(path, token)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    protected JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token);
    }

    protected static void assertStatus(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    }
}
