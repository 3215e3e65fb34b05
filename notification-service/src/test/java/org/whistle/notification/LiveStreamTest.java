package org.whistle.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.whistle.events.TicketState;
import org.whistle.events.WhistleRouted;

/** Live pages: a unit's stream and a command centre's stream, with the token in the query as EventSource sends it. */
class LiveStreamTest extends NotificationServiceTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private BufferedReader open(String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(uri(path + "?access_token=" + token))
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        readUntil(reader, "connected", Duration.ofSeconds(10));
        return reader;
    }

    /** Reads lines until one contains the text; fails after the timeout. */
    private static String readUntil(BufferedReader reader, String text, Duration timeout) throws Exception {
        var found = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.contains(text)) {
                        return line;
                    }
                }
                throw new IllegalStateException("the stream ended");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return found.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void streamsARoutedEventToTheSummonedUnitWithinASecond() throws Exception {
        var whistle = raise(userReporter("resident-live"));
        var officer = token("officer-live", List.of("DEPARTMENT_OFFICER"), List.of("D"), DEPARTMENT);
        try (var stream = open("/api/notifications/stream", officer)) {
            var summoned = routed(whistle, WhistleRouted.Action.SUMMONED, TicketState.DISPATCHED);
            long published = System.nanoTime();
            publish(summoned);

            var line = readUntil(stream, summoned.id().toString(), Duration.ofSeconds(1));
            assertThat(Duration.ofNanos(System.nanoTime() - published)).isLessThan(Duration.ofSeconds(1));
            assertThat(line).startsWith("data:").contains("\"recipient\":\"unit:" + DEPARTMENT + "\"");
        }
    }

    @Test
    void streamsEveryEventOfItsWhistlesToTheCommandCentre() throws Exception {
        var whistle = raise(userReporter("resident-centre"));
        var dispatcher = token("dispatcher-s1", List.of("STREET_DISPATCHER"), List.of("S1"), STREET_CENTRE);
        try (var stream = open("/api/notifications/stream/centres/" + STREET_CENTRE, dispatcher)) {
            var filed = routed(whistle, WhistleRouted.Action.FILED, TicketState.FILED);
            publish(filed);

            assertThat(readUntil(stream, filed.id().toString(), Duration.ofSeconds(5)))
                    .contains("unit:" + STREET_CENTRE);
        }
    }

    @Test
    void refusesACentreStreamOutsideTheCallersScopeAndAStreamWithoutAToken() throws Exception {
        var otherStreet = token("dispatcher-s2", List.of("STREET_DISPATCHER"), List.of("S2"), OTHER_STREET_CENTRE);
        var refused = http.send(
                HttpRequest.newBuilder(uri(
                                "/api/notifications/stream/centres/" + STREET_CENTRE + "?access_token=" + otherStreet))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(refused.statusCode()).isEqualTo(403);
        var anonymous = http.send(
                HttpRequest.newBuilder(uri("/api/notifications/stream")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("\"type\":\"urn:whistle:problem:unauthorized\"");
    }
}
