package org.whistle.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.whistle.events.TicketState;
import org.whistle.events.WhistleRouted;
import org.whistle.notification.webhooks.domain.WebhookSignature;

/**
 * The example receivers department systems start from ({@code docs/examples/webhook-receiver}, Java and Python), run
 * as the programs they are, against real deliveries from this service: a signed delivery is accepted once, a
 * redelivery acknowledged without being handled again, a forged signature and a replayed (stale) timestamp refused.
 */
class ExampleReceiversTest extends NotificationServiceTest {

    private static final String SECRET = "the-water-bureau's-example-secret";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private Process receiver;

    @AfterEach
    void stopReceiver() throws InterruptedException {
        if (receiver != null) {
            receiver.destroy();
            receiver.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"WebhookReceiver.java", "webhook_receiver.py"})
    void acceptsARealDeliveryOnceAndRefusesForgeriesAndReplays(String example) throws Exception {
        var url = start(example) + "/hook";
        var officer = token("officer-example", List.of("DEPARTMENT_OFFICER"), List.of("D"), DEPARTMENT);
        var created = post(
                "/api/notifications/webhooks",
                officer,
                "{\"url\":\"" + url + "\",\"secret\":\"" + SECRET + "\",\"eventTypes\":[\"whistle-routed\"]}");
        assertThat(created.statusCode()).isEqualTo(201);
        var subscription = json(created).get("id").asString();
        try {
            var summoned = routed(
                    raise(userReporter("resident-example-" + example)),
                    WhistleRouted.Action.SUMMONED,
                    TicketState.DISPATCHED);
            publish(summoned);

            await().atMost(PATIENCE).until(() -> lines.contains("accepted " + summoned.id() + " whistle-routed"));

            var body = "{\"id\":\"" + summoned.id() + "\",\"type\":\"whistle-routed\"}";
            long now = clock.instant().getEpochSecond();
            assertThat(send(url, summoned.id().toString(), now, WebhookSignature.sign(SECRET, now, body), body))
                    .isEqualTo(204);
            assertThat(send(url, "forged", now, WebhookSignature.sign("not-the-secret", now, body), body))
                    .isEqualTo(401);
            long stale = java.time.Instant.now().getEpochSecond() - 600;
            assertThat(send(url, "replayed", stale, WebhookSignature.sign(SECRET, stale, body), body))
                    .isEqualTo(401);
            await().atMost(PATIENCE)
                    .until(() -> lines.containsAll(
                            List.of("duplicate " + summoned.id(), "refused bad signature", "refused stale timestamp")));
            assertThat(lines).filteredOn(line -> line.startsWith("accepted ")).hasSize(1);
        } finally {
            CLIENT.send(
                    HttpRequest.newBuilder(uri("/api/notifications/webhooks/" + subscription))
                            .header("Authorization", "Bearer " + officer)
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    /** Starts the example on a free port and answers its base URL once it listens. */
    private String start(String example) throws IOException {
        var source = examples().resolve(example);
        var command = example.endsWith(".py")
                ? List.of("python3", source.toString(), "0", SECRET)
                : List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        source.toString(),
                        "0",
                        SECRET);
        try {
            receiver = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("cannot run " + command.getFirst() + ": " + e.getMessage());
        }
        var output = new BufferedReader(new InputStreamReader(receiver.getInputStream(), StandardCharsets.UTF_8));
        Thread.ofVirtual().start(() -> output.lines().forEach(lines::add));
        var listening = await().atMost(PATIENCE)
                .until(
                        () -> lines.stream()
                                .filter(line -> line.startsWith("listening on "))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        return "http://127.0.0.1:"
                + listening.substring("listening on ".length()).trim();
    }

    private static int send(String url, String eventId, long timestamp, String signature, String body)
            throws IOException, InterruptedException {
        return CLIENT.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                                .header(WebhookSignature.SIGNATURE_HEADER, signature)
                                .header(WebhookSignature.EVENT_ID_HEADER, eventId)
                                .header(WebhookSignature.EVENT_TYPE_HEADER, "whistle-routed")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static Path examples() {
        var directory = Path.of("").toAbsolutePath();
        while (!Files.exists(directory.resolve("mvnw"))) {
            directory = directory.getParent();
        }
        return directory.resolve("docs/examples/webhook-receiver");
    }
}
