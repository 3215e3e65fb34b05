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
import org.whistle.events.WhistleReported;
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

            var line = readUntil(stream, "\"eventId\":\"" + summoned.id() + "\"", Duration.ofSeconds(1));
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

            assertThat(readUntil(stream, "\"eventId\":\"" + filed.id() + "\"", Duration.ofSeconds(5)))
                    .contains("unit:" + STREET_CENTRE);
        }
    }

    @Test
    void streamsEachStepOfTheReportersOwnWhistleToItsProgressPageAndNothingElse() {
        var whistle = raise(userReporter("resident-progress"));
        var otherOfTheirs = raise(userReporter("resident-progress"));
        var resident = token("resident-progress", List.of("RESIDENT"), List.of(), null);
        var stranger = token("resident-stranger", List.of("RESIDENT"), List.of(), null);
        try (var page = listen("/api/notifications/stream/whistles/" + whistle.id(), resident);
                var otherPage = listen("/api/notifications/stream/whistles/" + otherOfTheirs.id(), resident);
                var strangers = listen("/api/notifications/stream/whistles/" + whistle.id(), stranger)) {
            var otherFiled = routed(otherOfTheirs, WhistleRouted.Action.FILED, TicketState.FILED);
            publish(otherFiled);
            otherPage.awaitAbout(otherFiled);
            // four routine steps in a row: more than the quiet rules let through to a reporter in an hour
            var steps = List.of(
                    routed(whistle, WhistleRouted.Action.FILED, TicketState.FILED),
                    routed(whistle, WhistleRouted.Action.SUMMONED, TicketState.DISPATCHED),
                    reported(whistle, WhistleReported.Report.DONE, true),
                    closed(whistle));
            steps.forEach(NotificationServiceTest::publish);

            steps.forEach(step -> assertThat(page.awaitAbout(step)).hasSize(1));
            // the raise's own update may have come after the page opened; every other one is a step above
            assertThat(page.notifications())
                    .filteredOn(n -> !n.path("eventType").asString().equals("whistle-raised"))
                    .hasSize(steps.size())
                    .allSatisfy(n -> assertThat(n.toString())
                            .contains("\"whistleId\":\"" + whistle.id() + "\"")
                            .contains("\"title\":\"您的哨情有新进展\"")
                            .doesNotContain(whistle.trackingCode())
                            .doesNotContain("T-")
                            .doesNotContain(DEPARTMENT));
            assertThat(page.notifications())
                    .noneMatch(n -> n.toString().contains(otherOfTheirs.id().toString()));
            // The stranger's stream of the same whistle, open all along, is addressed to the stranger: nothing came
            // to it by two heartbeats after the last step reached the reporter's page.
            strangers.awaitTwoHeartbeats();
            assertThat(strangers.notifications()).isEmpty();
        }
    }

    @Test
    void pushesALiveUpdateWithoutWritingItToTheDeliveryLog() {
        var whistle = raise(userReporter("resident-unlogged"));
        var officer = token("officer-unlogged", List.of("DEPARTMENT_OFFICER"), List.of("D"), DEPARTMENT);
        try (var stream = listen("/api/notifications/stream", officer)) {
            var summoned = routed(whistle, WhistleRouted.Action.SUMMONED, TicketState.DISPATCHED);
            publish(summoned);

            assertThat(stream.awaitAbout(summoned))
                    .singleElement()
                    .satisfies(n -> assertThat(n.path("recipient").asString()).isEqualTo("unit:" + DEPARTMENT));
            // the event's messages are in the log (the unit's inbox); its live updates are not (ADR 0056)
            assertThat(settledDeliveries(summoned))
                    .extracting(Row::channel)
                    .contains("INBOX")
                    .doesNotContain("SSE");
        }
    }

    @Test
    void pushesARedeliveredEventOnce() {
        var whistle = raise(userReporter("resident-pushed-once"));
        var dispatcher = token("dispatcher-once", List.of("STREET_DISPATCHER"), List.of("S1"), STREET_CENTRE);
        try (var centre = listen("/api/notifications/stream/centres/" + STREET_CENTRE, dispatcher)) {
            var summoned = routed(whistle, WhistleRouted.Action.SUMMONED, TicketState.DISPATCHED);
            publish(summoned);
            publish(summoned);
            var later = routed(whistle, WhistleRouted.Action.RESUMED, TicketState.IN_PROGRESS);
            publish(later);

            centre.awaitAbout(summoned);
            centre.awaitAbout(later);
            centre.awaitTwoHeartbeats();
            assertThat(centre.about(summoned)).hasSize(1);
            assertThat(centre.about(later)).hasSize(1);
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
