package org.whistle.testing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operational contract of every service — liveness and readiness probes, Prometheus metrics tagged with the
 * service's name, the SBOM of what it runs, nothing else of Actuator exposed — as tests. A service's test class extends it and is a
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}.
 */
public abstract class ServiceContract {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    private int port;

    @Value("${spring.application.name}")
    private String applicationName;

    @Test
    void reportsLive() throws Exception {
        assertThat(health("/actuator/health/liveness").at("/status").asString()).isEqualTo("UP");
    }

    @Test
    void reportsReady() throws Exception {
        assertThat(health("/actuator/health/readiness").at("/status").asString())
                .isEqualTo("UP");
    }

    @Test
    void exposesPrometheusMetricsTaggedWithItsName() throws Exception {
        var metrics = get("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type"))
                .hasValueSatisfying(
                        type -> assertThat(type).containsAnyOf("text/plain", "application/openmetrics-text"));
        assertThat(metrics.body())
                .contains("jvm_memory_used_bytes")
                .contains("application=\"" + applicationName + "\"");
    }

    @Test
    void publishesTheSoftwareBillOfMaterialsOfWhatItRuns() throws Exception {
        // cyclonedx-maven-plugin only runs with Maven online; an offline build (-o) makes no SBOM to serve.
        assumeTrue(
                getClass().getResource("/META-INF/sbom/application.cdx.json") != null,
                "the build made no SBOM (Maven offline)");
        var answer = get("/actuator/sbom/application");

        assertThat(answer.statusCode()).isEqualTo(200);
        var bom = JsonMapper.shared().readTree(answer.body());
        assertThat(bom.at("/bomFormat").asString()).isEqualTo("CycloneDX");
        var components = new ArrayList<String>();
        bom.at("/components")
                .forEach(component -> components.add(component.at("/group").asString() + ":"
                        + component.at("/name").asString()));
        assertThat(components).contains("org.springframework.boot:spring-boot", "org.whistle:service-defaults");
    }

    @Test
    void exposesNoActuatorEndpointBeyondHealthInfoPrometheusAndSbom() throws Exception {
        assertThat(get("/actuator/env").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/beans").statusCode()).isEqualTo(404);
    }

    /** A GET against the running service, bounded so that a hang fails the test instead of stalling the build. */
    protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A health endpoint's document, once it answers 200. Readiness rightly answers 503 until the service's copy of the
     * organisation has caught up with the org topics, which a busy machine can take seconds after the context starts.
     */
    protected JsonNode health(String path) {
        var response = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> get(path), answer -> answer.statusCode() == 200);
        return JsonMapper.shared().readTree(response.body());
    }
}
