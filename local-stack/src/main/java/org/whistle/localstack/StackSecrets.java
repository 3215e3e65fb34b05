package org.whistle.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
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
 * @param anchorSigningKey the Ed25519 private key (base64 PKCS#8) dispatch signs timeline checkpoints with, so
 *     checkpoints signed before a restart still verify after it (ADR 0016)
 * @param anchorPublicKey its public key (base64 X.509)
 * @param streamTicketKey the key (base64) intake signs anonymous reporters' stream tickets with and notification
 *     checks them with (ADR 0059)
 */
record StackSecrets(
        String phoneKey,
        String gatewayClientSecret,
        String trackingKey,
        String anchorSigningKey,
        String anchorPublicKey,
        String streamTicketKey) {

    static final String PHONE_KEY_FILE = "intake-phone-key";
    static final String GATEWAY_CLIENT_SECRET_FILE = "gateway-client-secret";
    static final String TRACKING_KEY_FILE = "intake-tracking-key";
    /** Two lines: the signing key, then its public key. */
    static final String ANCHOR_KEY_FILE = "dispatch-anchor-key";

    static final String STREAM_TICKET_KEY_FILE = "stream-ticket-key";

    static StackSecrets in(Path secretsDir) {
        var anchor = keep(secretsDir.resolve(ANCHOR_KEY_FILE), StackSecrets::anchorKeyPair)
                .lines()
                .toList();
        return new StackSecrets(
                secret(secretsDir.resolve(PHONE_KEY_FILE), 32),
                secret(secretsDir.resolve(GATEWAY_CLIENT_SECRET_FILE), 32),
                secret(secretsDir.resolve(TRACKING_KEY_FILE), 32),
                anchor.get(0).strip(),
                anchor.get(1).strip(),
                secret(secretsDir.resolve(STREAM_TICKET_KEY_FILE), 32));
    }

    private static String anchorKeyPair() {
        try {
            var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            var encoder = Base64.getEncoder();
            return encoder.encodeToString(pair.getPrivate().getEncoded()) + "\n"
                    + encoder.encodeToString(pair.getPublic().getEncoded()) + "\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    @Override
    public String toString() {
        return "StackSecrets[…]";
    }

    private static String secret(Path file, int bytes) {
        return keep(file, () -> {
                    var key = new byte[bytes];
                    new SecureRandom().nextBytes(key);
                    return Base64.getEncoder().encodeToString(key);
                })
                .trim();
    }

    /** The file's content, made by {@code make} and written owner-only the first time. */
    private static String keep(Path file, java.util.function.Supplier<String> make) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                var encoded = make.get();
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
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep a secret in " + file, e);
        }
    }
}
