package org.whistle.systemtests.access;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.whistle.localstack.Service;
import org.whistle.systemtests.Gateway;
import org.whistle.systemtests.Platform;
import tools.jackson.databind.JsonNode;

/**
 * The endpoints each running service really maps, as Spring reports them on its Actuator {@code mappings} endpoint:
 * every handler method of Whistle's own code (and any functional route), with its methods, path pattern and the media
 * types it consumes. Framework handlers — Actuator, the error page, the OpenAPI description, static resources — are
 * not endpoints of ours and are left out.
 *
 * <p>The {@code mappings} endpoint is exposed only in the stacks the system tests start (their pom sets
 * {@code MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE}, which the services inherit): there the services answer on loopback
 * only and live for one test run. No deployment exposes it.
 */
final class ExposedEndpoints {

    /** One mapped endpoint; {@code ANY} when the mapping names no method. */
    record Endpoint(String service, String method, String path, List<String> consumes) {
        String key() {
            return method + " " + path + (consumes.isEmpty() ? "" : " " + consumes);
        }
    }

    private ExposedEndpoints() {}

    static List<Endpoint> of(Platform platform) {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var endpoints = new ArrayList<Endpoint>();
        for (var service : Service.values()) {
            // Actuator answers on the management port, which for the gateway is not its public one.
            var uri = platform.stack().service(service).managementUri().resolve("/actuator/mappings");
            HttpResponse<String> response;
            try {
                response = http.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException("cannot read " + uri, e);
            }
            if (response.statusCode() != 200) {
                throw new AssertionError(uri + " answered " + response.statusCode()
                        + ": the system tests' pom exposes the mappings endpoint"
                        + " (MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE)");
            }
            collect(service.module(), Gateway.JSON.readTree(response.body()), endpoints);
        }
        return endpoints;
    }

    private static void collect(String service, JsonNode root, List<Endpoint> endpoints) {
        for (var context : root.path("contexts").values()) {
            var mappings = context.path("mappings");
            for (var kind : List.of("dispatcherServlets", "dispatcherHandlers")) {
                for (var handlers : mappings.path(kind).values()) {
                    for (var mapping : handlers.values()) {
                        add(service, mapping.path("details"), endpoints);
                    }
                }
            }
        }
    }

    private static void add(String service, JsonNode details, List<Endpoint> endpoints) {
        var ours = details.path("handlerMethod").path("className").asString("").startsWith("org.whistle.")
                || details.has("handlerFunction");
        if (!ours) {
            return;
        }
        var conditions = details.path("requestMappingConditions");
        var methods = texts(conditions.path("methods"));
        var consumes = StreamSupport.stream(conditions.path("consumes").values().spliterator(), false)
                .filter(media -> !media.path("negated").asBoolean(false))
                .map(media -> media.path("mediaType").asString())
                .sorted()
                .toList();
        for (var pattern : texts(conditions.path("patterns"))) {
            for (var method : methods.isEmpty() ? List.of("ANY") : methods) {
                endpoints.add(new Endpoint(service, method, pattern, consumes));
            }
        }
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.values().spliterator(), false)
                .map(JsonNode::asString)
                .toList();
    }
}
