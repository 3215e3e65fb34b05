package org.whistle.notification.textmessages.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tencent Cloud's API 3.0 signature TC3-HMAC-SHA256 for a JSON POST, as documented ("Signature v3"):
 *
 * <ol>
 *   <li>{@code CanonicalRequest = "POST\n/\n\n" + "content-type:<type>\nhost:<host>\n" + "\n" +
 *       "content-type;host\n" + hex(SHA256(payload))};
 *   <li>{@code StringToSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + date/service/tc3_request + "\n" +
 *       hex(SHA256(CanonicalRequest))}, the date being the timestamp's UTC date (not Beijing's);
 *   <li>the key derived {@code HMAC("TC3" + SecretKey, date)}, then with the service, then with {@code tc3_request};
 *       the signature is {@code hex(HMAC(key, StringToSign))}.
 * </ol>
 */
public final class TencentTc3Signature {

    public static final String ALGORITHM = "TC3-HMAC-SHA256";
    private static final String SIGNED_HEADERS = "content-type;host";

    /** Every intermediate, so a test can compare each with the documented example. */
    public record Signed(String canonicalRequest, String stringToSign, String signature, String authorization) {}

    private TencentTc3Signature() {}

    public static Signed sign(
            String secretId,
            String secretKey,
            String service,
            String host,
            String contentType,
            String payload,
            long timestamp) {
        var canonicalRequest = "POST\n/\n\n" + "content-type:" + contentType + "\nhost:" + host + "\n\n"
                + SIGNED_HEADERS + "\n" + sha256Hex(payload);
        var date = DateTimeFormatter.ISO_LOCAL_DATE.format(
                Instant.ofEpochSecond(timestamp).atOffset(ZoneOffset.UTC));
        var scope = date + "/" + service + "/tc3_request";
        var stringToSign = ALGORITHM + "\n" + timestamp + "\n" + scope + "\n" + sha256Hex(canonicalRequest);
        byte[] key = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, service);
        key = hmac(key, "tc3_request");
        var signature = HexFormat.of().formatHex(hmac(key, stringToSign));
        var authorization = ALGORITHM + " Credential=" + secretId + "/" + scope + ", SignedHeaders=" + SIGNED_HEADERS
                + ", Signature=" + signature;
        return new Signed(canonicalRequest, stringToSign, signature, authorization);
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
