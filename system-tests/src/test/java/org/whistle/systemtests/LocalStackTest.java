package org.whistle.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.whistle.localstack.LocalStack;
import org.whistle.localstack.Options;
import org.whistle.localstack.RunningService;
import org.whistle.localstack.Service;

class LocalStackTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dataDir;

    @Test
    void bringsEveryServiceToReadyAndStopsCleanly() throws Exception {
        var options = Options.defaults()
                .withDataDir(dataDir)
                .withServicesDir(Path.of(System.getProperty("whistle.services-dir", "target/services")))
                .withFreePorts();

        List<ProcessHandle> processes;
        try (var stack = LocalStack.start(options)) {
            assertThat(stack.services()).extracting(RunningService::service).containsExactly(Service.values());
            for (var service : stack.services()) {
                var readiness = get(service.readinessUri());
                assertThat(readiness.statusCode()).as(service.name()).isEqualTo(200);
                assertThat(readiness.body()).as(service.name()).contains("\"status\":\"UP\"");

                var metrics = get(service.baseUri().resolve("/actuator/prometheus"));
                assertThat(metrics.statusCode()).as(service.name()).isEqualTo(200);
                assertThat(metrics.body())
                        .as(service.name())
                        .contains("jvm_memory_used_bytes")
                        .contains("application=\"" + service.name() + "\"");
            }
            assertThat(stack.dataDir().resolve("logs/intake-service.log")).isNotEmptyFile();
            processes = stack.services().stream().map(RunningService::process).toList();
        }

        assertThat(processes)
                .allSatisfy(process -> assertThat(process.isAlive())
                        .as("pid %d", process.pid())
                        .isFalse());
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
