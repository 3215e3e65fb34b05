package org.whistle.gateway.edge;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * W3C trace context and request ids as the gateway accepts or makes them. A caller's {@code traceparent} or
 * {@code X-Request-Id} is kept only when well-formed, so nothing arbitrary is echoed back or logged.
 */
final class TraceContext {

    static final String TRACEPARENT = "traceparent";
    static final String REQUEST_ID = "X-Request-Id";

    private static final Pattern TRACEPARENT_FORMAT =
            Pattern.compile("[0-9a-f]{2}-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");
    private static final Pattern REQUEST_ID_FORMAT = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private TraceContext() {}

    static boolean isWellFormedTraceparent(@Nullable String value) {
        return value != null && TRACEPARENT_FORMAT.matcher(value).matches() && !value.startsWith("ff");
    }

    /** Version 00, random trace and parent ids, sampled. */
    static String newTraceparent() {
        return "00-" + randomHex(16) + "-" + randomHex(8) + "-01";
    }

    static String traceId(String traceparent) {
        return traceparent.substring(3, 35);
    }

    static boolean isWellFormedRequestId(@Nullable String value) {
        return value != null && REQUEST_ID_FORMAT.matcher(value).matches();
    }

    static String newRequestId() {
        return UUID.randomUUID().toString();
    }

    private static String randomHex(int bytes) {
        var buffer = new byte[bytes];
        do {
            RANDOM.nextBytes(buffer);
        } while (isAllZero(buffer));
        return HEX.formatHex(buffer);
    }

    private static boolean isAllZero(byte[] bytes) {
        for (var b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
