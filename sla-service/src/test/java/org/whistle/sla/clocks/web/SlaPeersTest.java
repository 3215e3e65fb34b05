package org.whistle.sla.clocks.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

/**
 * A call to another SLA instance carries the trace of the request being answered (ADR 0054): built from a
 * {@link RestClient.Builder} with the observation registry, as Boot's is, it sends a {@code traceparent} naming a
 * client span in the caller's trace.
 */
class SlaPeersTest {

    private final SdkTracerProvider provider = SdkTracerProvider.builder().build();
    private final OtelTracer tracer =
            new OtelTracer(provider.get("sla-peers-test"), new OtelCurrentTraceContext(), event -> {});
    private final AtomicReference<String> traceparent = new AtomicReference<>();
    private HttpServer peer;

    @BeforeEach
    void peer() throws IOException {
        peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        peer.createContext("/api/sla/tickets/", exchange -> {
            traceparent.set(exchange.getRequestHeaders().getFirst("traceparent"));
            var body = "held here".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        peer.start();
    }

    @AfterEach
    void stop() {
        peer.stop(0);
        provider.close();
    }

    @Test
    void aPeerCallSendsTheTraceOfTheRequestBeingAnswered() {
        var registry = ObservationRegistry.create();
        var propagator = new OtelPropagator(
                ContextPropagators.create(W3CTraceContextPropagator.getInstance()), provider.get("sla-peers-test"));
        registry.observationConfig()
                .observationHandler(new PropagatingSenderTracingObservationHandler<>(tracer, propagator))
                .observationHandler(new DefaultTracingObservationHandler(tracer));
        var peers = new SlaPeers(RestClient.builder().observationRegistry(registry));
        var request = tracer.nextSpan().name("GET /api/sla/tickets/{id}").start();

        String answer;
        try (var scope = tracer.withSpan(request)) {
            answer = peers.ask(
                            new HostInfo("127.0.0.1", peer.getAddress().getPort()),
                            "/api/sla/tickets/t-1",
                            "Bearer caller",
                            new ParameterizedTypeReference<String>() {})
                    .orElseThrow();
        } finally {
            request.end();
        }

        assertThat(answer).isEqualTo("held here");
        assertThat(traceparent.get())
                .as("the peer continues the caller's trace")
                .isNotNull()
                .startsWith("00-" + request.context().traceId() + "-")
                .doesNotContain(request.context().spanId());
    }
}
