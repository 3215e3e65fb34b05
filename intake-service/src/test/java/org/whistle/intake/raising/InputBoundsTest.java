package org.whistle.intake.raising;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.whistle.intake.evidence.Samples;
import org.whistle.intake.support.IntakeTest;

/**
 * Every free-text field has a documented maximum and refuses control and bidirectional-override characters with a
 * 422 problem detail naming the field; no input answers 500.
 */
class InputBoundsTest extends IntakeTest {

    private static void assertNames(Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:whistle:problem:invalid-input");
        assertThat(response.json().get("errors").findValuesAsString("field")).contains(field);
    }

    @Test
    void refusesBidirectionalOverridesInTheDescriptionAndTheAddress() {
        for (var bidi : new String[] {"\u202A", "\u202E", "\u2066", "\u2069"}) {
            var description = "路面塌陷" + bidi + "txt.exe " + UUID.randomUUID();
            assertNames(postJson("/api/whistles", whistle(description), device()), "description");
            assertThat(stored(description)).isZero();
        }
        var body = new HashMap<>(whistle("address " + UUID.randomUUID()));
        body.put("location", Map.of("lat", 47.9218, "lng", 123.5046, "address", "卜奎大街\u202E号1"));
        assertNames(postJson("/api/whistles", body, device()), "location.address");
    }

    @Test
    void refusesOverlongTextNamingTheField() {
        var body = new HashMap<>(whistle("long address " + UUID.randomUUID()));
        body.put("location", Map.of("lat", 47.9218, "lng", 123.5046, "address", "路".repeat(501)));
        assertNames(postJson("/api/whistles", body, device()), "location.address");

        var category = new HashMap<>(whistle("long category " + UUID.randomUUID()));
        category.put("category", "X".repeat(10_000));
        var refused = postJson("/api/whistles", category, device());
        assertNames(refused, "category");
        assertThat(refused.body().length())
                .as("the answer does not echo the input")
                .isLessThan(2_000);

        var id = postJson("/api/whistles", whistle("supported " + UUID.randomUUID()), device())
                .json()
                .get("id")
                .asString();
        assertNames(postJson("/api/whistles/" + id + "/supports", Map.of("note", "再".repeat(2001)), device()), "note");
        assertNames(postJson("/api/whistles/" + id + "/supports", Map.of("note", "看\u202E这里"), device()), "note");
    }

    @Test
    void answersAFileNameWithControlCharactersWithoutA500() {
        var description = "nul name " + UUID.randomUUID();
        var parts = new Parts()
                .json("whistle", whistle(description))
                .file("evidence", "a\u0000.jpg", Samples.jpegWithLocation(), MediaType.IMAGE_JPEG);

        var answer = postMultipart("/api/whistles", parts, device());

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().getContentType().toString()).contains("problem+json");
        assertThat(answer.json().get("errors").findValuesAsString("field")).contains("evidence");
        assertThat(stored(description)).isZero();
    }

    /**
     * The fuzzer's odd file names (issue 17) as it writes them, byte for byte, on a supporting report and on a
     * whistle: each is answered with a problem detail — a name over Tomcat's part-header bound was an empty 413.
     */
    @Test
    void answersEveryOddFileNameWithAProblemDetail() {
        var id = postJson("/api/whistles", whistle("odd names " + UUID.randomUUID()), device())
                .json()
                .get("id")
                .asString();
        var names = java.util.List.of(
                "a\u0000.jpg",
                "a\r\nX-Injected: 1.jpg",
                "\u202Egpj.exe",
                "photo\u2066.jpg",
                "../../../../etc/passwd.jpg",
                "C:\\\\Windows\\\\photo.jpg",
                "x".repeat(600) + ".jpg",
                "\u0007bell.jpg");
        for (var name : names) {
            for (var path : java.util.List.of("/api/whistles/" + id + "/supports", "/api/whistles")) {
                var boundary = "fz" + UUID.randomUUID().toString().replace("-", "");
                var body = new StringBuilder("--" + boundary + "\r\n");
                if (path.equals("/api/whistles")) {
                    body.append("Content-Disposition: form-data; name=\"whistle\"\r\n")
                            .append("Content-Type: application/json\r\n\r\n")
                            .append(JSON.writeValueAsString(whistle("odd name " + UUID.randomUUID())));
                } else {
                    body.append("Content-Disposition: form-data; name=\"note\"\r\n\r\n现场照片");
                }
                body.append("\r\n--" + boundary + "\r\n")
                        .append("Content-Disposition: form-data; name=\"evidence\"; filename=\"" + name + "\"\r\n")
                        .append("Content-Type: image/jpeg\r\n\r\n")
                        .append("<html><body>not a photo</body></html>")
                        .append("\r\n--" + boundary + "--\r\n");
                var answer = http.post()
                        .uri(path)
                        .headers(device())
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary))
                        .body(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .exchange((request, response) -> new Response(
                                response.getStatusCode().value(),
                                response.getHeaders(),
                                response.getBody().readAllBytes()));

                var what = path + " with file name " + name.replaceAll("\\p{Cntrl}", "?");
                assertThat(answer.status()).as(what).isBetween(400, 499);
                assertThat(answer.headers().getContentType())
                        .as(what)
                        .isNotNull()
                        .hasToString("application/problem+json");
                assertThat(answer.json().get("status").asInt()).as(what).isEqualTo(answer.status());
                assertThat(answer.json().get("title").asString()).as(what).isNotBlank();
            }
        }
    }

    /** A body declared larger than the multipart limit is a 413 problem detail, not Spring's empty error page. */
    @Test
    void answersAnUploadOverTheLimitWithAProblemDetail() throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            var boundary = "fz" + UUID.randomUUID().toString().replace("-", "");
            var start = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n现场照片\r\n";
            var head = "POST /api/whistles/" + UUID.randomUUID() + "/supports HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                    + "Content-Length: 200000000\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(start.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            // Read until the problem's JSON object is whole: the connection stays open while Tomcat swallows input.
            var in = socket.getInputStream();
            var raw = new java.io.ByteArrayOutputStream();
            var answer = "";
            tools.jackson.databind.JsonNode json = null;
            while (json == null) {
                int next = in.read();
                if (next < 0) {
                    break;
                }
                raw.write(next);
                answer = raw.toString(java.nio.charset.StandardCharsets.UTF_8);
                json = problemIn(answer);
            }
            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer.toLowerCase(java.util.Locale.ROOT)).contains("content-type: application/problem+json");
            assertThat(json).as(answer).isNotNull();
            assertThat(json.get("status").asInt()).isEqualTo(413);
            assertThat(json.get("title").asString()).isEqualTo("上传内容过大");
        }
    }

    /** The problem's JSON object in an answer read so far (its body possibly chunked), or null while incomplete. */
    private static tools.jackson.databind.JsonNode problemIn(String answer) {
        int headEnd = answer.indexOf("\r\n\r\n");
        if (headEnd < 0 || !answer.endsWith("}")) {
            return null;
        }
        var body = answer.substring(headEnd + 4);
        int start = body.indexOf('{');
        try {
            return start < 0 ? null : JSON.readTree(body.substring(start));
        } catch (RuntimeException incomplete) {
            return null;
        }
    }
}
