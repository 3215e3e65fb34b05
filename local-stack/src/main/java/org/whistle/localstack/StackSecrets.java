package org.whistle.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Keys the local stack's services need, generated once per data folder and kept in it (readable by its owner only),
 * so data encrypted on one start can be read on the next and sessions survive a restart — never a key written into
 * the code.
 *
 * @param phoneKey the AES-256 key (base64) intake encrypts reporters' phone numbers with
 * @param gatewayClientSecret the secret the gateway signs people in with, as org-registry's client
 *     {@code whistle-gateway}
 * @param trackingKey the key (base64) intake derives reporters' tracking codes from (ADR 0018)
 */
record StackSecrets(String phoneKey, String gatewayClientSecret, String trackingKey) {

    static final String PHONE_KEY_FILE = "intake-phone-key";
    static final String GATEWAY_CLIENT_SECRET_FILE = "gateway-client-secret";
    static final String TRACKING_KEY_FILE = "intake-tracking-key";

    static StackSecrets in(Path secretsDir) {
        return new StackSecrets(
                secret(secretsDir.resolve(PHONE_KEY_FILE), 32),
                secret(secretsDir.resolve(GATEWAY_CLIENT_SECRET_FILE), 32),
                secret(secretsDir.resolve(TRACKING_KEY_FILE), 32));
    }

    @Override
    public String toString() {
        return "StackSecrets[…]";
    }

    private static String secret(Path file, int bytes) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                var key = new byte[bytes];
                new SecureRandom().nextBytes(key);
                var encoded = Base64.getEncoder().encodeToString(key);
                try {
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, encoded, StandardCharsets.US_ASCII);
                } catch (FileAlreadyExistsException createdMeanwhile) {
                    // Another launcher on the same folder won; use its key.
                } catch (UnsupportedOperationException noPosix) {
                    Files.writeString(file, encoded, StandardCharsets.US_ASCII);
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep a secret in " + file, e);
        }
    }
}
