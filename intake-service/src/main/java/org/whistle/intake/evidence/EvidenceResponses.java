package org.whistle.intake.evidence;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Turns kept media into an HTTP response for a controller that has already decided the caller may see it. The
 * response is shown inline under its original name, is never content-sniffed into something executable, is cached
 * only privately (access can be withdrawn), and answers single byte ranges so video players can seek.
 */
public final class EvidenceResponses {

    static final Duration MAX_AGE = Duration.ofHours(1);

    private static final Pattern SINGLE_RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private EvidenceResponses() {}

    public static ResponseEntity<StreamingResponseBody> inline(StoredMedia media) {
        return inline(media, null);
    }

    /**
     * The media, whole or — for a satisfiable single {@code Range: bytes=…} — the part asked for. Multiple ranges are
     * answered with the whole file, which HTTP allows. The response closes the media's stream once written.
     */
    public static ResponseEntity<StreamingResponseBody> inline(StoredMedia media, @Nullable String range) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(media.contentType()));
        headers.set(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(media.fileName()));
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "default-src 'none'; sandbox");
        headers.setCacheControl(CacheControl.maxAge(MAX_AGE).cachePrivate());
        headers.setETag("\"" + media.sha256() + "\"");
        headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
        long size = media.size();
        var matcher = range == null ? null : SINGLE_RANGE.matcher(range.strip());
        if (matcher != null
                && matcher.matches()
                && !(matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
            long first;
            long last;
            if (matcher.group(1).isEmpty()) {
                long suffix = parse(matcher.group(2));
                first = Math.max(0, size - suffix);
                last = size - 1;
            } else {
                first = parse(matcher.group(1));
                last = matcher.group(2).isEmpty() ? size - 1 : Math.min(parse(matcher.group(2)), size - 1);
            }
            if (first >= size || first > last) {
                closeQuietly(media.content());
                headers.set(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
                return new ResponseEntity<>(headers, HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE);
            }
            headers.set(HttpHeaders.CONTENT_RANGE, "bytes " + first + "-" + last + "/" + size);
            headers.setContentLength(last - first + 1);
            long start = first;
            long length = last - first + 1;
            return new ResponseEntity<>(
                    out -> {
                        try (var in = media.content()) {
                            in.skipNBytes(start);
                            copy(in, out, length);
                        }
                    },
                    headers,
                    HttpStatus.PARTIAL_CONTENT);
        }
        headers.setContentLength(size);
        return new ResponseEntity<>(
                out -> {
                    try (var in = media.content()) {
                        copy(in, out, size);
                    }
                },
                headers,
                HttpStatus.OK);
    }

    /**
     * {@code inline; filename="ascii fallback"; filename*=UTF-8''percent-encoded} (RFC 6266, RFC 5987): old clients
     * read the fallback, every current browser the exact name, including Chinese.
     */
    static String contentDisposition(String fileName) {
        var fallback = new StringBuilder();
        fileName.codePoints()
                .map(c -> c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' ? c : '_')
                .forEach(fallback::appendCodePoint);
        return "inline; filename=\"" + fallback + "\"; filename*=UTF-8''" + rfc5987(fileName);
    }

    private static String rfc5987(String value) {
        var out = new StringBuilder();
        var hex = HexFormat.of().withUpperCase();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean attrChar = c >= 'A' && c <= 'Z'
                    || c >= 'a' && c <= 'z'
                    || c >= '0' && c <= '9'
                    || "!#$&+-.^_`|~".indexOf(c) >= 0;
            if (attrChar) {
                out.append((char) c);
            } else {
                out.append('%').append(hex.toHexDigits((byte) c));
            }
        }
        return out.toString();
    }

    private static void copy(InputStream in, java.io.OutputStream out, long length) throws java.io.IOException {
        var buffer = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new java.io.EOFException("media ended " + left + " bytes early");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static long parse(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (java.io.IOException ignored) {
            // nothing to recover: the response does not need the stream
        }
    }
}
