package org.whistle.events;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** W3C Trace Context ids: the envelope's {@code traceId} and the {@code traceparent} header built from it. */
public final class TraceIds {

    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    private static final String INVALID_TRACE_ID = "0".repeat(32);

    private TraceIds() {}

    /** A new random trace id, for events that no traced request caused (e.g. a timer firing). */
    public static String newTraceId() {
        return random(16);
    }

    public static boolean isValidTraceId(String traceId) {
        return TRACE_ID.matcher(traceId).matches() && !INVALID_TRACE_ID.equals(traceId);
    }

    /** A {@code traceparent} header value for a new span (the publication) in the given trace. */
    public static String traceparent(String traceId) {
        return "00-" + traceId + "-" + random(8) + "-01";
    }

    /** The trace id inside a {@code traceparent} header, or a new one when the header is absent or malformed. */
    public static String traceIdOf(@org.jspecify.annotations.Nullable String traceparent) {
        if (traceparent != null) {
            var matcher = TRACEPARENT.matcher(traceparent.trim());
            if (matcher.matches() && isValidTraceId(matcher.group(1))) {
                return matcher.group(1);
            }
        }
        return newTraceId();
    }

    private static String random(int bytes) {
        var buffer = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(buffer);
        buffer[0] |= 1; // never all zeros, which W3C reserves as invalid
        return HexFormat.of().formatHex(buffer);
    }
}
