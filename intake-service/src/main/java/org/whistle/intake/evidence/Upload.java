package org.whistle.intake.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/**
 * One file as a client sent it: the name it gave (a label, never trusted), its size as received, and its bytes,
 * which may be read more than once.
 */
public record Upload(@Nullable String originalName, long size, Content content) {

    /** Opens the bytes afresh on every call. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    public static Upload of(MultipartFile file) {
        return new Upload(file.getOriginalFilename(), file.getSize(), file::getInputStream);
    }

    public static Upload of(@Nullable String originalName, byte[] bytes) {
        return new Upload(originalName, bytes.length, () -> new ByteArrayInputStream(bytes));
    }
}
