package org.whistle.intake.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A kept photo or video, open for reading; the caller streams {@link #content()} and closes it.
 *
 * @param locationStripped false when the file may still carry where it was taken (HEIC/HEIF, MP4 with
 *     timed-metadata tracks): such media must not be shown to anyone but the reporter and staff
 * @param whistleId empty until the media is attached to a whistle
 */
public record StoredMedia(
        String mediaId,
        String contentType,
        MediaKind kind,
        long size,
        String sha256,
        @Nullable String originalName,
        boolean locationStripped,
        String uploadedBy,
        @Nullable String whistleId,
        InputStream content)
        implements AutoCloseable {

    /** The name to offer a browser: the sanitised original, or the media id with the format's suffix. */
    public String fileName() {
        if (originalName != null) {
            return originalName;
        }
        return Arrays.stream(MediaFormat.values())
                .filter(f -> f.contentType().equals(contentType))
                .findFirst()
                .map(f -> mediaId + "." + f.extension())
                .orElse(mediaId);
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}
