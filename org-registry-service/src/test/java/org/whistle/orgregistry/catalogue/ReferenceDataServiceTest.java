package org.whistle.orgregistry.catalogue;

import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.whistle.events.EventCodec;
import org.whistle.events.EventEnvelope;
import org.whistle.orgregistry.TestTokens;
import org.whistle.security.Role;
import org.whistle.testing.RealInfrastructure;
import org.whistle.testing.TopicReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one application context the reference-data service tests share (same configuration as the application test,
 * so one database): HTTP calls with tokens, organisation fixtures inserted with SQL, and reading topics. Each test
 * makes its own codes, so tests sharing the database do not see each other's data.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RealInfrastructure
public abstract class ReferenceDataServiceTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicInteger SEQUENCE =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(100, 900));

    @LocalServerPort
    private int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    private RSAKey signingKey;

    protected String admin() {
        return new TestTokens(signingKey).administrator();
    }

    protected String resident() {
        return new TestTokens(signingKey).token("resident-1", List.of(Role.RESIDENT), List.of("230200"));
    }

    /** A fresh number for this test's codes. */
    protected static int unique() {
        return SEQUENCE.incrementAndGet();
    }

    protected HttpResponse<String> call(
            String method, String path, @Nullable String token, @Nullable String body, String contentType)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return call("GET", path, admin(), null, "application/json");
    }

    protected HttpResponse<String> asAdmin(String method, String path, @Nullable String json)
            throws IOException, InterruptedException {
        return call(method, path, admin(), json, "application/json");
    }

    protected HttpResponse<String> importCsv(String path, String csv) throws IOException, InterruptedException {
        return call("POST", path, admin(), csv, "text/csv");
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }

    /** The fields an invalid-input problem names. */
    protected static List<String> fields(HttpResponse<String> response) {
        var fields = new java.util.ArrayList<String>();
        json(response)
                .get("errors")
                .forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    /** Inserts an administrative node below {@code parent} (null for a city). */
    protected void node(String code, String kind, @Nullable String parent) {
        var parentPath = parent == null
                ? "/"
                : jdbc.sql("SELECT path FROM org_node WHERE code = ?")
                        .param(parent)
                        .query(String.class)
                        .single();
        jdbc.sql("""
                        INSERT INTO org_node (code, kind, name, parent_code, path, valid_from, updated_at)
                        VALUES (?, ?, ?, ?, ?, DATE '2024-01-01', now())
                        """)
                .params(code, kind, kind + " " + code, parent, parentPath + code + "/")
                .update();
    }

    /** Inserts a handling unit responsible for {@code area}; a past {@code validTo} retires it. */
    protected void unit(String code, String area, java.time.@Nullable LocalDate validTo) {
        jdbc.sql("""
                        INSERT INTO handling_unit (code, kind, name, area_code, valid_from, valid_to, updated_at)
                        VALUES (?, 'DEPARTMENT', ?, ?, DATE '2020-01-01', ?, now())
                        """).params(code, "unit " + code, area, validTo).update();
    }

    /** The last state published for {@code key} on {@code topic}, waiting until one with {@code revision} arrives. */
    protected static EventEnvelope<?> published(String topic, String key, long revision) {
        var records = TopicReader.readUntil(
                topic,
                read -> read.stream()
                        .filter(record -> key.equals(record.key()))
                        .map(record -> EventCodec.instance().decode(record.value()))
                        .anyMatch(envelope -> envelope.revision() == revision),
                Duration.ofSeconds(30));
        return records.stream()
                .filter(record -> key.equals(record.key()))
                .map(record -> EventCodec.instance().decode(record.value()))
                .filter(envelope -> envelope.revision() == revision)
                .findFirst()
                .orElseThrow();
    }
}
