package org.whistle.orgregistry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.whistle.security.Role;
import org.whistle.testing.AccessLogCapture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class UserApiTest extends IdentityTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    ManagingAccounts accounts;

    @Test
    void opensAnAccountWithSeveralPosts() throws Exception {
        var response = send("POST", "/api/org/users", tokens.administrator(), """
                {"username": "api.zhanghua", "password": "twelve chars ok", "displayName": "张华",
                 "phone": "13812345678", "roles": ["COMMUNITY_STAFF", "PARTY_MEMBER"], "scope": ["%s"],
                 "posts": [{"post": "COMMUNITY_SECRETARY", "node": "%s"},
                           {"post": "COMPOUND_PARTY_SECRETARY", "node": "%s"},
                           {"post": "OWNERS_COMMITTEE_CHAIR", "node": "%s"}]}
                """.formatted(
                        COMMUNITY, COMMUNITY, COMMUNITY, COMMUNITY));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        var read = json(send("GET", "/api/org/users/api.zhanghua", tokens.administrator(), null)
                .body());
        assertThat(read.get("phone").stringValue()).isEqualTo("13812345678");
        assertThat(read.get("posts")).hasSize(3);
        assertThat(count(
                        "SELECT count(*) FROM audit_entry WHERE action = 'account.created' AND subject_id = ?",
                        "api.zhanghua"))
                .isOne();
    }

    @Test
    void namesEveryInvalidFieldAndStoresNothing() throws Exception {
        var response = send("POST", "/api/org/users", tokens.administrator(), """
                {"username": "api.invalid", "password": "short", "displayName": "无效",
                 "phone": "12345678901", "roles": ["MAYOR"], "scope": ["999999"], "unit": "NO-SUCH-UNIT",
                 "posts": [{"post": "GRID_WORKER", "node": "888888"}]}
                """);

        assertThat(response.statusCode()).isEqualTo(422);
        var fields = json(response.body()).get("errors").values().stream()
                .map(error -> error.get("field").stringValue())
                .toList();
        assertThat(fields).contains("password", "phone", "roles", "scope", "unit", "posts[0].node");
        assertThat(count("SELECT count(*) FROM account WHERE username = 'api.invalid'"))
                .isZero();
    }

    @Test
    void keepsTheServiceRoleForSystemsNotPeople() throws Exception {
        var response = send("POST", "/api/org/users", tokens.administrator(), """
                {"username": "api.robot", "password": "twelve chars ok", "displayName": "机器人",
                 "roles": ["SERVICE"], "scope": []}
                """);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response.body()).get("errors").get(0).get("message").stringValue())
                .isEqualTo("系统对接角色只用于对接系统，不能授予个人");
        assertThat(count("SELECT count(*) FROM account WHERE username = 'api.robot'"))
                .isZero();
    }

    @Test
    void refusesATakenUsername() throws Exception {
        var body = """
                {"username": "api.twice", "password": "twelve chars ok", "displayName": "重复",
                 "roles": ["RESIDENT"], "scope": []}
                """;
        assertThat(send("POST", "/api/org/users", tokens.administrator(), body).statusCode())
                .isEqualTo(201);

        var again = send("POST", "/api/org/users", tokens.administrator(), body);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(count("SELECT count(*) FROM account WHERE username = 'api.twice'"))
                .isOne();
    }

    @Test
    void keepsAdministrationFromOthersAndShowsHoldersTheirOwnPhone() throws Exception {
        openWorker("api.liuyang", List.of(GRID));
        var own = tokens.token("api.liuyang", List.of(Role.GRID_WORKER), List.of(GRID));
        var log = AccessLogCapture.start();

        var me = send("GET", "/api/org/users/me", own, null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me.body()).get("phone").stringValue()).isEqualTo("13900000002");
        assertThat(json(me.body()).get("posts").get(0).get("post").stringValue())
                .isEqualTo("GRID_WORKER");
        assertThat(send("GET", "/api/org/users", own, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/org/users/api.liuyang", own, null).statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/org/clients", own, null).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/org/users/api.liuyang/unlock", own, null).statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/org/users/api.liuyang", tokens.administrator(), null)
                        .body())
                .contains("13900000002");
        log.close();
        assertThat(log.by("api.liuyang"))
                .extracting(e -> e.get("resource").asString() + " "
                        + e.get("resourceId").asString() + " "
                        + e.get("outcome").asString() + " " + e.get("rule").asString())
                .containsExactly(
                        "account api.liuyang ALLOWED self",
                        "account  DENIED role-required: hasRole('ADMINISTRATOR')",
                        "account api.liuyang DENIED role-required: hasRole('ADMINISTRATOR')",
                        "account api.liuyang DENIED role-required: [ROLE_ADMINISTRATOR]");
        assertThat(log.by("api.liuyang")
                        .getFirst()
                        .get("disclosed")
                        .get("account.phone")
                        .asString())
                .isEqualTo("FULL");
        assertThat(log.lines())
                .isNotEmpty()
                .allSatisfy(
                        line -> assertThat(line).doesNotContain("13900000002").doesNotContain("刘洋"));
    }

    @Test
    void listsAccountsByRoleAndNode() throws Exception {
        openWorker("api.list.inside", List.of(GRID));
        openWorker("api.list.outside", List.of(OTHER_DISTRICT));

        var inCounty = json(send("GET", "/api/org/users?role=GRID_WORKER&node=" + COUNTY, tokens.administrator(), null)
                        .body())
                .values()
                .stream()
                .map(user -> user.get("username").stringValue())
                .toList();

        assertThat(inCounty).contains("api.list.inside").doesNotContain("api.list.outside");
    }

    @Test
    void updatesResetsAndDisables() throws Exception {
        openWorker("api.change", List.of(GRID));

        var updated = send("PUT", "/api/org/users/api.change", tokens.administrator(), """
                {"displayName": "刘洋", "phone": "13700000009", "roles": ["STREET_DISPATCHER"], "scope": ["%s"],
                 "unit": "%s", "posts": []}
                """.formatted(STREET, UNIT));
        var weak = send("POST", "/api/org/users/api.change/password", tokens.administrator(), """
                {"password": "tooshort"}
                """);
        var reset = send("POST", "/api/org/users/api.change/password", tokens.administrator(), """
                {"password": "a brand new password"}
                """);
        var disabled = send("POST", "/api/org/users/api.change/disable", tokens.administrator(), null);

        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(json(updated.body()).get("unit").stringValue()).isEqualTo(UNIT);
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(json(weak.body()).get("errors").get(0).get("field").stringValue())
                .isEqualTo("password");
        assertThat(reset.statusCode()).isEqualTo(204);
        assertThat(json(disabled.body()).get("enabled").booleanValue()).isFalse();
        assertThat(count("SELECT count(*) FROM audit_entry WHERE subject_id = 'api.change'"))
                .isEqualTo(4);
        assertThat(count("SELECT count(*) FROM audit_entry WHERE subject_id = 'api.change'"
                        + " AND (coalesce(after_state::text, '') LIKE '%password%')"))
                .isZero();
    }

    private void openWorker(String username, List<String> scope) {
        accounts.open(new AccountInput(
                username,
                "twelve chars ok",
                "刘洋",
                "13900000002",
                List.of("GRID_WORKER"),
                scope,
                null,
                List.of(new AccountInput.PostInput("GRID_WORKER", scope.getFirst()))));
    }

    private HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String body) {
        return JsonMapper.shared().readTree(body);
    }
}
