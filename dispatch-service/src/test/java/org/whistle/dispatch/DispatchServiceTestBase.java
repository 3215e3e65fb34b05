package org.whistle.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.whistle.events.Channel;
import org.whistle.events.EventCodec;
import org.whistle.events.EventData;
import org.whistle.events.EventEnvelope;
import org.whistle.events.EvidenceRef;
import org.whistle.events.GeoPoint;
import org.whistle.events.Location;
import org.whistle.events.Reporter;
import org.whistle.events.TraceIds;
import org.whistle.events.Urgency;
import org.whistle.events.WhistleId;
import org.whistle.events.WhistleRaised;
import org.whistle.orgreference.copy.OrgReferenceCopy;
import org.whistle.testing.TestEvents;
import org.whistle.testing.TestIssuer;
import org.whistle.testing.TopicReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the service tests share: the demo city on the org topics, whistles published as intake publishes them, calls
 * to the running service with real tokens, and reading what it published.
 */
@DispatchServiceTest
abstract class DispatchServiceTestBase {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static volatile boolean cityPublished;

    @LocalServerPort
    int port;

    @Autowired
    OrgReferenceCopy copy;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void theDemoCityIsOnTheOrgTopics() {
        if (!cityPublished) {
            DemoCity.records()
                    .forEach(record -> publish(EventEnvelope.wrap(
                            record, 1, "org-registry-service", TraceIds.newTraceId(), Clock.systemUTC())));
            cityPublished = true;
        }
        await().atMost(PATIENCE)
                .until(() -> copy.unit(DemoCity.LONGSHA_FIRE).isPresent()
                        && copy.category(DemoCity.SHED_ENCROACHMENT).isPresent()
                        && copy.propose(DemoCity.ROAD_DAMAGE, DemoCity.FANRONG_GRID_1, null)
                                .isPresent()
                        && copy.deadlinePolicy(DemoCity.ROAD_DAMAGE, org.whistle.events.Urgency.URGENT, null)
                                .isPresent());
    }

    // ---- tokens ------------------------------------------------------------------------------------------------

    static String dispatcher(String role, String scope, String centre) {
        return TestIssuer.get().token("u-" + role.toLowerCase() + "-" + scope, List.of(role), List.of(scope), centre);
    }

    static String streetDispatcherOfGannanTown() {
        return dispatcher("STREET_DISPATCHER", DemoCity.GANNAN_TOWN, DemoCity.GANNAN_TOWN_CENTRE);
    }

    static String officerOf(String unit, String scope) {
        return TestIssuer.get().token("u-officer-" + unit, List.of("DEPARTMENT_OFFICER"), List.of(scope), unit);
    }

    static String token(String subject, String role, String scope, @Nullable String unit) {
        return TestIssuer.get().token(subject, List.of(role), List.of(scope), unit);
    }

    // ---- events ------------------------------------------------------------------------------------------------

    static <T extends EventData> EventEnvelope<T> envelope(T data) {
        return EventEnvelope.wrap(data, 1, "test", TraceIds.newTraceId(), Clock.systemUTC());
    }

    static void publish(EventEnvelope<?> event) {
        TestEvents.publish(event);
    }

    static WhistleRaised whistle(String category, @Nullable String grid, @Nullable String street, String description) {
        return new WhistleRaised(
                WhistleId.newId(),
                Channel.APP,
                category,
                description,
                new Location(new GeoPoint(47.92, 123.50), description),
                grid,
                street,
                Urgency.URGENT,
                new Reporter(Reporter.Kind.USER, "u-lishuxia", "GRID_WORKER", null),
                List.of(new EvidenceRef("m-video-1", "video/mp4", "cd".repeat(32))),
                Instant.now());
    }

    /** Publishes the whistle and waits for its ticket; returns the ticket's id. */
    String raise(WhistleRaised whistle) {
        publish(envelope(whistle));
        return awaitTicketOf(whistle.whistleId());
    }

    String awaitTicketOf(WhistleId whistle) {
        await().atMost(PATIENCE).until(() -> ticketIdOf(whistle) != null);
        return ticketIdOf(whistle);
    }

    @Nullable
    String ticketIdOf(WhistleId whistle) {
        return jdbc.sql("SELECT id::text FROM ticket WHERE whistle_id = :w")
                .param("w", whistle.value())
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** The events of one whistle on a topic, once {@code done} holds for them. */
    static List<EventEnvelope<?>> eventsOn(String topic, WhistleId whistle, Predicate<List<EventEnvelope<?>>> done) {
        var key = whistle.toString();
        var records = TopicReader.readUntil(topic, read -> done.test(decode(read, key)), PATIENCE);
        return decode(records, key);
    }

    private static List<EventEnvelope<?>> decode(
            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream()
                .filter(r -> key.equals(r.key()))
                .<EventEnvelope<?>>map(r -> EventCodec.instance().decode(r.value()))
                .toList();
    }

    // ---- HTTP --------------------------------------------------------------------------------------------------

    /** A response: status and JSON body (null when empty). */
    record Answer(int status, @Nullable JsonNode body) {
        Answer ok() {
            assertThat(status).as("status of %s", body).isEqualTo(200);
            return this;
        }

        String text(String pointer) {
            return body.at(pointer).asString();
        }
    }

    Answer get(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    Answer post(String path, String token) {
        return post(path, token, null);
    }

    Answer post(String path, String token, @Nullable Object body) {
        var json = body == null ? "" : JSON.writeValueAsString(body);
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                token);
    }

    /** As {@link #get(String, String)}, asking for the answer in a language ({@code Accept-Language}). */
    Answer get(String path, String token, String language) {
        return send(HttpRequest.newBuilder(uri(path)).GET().header("Accept-Language", language), token);
    }

    /** As {@link #post(String, String, Object)}, asking for the answer in a language ({@code Accept-Language}). */
    Answer post(String path, String token, @Nullable Object body, String language) {
        var json = body == null ? "" : JSON.writeValueAsString(body);
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .header("Accept-Language", language)
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                token);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private Answer send(HttpRequest.Builder request, String token) {
        try {
            var response = HTTP.send(
                    request.header("Authorization", "Bearer " + token)
                            .header("Accept", "application/json, application/problem+json")
                            .timeout(Duration.ofSeconds(15))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            var body = response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
