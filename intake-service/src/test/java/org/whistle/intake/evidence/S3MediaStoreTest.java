package org.whistle.intake.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class S3MediaStoreTest {

    private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final Instant EXAMPLE_TIME = Instant.parse("2013-05-24T00:00:00Z");
    private static final SignatureV4 EXAMPLE = new SignatureV4(ACCESS_KEY, SECRET_KEY, "us-east-1", "s3");
    private static final Pattern AUTHORIZATION =
            Pattern.compile("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/\\d{8}/cn-north-1/s3/aws4_request,"
                    + "SignedHeaders=([a-z0-9;-]+),Signature=[0-9a-f]{64}");

    private HttpServer server;
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final List<String> problems = new ArrayList<>();

    /** AWS's "GET Object" example of header-based SigV4 authentication for S3. */
    @Test
    void signsTheAwsGetObjectExampleAsAwsDocumentsIt() {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Host", "examplebucket.s3.amazonaws.com");
        headers.put("Range", "bytes=0-9");
        headers.put("x-amz-content-sha256", SignatureV4.EMPTY_PAYLOAD);
        headers.put("x-amz-date", "20130524T000000Z");

        assertThat(EXAMPLE.authorization("GET", "/test.txt", "", headers, SignatureV4.EMPTY_PAYLOAD, EXAMPLE_TIME))
                .isEqualTo("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                        + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                        + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    }

    /** AWS's "PUT Object" example: a key with a character S3 wants encoded, and a storage-class header. */
    @Test
    void signsTheAwsPutObjectExampleAsAwsDocumentsIt() {
        var payloadHash = SignatureV4.sha256Hex("Welcome to Amazon S3.");
        var headers = new LinkedHashMap<String, String>();
        headers.put("Date", "Fri, 24 May 2013 00:00:00 GMT");
        headers.put("Host", "examplebucket.s3.amazonaws.com");
        headers.put("x-amz-content-sha256", payloadHash);
        headers.put("x-amz-date", "20130524T000000Z");
        headers.put("x-amz-storage-class", "REDUCED_REDUNDANCY");

        assertThat(payloadHash).isEqualTo("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
        assertThat(EXAMPLE.authorization(
                        "PUT", "/" + SignatureV4.encode("test$file.text"), "", headers, payloadHash, EXAMPLE_TIME))
                .endsWith("Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
    }

    /** AWS's "GET Bucket Lifecycle" example: a sub-resource without a value is signed as {@code lifecycle=}. */
    @Test
    void signsTheAwsGetBucketLifecycleExampleAsAwsDocumentsIt() {
        var headers = Map.of(
                "Host", "examplebucket.s3.amazonaws.com",
                "x-amz-content-sha256", SignatureV4.EMPTY_PAYLOAD,
                "x-amz-date", "20130524T000000Z");

        assertThat(EXAMPLE.authorization("GET", "/", "lifecycle", headers, SignatureV4.EMPTY_PAYLOAD, EXAMPLE_TIME))
                .endsWith("Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
    }

    @Test
    void putsReadsAndDeletesObjectsOnAnS3CompatibleServer() throws IOException {
        var store = store(true);
        var bytes = Samples.plainJpeg();
        var sha256 = KeepingEvidence.sha256(bytes);

        store.put("ab/cd/0196-id.jpg", new ByteArrayInputStream(bytes), bytes.length, "image/jpeg", sha256);

        assertThat(objects).containsOnlyKeys("/evidence/ab/cd/0196-id.jpg");
        try (var in = store.open("ab/cd/0196-id.jpg").orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        store.delete("ab/cd/0196-id.jpg");
        assertThat(store.open("ab/cd/0196-id.jpg")).isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void failsAnUploadTheServerRejects() {
        var store = store(true);
        var bytes = new byte[] {1, 2, 3};

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        store.put("ab/cd/x.jpg", new ByteArrayInputStream(bytes), 3, "image/jpeg", "0".repeat(64)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("400");
        assertThat(objects).isEmpty();
    }

    @Test
    void addressesBucketsByPathOrVirtualHost() {
        var endpoint = URI.create("https://oss-cn-beijing.aliyuncs.com");
        var signature = new SignatureV4(ACCESS_KEY, SECRET_KEY, "cn-beijing", "s3");

        assertThat(new S3MediaStore(endpoint, "media", true, signature, HttpClient.newHttpClient(), Clock.systemUTC())
                        .objectUri("ab/cd/x y.jpg"))
                .hasToString("https://oss-cn-beijing.aliyuncs.com/media/ab/cd/x%20y.jpg");
        assertThat(new S3MediaStore(endpoint, "media", false, signature, HttpClient.newHttpClient(), Clock.systemUTC())
                        .objectUri("ab/cd/x.jpg"))
                .hasToString("https://media.oss-cn-beijing.aliyuncs.com/ab/cd/x.jpg");
    }

    @BeforeEach
    void startFakeS3() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stopFakeS3() {
        server.stop(0);
    }

    private S3MediaStore store(boolean pathStyle) {
        var endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new S3MediaStore(
                endpoint,
                "evidence",
                pathStyle,
                new SignatureV4(ACCESS_KEY, SECRET_KEY, "cn-north-1", "s3"),
                HttpClient.newHttpClient(),
                Clock.fixed(Instant.parse("2026-05-21T08:00:00Z"), ZoneOffset.UTC));
    }

    /** Checks each request the way S3 would (signature recomputed from what arrived) and keeps objects in a map. */
    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var request = exchange.getRequestHeaders();
            var authorization = request.getFirst("Authorization");
            var matcher = authorization == null ? null : AUTHORIZATION.matcher(authorization);
            if (matcher == null || !matcher.matches()) {
                problems.add("malformed Authorization: " + authorization);
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            var signed = new LinkedHashMap<String, String>();
            for (var name : matcher.group(1).split(";")) {
                signed.put(name, request.getFirst(name));
            }
            var payloadHash = request.getFirst("x-amz-content-sha256");
            var expected = new SignatureV4(ACCESS_KEY, SECRET_KEY, "cn-north-1", "s3")
                    .authorization(
                            exchange.getRequestMethod(),
                            exchange.getRequestURI().getRawPath(),
                            "",
                            signed,
                            payloadHash,
                            Instant.parse("2026-05-21T08:00:00Z"));
            if (!expected.equals(authorization) || !signed.keySet().containsAll(List.of("host", "x-amz-date"))) {
                problems.add("signature does not match for " + exchange.getRequestURI());
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            var path = exchange.getRequestURI().getRawPath();
            switch (exchange.getRequestMethod()) {
                case "PUT" -> {
                    var body = exchange.getRequestBody().readAllBytes();
                    if (!KeepingEvidence.sha256(body).equals(payloadHash)) {
                        exchange.sendResponseHeaders(400, -1); // XAmzContentSHA256Mismatch
                        return;
                    }
                    objects.put(path, body);
                    exchange.sendResponseHeaders(200, -1);
                }
                case "GET" -> {
                    var body = objects.get(path);
                    if (body == null) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
                case "DELETE" -> {
                    objects.remove(path);
                    exchange.sendResponseHeaders(204, -1);
                }
                default -> exchange.sendResponseHeaders(405, -1);
            }
        }
    }
}
