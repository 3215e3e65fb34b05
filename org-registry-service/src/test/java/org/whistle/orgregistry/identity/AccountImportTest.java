package org.whistle.orgregistry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.whistle.problems.ImportRejectedException;
import org.whistle.problems.RowError;
import tools.jackson.databind.json.JsonMapper;

class AccountImportTest extends IdentityTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    ImportingAccounts importing;

    @Autowired
    TransactionTemplate transactions;

    private String accounts(String prefix, String secondScope) {
        return """
                {
                  "users": [
                    { "username": "%1$s.lishuxia", "password": "imported password", "displayName": "李淑霞",
                      "phone": "13900000001", "roles": ["GRID_WORKER", "PARTY_MEMBER"], "scope": ["%2$s"], "unit": null,
                      "posts": [ { "post": "GRID_LEADER", "node": "%2$s" },
                                 { "post": "GRID_WORKER", "node": "%2$s" },
                                 { "post": "PARTY_MEMBER_HOUSEHOLD_HEAD", "node": "%2$s" } ] },
                    { "username": "%1$s.chenjing", "password": "imported password", "displayName": "陈静",
                      "phone": null, "roles": ["DEPARTMENT_OFFICER"], "scope": ["%3$s"], "unit": "%4$s", "posts": [] }
                  ],
                  "clients": [
                    { "clientId": "%1$s-lzg-system", "secret": "imported client secret", "unit": "%4$s",
                      "role": "DEPARTMENT_OFFICER", "scope": ["%5$s"] }
                  ]
                }
                """.formatted(prefix, GRID, secondScope, UNIT, COUNTY);
    }

    @Test
    void rejectsTheWholeFileForOneBadEntry() throws Exception {
        var response = post("/api/org/imports/accounts", "application/json", accounts("bad", "404404"));

        assertThat(response.statusCode()).isEqualTo(422);
        var rows = JsonMapper.shared().readTree(response.body()).get("rows");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("row").intValue()).isEqualTo(2);
        assertThat(rows.get(0).get("column").stringValue()).isEqualTo("users[1].scope");
        assertThat(count("SELECT count(*) FROM account WHERE username LIKE 'bad.%'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM oauth2_registered_client WHERE client_id = 'bad-lzg-system'"))
                .isZero();
    }

    @Test
    void importsUsersWithPostsAndClientsAndRepeatsWithoutChanges() throws Exception {
        var first = post("/api/org/imports/accounts", "application/json", accounts("good", COUNTY));
        var auditAfterFirst = count("SELECT count(*) FROM audit_entry");
        var second = post("/api/org/imports/accounts", "application/json", accounts("good", COUNTY));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(JsonMapper.shared().readTree(first.body()).get("users").intValue())
                .isEqualTo(2);
        assertThat(JsonMapper.shared().readTree(first.body()).get("clients").intValue())
                .isEqualTo(1);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM audit_entry")).isEqualTo(auditAfterFirst);
        assertThat(count("SELECT count(*) FROM account_post p JOIN account a ON a.id = p.account_id"
                        + " WHERE a.username = 'good.lishuxia'"))
                .isEqualTo(3);
        var token = browser()
                .postForm(
                        "/oauth2/token",
                        Map.of("grant_type", "client_credentials"),
                        "Authorization",
                        Browser.basic("good-lzg-system", "imported client secret"));
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(browser().logIn("good.chenjing", "imported password")).doesNotContain("error");
    }

    @Test
    void importsUsersCsvAndNamesTheBadColumn() throws Exception {
        var good = """
                username,password,display_name,phone,roles,scope,unit
                csv.zhaomin,csv import password,赵敏,13600000003,STREET_DISPATCHER;LEADER,%s,
                """.formatted(STREET);
        var bad = """
                username,password,display_name,phone,roles,scope,unit
                csv.zhouqiang,csv import password,周强,1234,STREET_DISPATCHER,%s,
                """.formatted(STREET);

        var rejected = post("/api/org/imports/users", "text/csv", bad);
        var imported = post("/api/org/imports/users", "text/csv", good);

        assertThat(rejected.statusCode()).isEqualTo(422);
        assertThat(JsonMapper.shared()
                        .readTree(rejected.body())
                        .get("rows")
                        .get(0)
                        .get("column")
                        .stringValue())
                .isEqualTo("phone");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT array_to_string(roles, ';') FROM account WHERE username = 'csv.zhaomin'")
                        .query(String.class)
                        .single())
                .isEqualTo("STREET_DISPATCHER;LEADER");
    }

    @Test
    void joinsTheCallersTransactionSoASeedIsAllOrNothing() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    importing.importAccountsJson("accounts.json", stream(accounts("seed", COUNTY)));
                    importing.importUsersCsv("users.csv", stream("username,password\nseed.broken,x\n"));
                }))
                .isInstanceOf(ImportRejectedException.class)
                .satisfies(e -> assertThat(((ImportRejectedException) e).rows())
                        .extracting(RowError::column)
                        .contains("display_name"));

        assertThat(count("SELECT count(*) FROM account WHERE username LIKE 'seed.%'"))
                .isZero();
    }

    private static ByteArrayInputStream stream(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String type, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + tokens.administrator())
                .header("Content-Type", type + "; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
