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
    void makesOneAnchorKeyPairWhoseSignaturesVerifyAndKeepsItOwnerOnly(@TempDir Path dir) throws Exception {
        var first = StackSecrets.in(dir.resolve("secrets"));
        var second = StackSecrets.in(dir.resolve("secrets"));

        var keys = java.security.KeyFactory.getInstance("Ed25519");
        var signing = keys.generatePrivate(
                new java.security.spec.PKCS8EncodedKeySpec(Base64.getDecoder().decode(first.anchorSigningKey())));
        var published = keys.generatePublic(
                new java.security.spec.X509EncodedKeySpec(Base64.getDecoder().decode(first.anchorPublicKey())));
        var signer = java.security.Signature.getInstance("Ed25519");
        signer.initSign(signing);
        signer.update(new byte[] {1, 2, 3});
        var signature = signer.sign();
        var verifier = java.security.Signature.getInstance("Ed25519");
        verifier.initVerify(published);
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signature))
                .as("the public key is the signing key's")
                .isTrue();
        assertThat(second.anchorSigningKey()).isEqualTo(first.anchorSigningKey());
        assertThat(Files.getPosixFilePermissions(dir.resolve("secrets").resolve(StackSecrets.ANCHOR_KEY_FILE)))
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        assertThat(first.toString()).doesNotContain(first.anchorSigningKey());
        assertThat(StackSecrets.in(dir.resolve("other")).anchorSigningKey()).isNotEqualTo(first.anchorSigningKey());
    }

    @Test
    void keepsSecretsOutOfItsStringForm(@TempDir Path dir) {
        var secrets = StackSecrets.in(dir);

        assertThat(secrets.toString()).doesNotContain(secrets.phoneKey()).doesNotContain(secrets.gatewayClientSecret());
    }
}
