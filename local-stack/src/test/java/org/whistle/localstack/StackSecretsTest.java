package org.whistle.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackSecretsTest {

    @Test
    void generates256BitSecretsOnceAndKeepsThemForTheNextStart(@TempDir Path dir) throws Exception {
        var first = StackSecrets.in(dir.resolve("secrets"));
        var second = StackSecrets.in(dir.resolve("secrets"));

        assertThat(Base64.getDecoder().decode(first.phoneKey())).hasSize(32);
        assertThat(Base64.getDecoder().decode(first.gatewayClientSecret())).hasSize(32);
        assertThat(first.gatewayClientSecret()).isNotEqualTo(first.phoneKey());
        assertThat(second).isEqualTo(first);
        for (var file : new String[] {StackSecrets.PHONE_KEY_FILE, StackSecrets.GATEWAY_CLIENT_SECRET_FILE}) {
            assertThat(Files.getPosixFilePermissions(dir.resolve("secrets").resolve(file)))
                    .extracting(Object::toString)
                    .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        }
        assertThat(StackSecrets.in(dir.resolve("other")).phoneKey()).isNotEqualTo(first.phoneKey());
    }

    @Test
    void keepsSecretsOutOfItsStringForm(@TempDir Path dir) {
        var secrets = StackSecrets.in(dir);

        assertThat(secrets.toString()).doesNotContain(secrets.phoneKey()).doesNotContain(secrets.gatewayClientSecret());
    }
}
