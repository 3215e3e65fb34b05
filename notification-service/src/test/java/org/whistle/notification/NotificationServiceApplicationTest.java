package org.whistle.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.whistle.testing.RealInfrastructure;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class NotificationServiceApplicationTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void reportsReadyOnceItsDatabaseIsReachable() throws Exception {
        var readiness = get("/actuator/health/readiness");

        assertThat(readiness.statusCode()).isEqualTo(200);
        var health = JsonMapper.shared().readTree(readiness.body());
        assertThat(health.at("/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asString()).isEqualTo("UP");
    }

    @Test
    void migratesItsDatabaseAtStartup() {
        var history = jdbc.sql("SELECT to_regclass('flyway_schema_history') IS NOT NULL")
                .query(Boolean.class)
                .single();
        var failedMigrations = jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE NOT success")
                .query(Long.class)
                .single();

        assertThat(history).isTrue();
        assertThat(failedMigrations).isZero();
    }

    @Test
    void reportsLive() throws Exception {
        var liveness = get("/actuator/health/liveness");

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(JsonMapper.shared().readTree(liveness.body()).at("/status").asString())
                .isEqualTo("UP");
    }

    @Test
    void exposesPrometheusMetricsTaggedWithTheApplication() throws Exception {
        var metrics = get("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type"))
                .hasValueSatisfying(
                        type -> assertThat(type).containsAnyOf("text/plain", "application/openmetrics-text"));
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("application=\"notification-service\"");
    }

    @Test
    void exposesNoActuatorEndpointBeyondHealthInfoAndPrometheus() throws Exception {
        assertThat(get("/actuator/env").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/beans").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
