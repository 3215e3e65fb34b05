package org.whistle.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.whistle.events.TicketState;
import org.whistle.events.WhistleReported;
import org.whistle.events.WhistleRouted;
import org.whistle.security.streams.StreamTickets;

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

    /** intake's key in the tests' configuration: what intake signs, this service checks (ADR 0059). */
    private static final StreamTickets INTAKE_TICKETS =
            StreamTickets.withKey("dGVzdHMtb25seS1zdHJlYW0tdGlja2V0LWtleS0wMDAwMDAwMA==");

    private static String ticket(Whistle whistle, Duration lifetime) {
        return INTAKE_TICKETS.issue(whistle.id().value(), Instant.now().plus(lifetime));
    }

    private BufferedReader openTracked(Whistle whistle, String ticket) throws Exception {
        var request = HttpRequest.newBuilder(uri("/api/notifications/stream/tracked/" + whistle.id() + "?ticket="
                        + URLEncoder.encode(ticket, StandardCharsets.UTF_8)))
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        readUntil(reader, "connected", Duration.ofSeconds(10));
        return reader;
    }

    private int statusOf(String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(uri(path))
                                .header("Accept", "text/event-stream")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void streamsEachStepToTheAnonymousReporterWithAStreamTicketAndNothingOfAnotherWhistle() {
        var whistle = raise(phoneReporter());
        var another = raise(phoneReporter());
        try (var page = listenWithoutToken("/api/notifications/stream/tracked/" + whistle.id() + "?ticket="
                + URLEncoder.encode(ticket(whistle, Duration.ofMinutes(30)), StandardCharsets.UTF_8))) {
            var otherFiled = routed(another, WhistleRouted.Action.FILED, TicketState.FILED);
            publish(otherFiled);
            var steps = List.of(
                    routed(whistle, WhistleRouted.Action.FILED, TicketState.FILED),
                    routed(whistle, WhistleRouted.Action.SUMMONED, TicketState.DISPATCHED));
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
                            .doesNotContain(DEPARTMENT));
            assertThat(page.about(otherFiled)).isEmpty();
            assertThat(page.notifications())
                    .noneMatch(n -> n.toString().contains(another.id().toString()));
        }
    }

    @Test
    void refusesATicketOfAnotherWhistleAnExpiredOneAForgedOneAndNone() throws Exception {
        var whistle = raise(phoneReporter());
        var another = raise(phoneReporter());
        var path = "/api/notifications/stream/tracked/" + whistle.id() + "?ticket=";

        assertThat(statusOf(path + URLEncoder.encode(ticket(another, Duration.ofMinutes(30)), StandardCharsets.UTF_8)))
                .isEqualTo(403);
        assertThat(statusOf(path + URLEncoder.encode(ticket(whistle, Duration.ofMinutes(-1)), StandardCharsets.UTF_8)))
                .isEqualTo(403);
        var forged = StreamTickets.withKey(java.util.Base64.getEncoder().encodeToString(new byte[32]))
                .issue(whistle.id().value(), Instant.now().plus(Duration.ofMinutes(30)));
        assertThat(statusOf(path + URLEncoder.encode(forged, StandardCharsets.UTF_8)))
                .isEqualTo(403);
        assertThat(statusOf("/api/notifications/stream/tracked/" + whistle.id()))
                .isIn(400, 403);
        var refused = http.send(
                HttpRequest.newBuilder(uri(path + "1.AAAA")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("进度的实时更新已过期或无效");
    }

    @Test
    void boundsTheWhistleStreamsOneCallerOrOneWhistlesTicketsHoldOpen() throws Exception {
        // the tests allow 3 (whistle.notification.live.whistle-streams-per-caller)
        var resident = token("resident-many", List.of("RESIDENT"), List.of(), null);
        var opened = new java.util.ArrayList<BufferedReader>();
        try {
            for (int i = 0; i < 3; i++) {
                opened.add(open("/api/notifications/stream/whistles/" + java.util.UUID.randomUUID(), resident));
            }
            var fourth = http.send(
                    HttpRequest.newBuilder(uri("/api/notifications/stream/whistles/" + java.util.UUID.randomUUID()
                                    + "?access_token=" + resident))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(fourth.statusCode()).isEqualTo(429);
            assertThat(fourth.body()).contains("最多 3 个");
            // another caller is not held to the first one's streams
            opened.add(open(
                    "/api/notifications/stream/whistles/" + java.util.UUID.randomUUID(),
                    token("resident-other", List.of("RESIDENT"), List.of(), null)));

            var whistle = raise(phoneReporter());
            for (int i = 0; i < 3; i++) {
                opened.add(openTracked(whistle, ticket(whistle, Duration.ofMinutes(30))));
            }
            var path = "/api/notifications/stream/tracked/" + whistle.id() + "?ticket="
                    + URLEncoder.encode(ticket(whistle, Duration.ofMinutes(30)), StandardCharsets.UTF_8);
            assertThat(statusOf(path)).isEqualTo(429);

            // closing one lets the next in
            opened.removeLast().close();
            await().atMost(PATIENCE).until(() -> statusOfOpened(path));
        } finally {
            for (var reader : opened) {
                reader.close();
            }
        }
    }

    /** Whether a stream opens at the path now (and closes it again at once). */
    private boolean statusOfOpened(String path) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Accept", "text/event-stream")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode() == 200;
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
