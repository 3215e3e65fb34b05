package org.whistle.intake.support;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.whistle.events.EventCodec;
import org.whistle.events.EventEnvelope;
import org.whistle.orgreference.copy.OrgReferenceCopy;
import org.whistle.testing.RealInfrastructure;
import org.whistle.testing.TestIssuer;
import org.whistle.testing.TopicReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Spring context every intake service test shares (one database, one port): real PostgreSQL and Kafka, the
 * demo city on the org-* topics, and an HTTP client that never throws on an error status.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RealInfrastructure
public abstract class IntakeTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected OrgReferenceCopy copy;

    protected RestClient http;

    @BeforeEach
    void cityAndClient() {
        DemoCity.publishAndAwait(copy);
        http = RestClient.builder().baseUrl("http://localhost:" + port).build();
    }

    /** A response read whole, whatever its status. */
    public record Response(int status, HttpHeaders headers, byte[] bytes) {

        public String body() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(bytes);
        }
    }

    protected Response get(String path, Consumer<HttpHeaders> headers) {
        return http.get().uri(path).headers(headers).exchange((req, res) -> read(res));
    }

    protected Response get(String path) {
        return get(path, h -> {});
    }

    protected Response postJson(String path, Object body, Consumer<HttpHeaders> headers) {
        return http.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers)
                .body(body instanceof String s ? s : JSON.writeValueAsString(body))
                .exchange((req, res) -> read(res));
    }

    protected Response postJson(String path, Object body) {
        return postJson(path, body, h -> {});
    }

    protected Response postMultipart(String path, Parts parts, Consumer<HttpHeaders> headers) {
        return http.post()
                .uri(path)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .headers(headers)
                .body(parts.map)
                .exchange((req, res) -> read(res));
    }

    protected Response postForm(String path, MultiValueMap<String, String> form, Consumer<HttpHeaders> headers) {
        return http.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .headers(headers)
                .body(form)
                .exchange((req, res) -> read(res));
    }

    /** Multipart parts: JSON parts, plain fields and files. */
    public static final class Parts {
        final MultiValueMap<String, Object> map = new LinkedMultiValueMap<>();

        public Parts json(String name, Object value) {
            var headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            map.add(name, new org.springframework.http.HttpEntity<>(JSON.writeValueAsString(value), headers));
            return this;
        }

        public Parts field(String name, String value) {
            map.add(name, value);
            return this;
        }

        public Parts file(String name, String fileName, byte[] bytes, MediaType type) {
            var headers = new HttpHeaders();
            headers.setContentType(type);
            headers.setContentDispositionFormData(name, fileName);
            map.add(name, new org.springframework.http.HttpEntity<>(bytes, headers));
            return this;
        }
    }

    protected static MultiValueMap<String, String> form(String... pairs) {
        var form = new LinkedMultiValueMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private static Response read(org.springframework.http.client.ClientHttpResponse res) throws IOException {
        return new Response(
                res.getStatusCode().value(), res.getHeaders(), res.getBody().readAllBytes());
    }

    protected static Consumer<HttpHeaders> bearer(String token) {
        return h -> h.setBearerAuth(token);
    }

    protected static Consumer<HttpHeaders> device() {
        var id = "device-" + UUID.randomUUID();
        return h -> h.set("X-Device-Id", id);
    }

    protected static String residentToken(String subject) {
        return TestIssuer.get().token(subject, List.of("RESIDENT"), List.of(), null);
    }

    protected static String staffToken(String subject, String role, String scope) {
        return TestIssuer.get().token(subject, List.of(role), List.of(scope), null);
    }

    /** A whistle request at P1 (the seed's damaged road) as a WEB reporter with a phone. */
    protected static Map<String, Object> whistle(String description) {
        return Map.of(
                "channel",
                "WEB",
                "category",
                "MUNICIPAL-ROAD-DAMAGE",
                "description",
                description,
                "location",
                Map.of("lat", 47.9218, "lng", 123.5046, "crs", "WGS84"),
                "reporter",
                Map.of("phone", "13800000042"));
    }

    protected long stored(String description) {
        return jdbc.sql("SELECT count(*) FROM whistle WHERE description = :d")
                .param("d", description)
                .query(Long.class)
                .single();
    }

    protected long outboxed(String whistleId) {
        return jdbc.sql("SELECT count(*) FROM messaging.outbox_event WHERE record_key = :k")
                .param("k", whistleId)
                .query(Long.class)
                .single();
    }

    protected long outboxedMentioning(String text) {
        return jdbc.sql("SELECT count(*) FROM messaging.outbox_event WHERE payload::text LIKE :t")
                .param("t", "%" + text + "%")
                .query(Long.class)
                .single();
    }

    /** Waits until an event about the whistle is on the topic, and decodes it. */
    protected static EventEnvelope<?> published(String topic, String whistleId) {
        var records =
                TopicReader.readUntil(topic, read -> read.stream().anyMatch(r -> whistleId.equals(r.key())), PATIENCE);
        ConsumerRecord<String, byte[]> record = records.stream()
                .filter(r -> whistleId.equals(r.key()))
                .findFirst()
                .orElseThrow();
        return EventCodec.instance().decode(record.value());
    }
}
