package org.whistle.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.whistle.intake.support.IntakeTest;

/**
 * Administrators issue Open311 keys per client system, see them listed with their last use, and revoke them; a key is
 * shown once and kept only as its hash (issue 25).
 */
@ExtendWith(OutputCaptureExtension.class)
class Open311KeysTest extends IntakeTest {

    private static final String ADMIN = staffToken("admin.open311", "ADMINISTRATOR", "230200");

    private Response issue(String client) {
        return postJson("/api/open311/keys", Map.of("client", client), bearer(ADMIN));
    }

    private Response post(String key) {
        return postForm(
                "/open311/v2/requests.json",
                form(
                        "api_key",
                        key,
                        "service_code",
                        "MUNICIPAL-ROAD-DAMAGE",
                        "lat",
                        "47.9218",
                        "long",
                        "123.5046",
                        "description",
                        "对接系统上报 " + UUID.randomUUID(),
                        "device_id",
                        "keys-" + UUID.randomUUID()),
                h -> {});
    }

    @Test
    void anIssuedKeyPostsIsListedWithItsLastUseAndStopsWorkingOnceRevoked(CapturedOutput output) {
        var client = "市12345热线平台 " + UUID.randomUUID();
        var issued = issue(client);

        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.headers().getCacheControl()).isEqualTo("no-store");
        var key = issued.json().get("key").asString();
        var id = issued.json().get("id").asString();
        assertThat(key).startsWith("o311_").hasSizeGreaterThan(40);
        assertThat(issued.json().get("client").asString()).isEqualTo(client);

        var posted = post(key);
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);

        var listed = get("/api/open311/keys", bearer(ADMIN));
        assertThat(listed.status()).isEqualTo(200);
        var entry = listed.json()
                .valueStream()
                .filter(k -> k.get("id").asString().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(entry.get("client").asString()).isEqualTo(client);
        assertThat(entry.get("createdBy").asString()).isEqualTo("admin.open311");
        assertThat(entry.get("lastUsedAt").isNull()).as(entry.toString()).isFalse();
        assertThat(entry.get("prefix").asString()).isEqualTo(key.substring(0, 9));
        assertThat(listed.body()).as("the list never shows a key").doesNotContain(key);

        var revoked = postJson("/api/open311/keys/" + id + "/revoke", "{}", bearer(ADMIN));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("revokedBy").asString()).isEqualTo("admin.open311");
        var refused = post(key);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().at("/0/code").asInt()).isEqualTo(403);
        assertThat(postJson("/api/open311/keys/" + id + "/revoke", "{}", bearer(ADMIN))
                        .status())
                .isEqualTo(409);

        assertThat(output.getAll()).as("a key is never logged").doesNotContain(key);
    }

    @Test
    void keepsOnlyTheHashOfAKey() throws Exception {
        var key = issue("区数字城管系统").json().get("key").asString();

        var stored = jdbc.sql("SELECT * FROM open311_api_key WHERE key_hash = :hash")
                .param("hash", MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)))
                .query((rs, n) -> {
                    var row = new StringBuilder();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        var value = rs.getObject(i);
                        row.append(
                                        value instanceof byte[] bytes
                                                ? HexFormat.of().formatHex(bytes)
                                                : value)
                                .append('|');
                    }
                    return row.toString();
                })
                .single();
        assertThat(stored).doesNotContain(key).doesNotContain(key.substring(9));
    }

    @Test
    void onlyAdministratorsManageKeysAndEveryKeyNamesItsClient() {
        var dispatcher = staffToken("city.open311", "CITY_DISPATCHER", "230200");

        assertThat(get("/api/open311/keys", bearer(dispatcher)).status()).isEqualTo(403);
        assertThat(postJson("/api/open311/keys", Map.of("client", "x"), bearer(dispatcher))
                        .status())
                .isEqualTo(403);
        assertThat(get("/api/open311/keys").status()).isEqualTo(401);
        var unnamed = postJson("/api/open311/keys", Map.of("client", " "), bearer(ADMIN));
        assertThat(unnamed.status()).isEqualTo(422);
        assertThat(unnamed.body()).contains("client");
        assertThat(issue("系".repeat(101)).status()).isEqualTo(422);
        assertThat(postJson("/api/open311/keys/" + UUID.randomUUID() + "/revoke", "{}", bearer(ADMIN))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aKeyOpensDescriptionsOnReads() {
        var key = issue("街道网格系统").json().get("key").asString();
        var id = post(key).json().at("/0/service_request_id").asString();

        var anonymous = get("/open311/v2/requests/" + id + ".json");
        var keyed = get("/open311/v2/requests/" + id + ".json?api_key=" + key);
        var wrong = get("/open311/v2/requests/" + id + ".json?api_key=o311_wrong");

        assertThat(anonymous.json().at("/0/description").isNull()).isTrue();
        assertThat(wrong.json().at("/0/description").isNull()).isTrue();
        assertThat(keyed.json().at("/0/description").asString()).startsWith("对接系统上报");
    }
}
