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
 * so data encrypted on one start can be read on the next — never a key written into the code.
 */
final class StackSecrets {

    static final String PHONE_KEY_FILE = "intake-phone-key";

    private StackSecrets() {}

    /** The AES-256 key (base64) intake encrypts reporters' phone numbers with. */
    static String phoneKey(Path secretsDir) {
        var file = secretsDir.resolve(PHONE_KEY_FILE);
        try {
            Files.createDirectories(secretsDir);
            if (!Files.exists(file)) {
                var key = new byte[32];
                new SecureRandom().nextBytes(key);
                try {
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
                } catch (FileAlreadyExistsException createdMeanwhile) {
                    // Another launcher on the same folder won; use its key.
                } catch (UnsupportedOperationException noPosix) {
                    Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the phone key in " + file, e);
        }
    }
}
