package org.whistle.systemtests.access;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * One concrete request of the matrix: the path with its variables and query filled in, and the body.
 *
 * @param stream the answer is a server-sent event stream: only its status and headers are read
 */
record Request(String path, @Nullable String contentType, byte @Nullable [] body, boolean stream) {

    /** A request without a body; the row says its method. */
    static Request at(String path) {
        return new Request(path, null, null, false);
    }

    static Request stream(String path) {
        return new Request(path, null, null, true);
    }

    static Request json(String path, String json) {
        return new Request(path, "application/json", json.getBytes(StandardCharsets.UTF_8), false);
    }

    static Request body(String path, String contentType, String text) {
        return new Request(path, contentType, text.getBytes(StandardCharsets.UTF_8), false);
    }

    static Request bytes(String path, String contentType, byte[] bytes) {
        return new Request(path, contentType, bytes, false);
    }
}
