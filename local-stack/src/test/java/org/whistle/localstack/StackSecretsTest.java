package org.whistle.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackSecretsTest {

    @Test
    void generatesA256BitPhoneKeyOnceAndKeepsItForTheNextStart(@TempDir Path dir) throws Exception {
        var first = StackSecrets.phoneKey(dir.resolve("secrets"));
        var second = StackSecrets.phoneKey(dir.resolve("secrets"));

        assertThat(Base64.getDecoder().decode(first)).hasSize(32);
        assertThat(second).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(dir.resolve("secrets").resolve(StackSecrets.PHONE_KEY_FILE)))
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        assertThat(StackSecrets.phoneKey(dir.resolve("other"))).isNotEqualTo(first);
    }
}
