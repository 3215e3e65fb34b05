package org.whistle.systemtests.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.whistle.systemtests.Gateway;
import org.whistle.systemtests.MembersStoryTest;
import org.whistle.systemtests.Platform;
import org.whistle.systemtests.SharedLocalStack;

/**
 * Issue 8's authorisation matrix, through the gateway: every row of {@link AccessTable} for every role, inside and
 * outside its scope, without a token, and with an expired, a forged, an ID and another audience's token — each case a test of its own, all sent in
 * parallel first. The table is checked against the endpoints the services really map, so an endpoint without a row
 * fails here.
 */
@ExtendWith(SharedLocalStack.class)
@ResourceLock(value = MembersStoryTest.ZHAOYUMEI, mode = ResourceAccessMode.READ)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    /** Requests in flight at once: enough to overlap the fixtures' Kafka round trips, few enough for two cores. */
    private static final int PARALLEL = 8;

    private static final Duration STREAM_TIMEOUT = Duration.ofSeconds(10);

    private final List<Row> rows = AccessTable.rows();
    private Platform platform;
    private Fixtures fixtures;

    @BeforeAll
    void fixtures(Platform platform) {
        this.platform = platform;
        this.fixtures = new Fixtures(platform);
    }

    @Test
    void everyEndpointTheServicesMapHasExactlyOneRowAndEveryRowAnEndpoint() {
        var exposed = ExposedEndpoints.of(platform);
        var mapped =
                exposed.stream().map(ExposedEndpoints.Endpoint::key).collect(Collectors.toCollection(TreeSet::new));
        var tabled = rows.stream().map(Row::key).toList();

        assertThat(tabled).as("rows named twice").doesNotHaveDuplicates();
        assertThat(new TreeSet<>(tabled))
                .as("the table's rows against the endpoints the services map (left: table; right: services)")
                .containsExactlyElementsOf(mapped);
        System.out.printf(
                "Authorisation matrix: %d endpoints mapped by %d services, %d rows%n",
                mapped.size(),
                exposed.stream()
                        .map(ExposedEndpoints.Endpoint::service)
                        .distinct()
                        .count(),
                rows.size());
    }

    @Test
    void refusesAnExpiredTokenForItsExpiryAloneAndAForgedOneForItsSignature() {
        var real = fixtures.token(Principal.CITY_DISPATCHER);
        var path = "/api/tickets/overview?area=230200";

        assertThat(platform.gateway()
                        .get(path, BadTokens.resigned(platform, real))
                        .status())
                .as("org-registry's key, the same claims, a later expiry")
                .isEqualTo(200);
        assertThat(platform.gateway()
                        .get(path, BadTokens.expired(platform, real))
                        .status())
                .isEqualTo(401);
        assertThat(platform.gateway().get(path, BadTokens.forged(real)).status())
                .isEqualTo(401);
    }

    @Test
    void refusesAnIdTokenAndAnAccessTokenForAnotherAudience() {
        var real = fixtures.token(Principal.CITY_DISPATCHER);
        var path = "/api/tickets/overview?area=230200";

        assertThat(platform.gateway()
                        .get(path, BadTokens.idToken(platform, real))
                        .status())
                .as("org-registry's key and the person's claims, but an ID token")
                .isEqualTo(401);
        assertThat(platform.gateway()
                        .get(path, BadTokens.otherAudience(platform, real))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void eachColumnIsPlayedByAnAccountHoldingExactlyItsRole() {
        for (var principal : Principal.values()) {
            var roles = platform.accounts().users().stream()
                    .filter(user -> user.username().equals(principal.account))
                    .map(user -> user.roles())
                    .findFirst()
                    .orElseGet(() -> List.of(
                            platform.accounts().client(principal.account).role()));
            assertThat(roles).as(principal.account).containsExactly(principal.name());
        }
    }

    /** One case: who asks, where, what they send, and what they must get. */
    private record Case(
            Row row,
            String name,
            @Nullable Principal principal,
            @Nullable String token,
            Request request,
            int expected) {}

    /** What a case got, or why it could not be made or sent. */
    private record Outcome(
            Row row,
            String name,
            @Nullable Case kase,
            int status,
            String contentType,
            String body,
            @Nullable Throwable failure) {

        static Outcome of(Case kase, int status, String contentType, String body) {
            return new Outcome(kase.row(), kase.name(), kase, status, contentType, body, null);
        }

        static Outcome failed(Row row, String name, Throwable failure) {
            return new Outcome(row, name, null, 0, "", "", failure);
        }
    }

    @TestFactory
    Stream<DynamicNode> everyRoleOnEveryEndpointInsideAndOutsideItsScope() {
        var started = System.nanoTime();
        var executor = Executors.newFixedThreadPool(
                PARALLEL, Thread.ofPlatform().name("matrix-", 0).factory());
        var running = new LinkedHashMap<Row, List<CompletableFuture<Outcome>>>();
        try {
            for (var row : rows) {
                var futures = new ArrayList<CompletableFuture<Outcome>>();
                for (var principal : Principal.values()) {
                    for (var scope : Scope.values()) {
                        var expected = row.expected(principal, scope);
                        if (expected != null) {
                            var name = principal + " " + (scope == Scope.IN ? "inside" : "outside") + " its scope → "
                                    + expected;
                            futures.add(CompletableFuture.supplyAsync(
                                    () -> guarded(
                                            row, name, () -> principalCase(row, principal, scope, expected, name)),
                                    executor));
                        }
                    }
                }
                for (var kind : List.of(
                        "no token", "expired token", "forged token", "ID token", "token for another audience")) {
                    futures.add(CompletableFuture.supplyAsync(
                            () -> guarded(row, kind, () -> tokenCase(row, kind)), executor));
                }
                running.put(row, futures);
            }
            var outcomes = new LinkedHashMap<Row, List<Outcome>>();
            running.forEach((row, futures) -> outcomes.put(
                    row, futures.stream().map(CompletableFuture::join).toList()));
            var cases = outcomes.values().stream().mapToInt(Collection::size).sum();
            System.out.printf(
                    "Authorisation matrix: %d rows × %d principals → %d cases in %d s%n",
                    rows.size(),
                    Principal.values().length,
                    cases,
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
            removeWebhooks(outcomes);
            return outcomes.entrySet().stream()
                    .map(entry -> dynamicContainer(
                            entry.getKey().key(),
                            entry.getValue().stream()
                                    .map(outcome -> dynamicTest(outcome.name(), () -> check(outcome)))));
        } finally {
            executor.shutdown();
        }
    }

    private static Outcome guarded(Row row, String name, java.util.function.Supplier<Outcome> kase) {
        try {
            return kase.get();
        } catch (RuntimeException | AssertionError e) {
            return Outcome.failed(row, name, e);
        }
    }

    private Outcome principalCase(Row row, Principal principal, Scope scope, int expected, String name) {
        var fresh = !row.method().equals("GET") && expected / 100 == 2;
        Request request;
        try {
            request = row.target().make(fixtures, principal, scope, fresh);
        } catch (RuntimeException | AssertionError e) {
            throw new IllegalStateException(row.key() + ", " + name + ": could not make the target", e);
        }
        if (request == null) {
            throw new IllegalStateException(row.key() + ", " + name + ": the table expects a case, but there is no"
                    + " target (use - where the principal has none)");
        }
        var kase = new Case(row, name, principal, fixtures.token(principal), request, expected);
        return send(kase);
    }

    /** A request a city dispatcher may make, sent without a token, or with one that must be refused. */
    private Outcome tokenCase(Row row, String kind) {
        var expected = kind.equals("no token") ? row.anonymous() : row.badToken();
        var fresh = !row.method().equals("GET") && expected / 100 == 2;
        var request = row.target().make(fixtures, Principal.CITY_DISPATCHER, Scope.IN, fresh);
        if (request == null) {
            throw new IllegalStateException(row.key() + ": no request for " + kind);
        }
        var real = fixtures.token(Principal.CITY_DISPATCHER);
        var token = switch (kind) {
            case "expired token" -> BadTokens.expired(platform, real);
            case "forged token" -> BadTokens.forged(real);
            case "ID token" -> BadTokens.idToken(platform, real);
            case "token for another audience" -> BadTokens.otherAudience(platform, real);
            default -> null;
        };
        return send(new Case(row, kind + " → " + expected, null, token, request, expected));
    }

    private Outcome send(Case kase) {
        var request = kase.request();
        var method = kase.row().method().equals("ANY") ? "GET" : kase.row().method();
        if (request.stream()) {
            return stream(kase, method);
        }
        var call = platform.gateway().call(method, request.path()).token(kase.token());
        if (request.body() != null) {
            call.body(java.util.Objects.requireNonNull(request.contentType()), request.body());
        }
        var reply = call.send();
        return Outcome.of(kase, reply.status(), reply.contentType(), reply.body());
    }

    /** A server-sent event stream never ends: its status and headers say whether it was opened. */
    private Outcome stream(Case kase, String method) {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var builder = HttpRequest.newBuilder(
                        platform.gateway().uri(kase.request().path()))
                .timeout(STREAM_TIMEOUT)
                .header("Accept", "text/event-stream")
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (kase.token() != null) {
            builder.header("Authorization", "Bearer " + kase.token());
        }
        try {
            var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            var contentType = response.headers().firstValue("Content-Type").orElse("");
            String body = "";
            try (var in = response.body()) {
                if (!contentType.startsWith("text/event-stream")) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return Outcome.of(kase, response.statusCode(), contentType, body);
        } catch (IOException e) {
            throw new IllegalStateException(kase.row().key() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void check(Outcome outcome) {
        if (outcome.failure() != null) {
            throw new AssertionError(
                    outcome.row().key() + ", " + outcome.name() + ": " + outcome.failure(), outcome.failure());
        }
        var kase = java.util.Objects.requireNonNull(outcome.kase());
        assertThat(outcome.status())
                .as(
                        "%s %s as %s\n%s",
                        kase.row().method(), kase.request().path(), kase.name(), abbreviate(outcome.body()))
                .isEqualTo(kase.expected());
        if (kase.expected() == 401) {
            assertThat(outcome.contentType())
                    .as(
                            "401 to %s %s (%s) is an RFC 9457 problem detail: %s",
                            kase.row().method(), kase.request().path(), kase.name(), abbreviate(outcome.body()))
                    .startsWith("application/problem+json");
            assertThat(Gateway.JSON.readTree(outcome.body()).path("status").asInt())
                    .isEqualTo(401);
        }
        if (kase.expected() / 100 == 2 && kase.request().stream()) {
            assertThat(outcome.contentType()).startsWith("text/event-stream");
        }
    }

    /** Webhooks made by the cases point nowhere; they go again at once, so nothing tries to deliver to them. */
    private void removeWebhooks(Map<Row, List<Outcome>> outcomes) {
        var admin = fixtures.adminToken();
        outcomes.forEach((row, list) -> {
            if (row.key().equals("POST /api/notifications/webhooks")) {
                for (var outcome : list) {
                    if (outcome.status() == 201 && outcome.failure() == null) {
                        var id =
                                Gateway.JSON.readTree(outcome.body()).path("id").asString();
                        platform.gateway()
                                .call("DELETE", "/api/notifications/webhooks/" + id)
                                .token(admin)
                                .send();
                    }
                }
            }
        });
    }

    private static String abbreviate(String body) {
        return body.length() > 500 ? body.substring(0, 500) + "…" : body;
    }
}
