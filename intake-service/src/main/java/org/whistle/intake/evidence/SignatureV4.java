package org.whistle.intake.evidence;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for header-based authentication, as S3 and S3-compatible stores (MinIO, Ceph, Aliyun OSS,
 * Tencent COS) accept it. Paths and queries are expected already URI-encoded the way S3 wants (once, RFC 3986
 * unreserved characters left alone), which is how {@link S3MediaStore} builds them.
 */
final class SignatureV4 {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String EMPTY_PAYLOAD = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private static final HexFormat HEX = HexFormat.of();

    private final String accessKey;
    private final String secretKey;
    private final String region;
    private final String service;

    SignatureV4(String accessKey, String secretKey, String region, String service) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
        this.service = service;
    }

    /**
     * The {@code Authorization} header value for a request.
     *
     * @param headers every header to sign, including {@code host}, {@code x-amz-date} and
     *     {@code x-amz-content-sha256}; names in any case
     */
    String authorization(
            String method,
            String rawPath,
            String rawQuery,
            Map<String, String> headers,
            String payloadHash,
            Instant at) {
        var canonicalHeaders = new TreeMap<String, String>();
        headers.forEach((name, value) -> canonicalHeaders.put(
                name.toLowerCase(java.util.Locale.ROOT), value.strip().replaceAll(" +", " ")));
        var signedHeaders = String.join(";", canonicalHeaders.keySet());
        var canonicalRequest = String.join(
                "\n",
                method,
                rawPath.isEmpty() ? "/" : rawPath,
                canonicalQuery(rawQuery),
                canonicalHeaders.entrySet().stream()
                        .map(e -> e.getKey() + ":" + e.getValue() + "\n")
                        .collect(Collectors.joining()),
                signedHeaders,
                payloadHash);
        var date = TIMESTAMP.format(at).substring(0, 8);
        var scope = date + "/" + region + "/" + service + "/aws4_request";
        var stringToSign = String.join("\n", ALGORITHM, TIMESTAMP.format(at), scope, sha256Hex(canonicalRequest));
        var key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        var signature = HEX.formatHex(hmac(key, stringToSign));
        return ALGORITHM + " Credential=" + accessKey + "/" + scope + ",SignedHeaders=" + signedHeaders + ",Signature="
                + signature;
    }

    /** Parameters sorted by name then value; a parameter without a value is written {@code name=}. */
    private static String canonicalQuery(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return "";
        }
        return Arrays.stream(rawQuery.split("&"))
                .filter(p -> !p.isEmpty())
                .map(p -> p.contains("=") ? p : p + "=")
                .sorted()
                .collect(Collectors.joining("&"));
    }

    /** Encodes one path segment or query component as S3 expects: everything but A–Z a–z 0–9 - . _ ~ as %XX. */
    static String encode(String value) {
        var out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'A' && c <= 'Z'
                    || c >= 'a' && c <= 'z'
                    || c >= '0' && c <= '9'
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        return out.toString();
    }

    static String sha256Hex(String value) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
