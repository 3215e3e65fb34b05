package org.whistle.notification.textmessages.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Alibaba Cloud's RPC signature (SignatureMethod HMAC-SHA1, SignatureVersion 1.0), as its SMS API documents it:
 *
 * <ol>
 *   <li>every parameter but {@code Signature}, sorted by name, each name and value percent-encoded (RFC 3986: space
 *       {@code %20}, {@code *} {@code %2A}, {@code ~} kept) and joined as {@code name=value&…}: the canonical query;
 *   <li>{@code stringToSign = method + "&" + encode("/") + "&" + encode(canonicalQuery)};
 *   <li>{@code Signature = Base64(HMAC-SHA1(key = accessKeySecret + "&", stringToSign))}.
 * </ol>
 */
public final class AliyunRpcSignature {

    private AliyunRpcSignature() {}

    public static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    /** The parameters (without {@code Signature}) sorted by name and encoded: also the body of the signed request. */
    public static String canonicalQuery(Map<String, String> parameters) {
        var joined = new StringJoiner("&");
        new TreeMap<>(parameters).forEach((name, value) -> {
            if (!"Signature".equals(name)) {
                joined.add(percentEncode(name) + "=" + percentEncode(value));
            }
        });
        return joined.toString();
    }

    public static String stringToSign(String method, Map<String, String> parameters) {
        return method + "&" + percentEncode("/") + "&" + percentEncode(canonicalQuery(parameters));
    }

    public static String signature(String accessKeySecret, String method, Map<String, String> parameters) {
        try {
            var mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((accessKeySecret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(stringToSign(method, parameters).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }
}
