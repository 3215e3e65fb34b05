package org.whistle.notification.textmessages;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.concurrent.Callable;
import org.springframework.web.client.RestClient;

/** A RestClient.Builder observed as Boot's is (client spans, W3C propagation), and a span to call it in. */
final class TracedClients implements AutoCloseable {

    private final SdkTracerProvider provider = SdkTracerProvider.builder().build();
    private final OtelTracer tracer =
            new OtelTracer(provider.get("notification-test"), new OtelCurrentTraceContext(), event -> {});
    private final ObservationRegistry registry = ObservationRegistry.create();

    TracedClients() {
        var propagator = new OtelPropagator(
                ContextPropagators.create(W3CTraceContextPropagator.getInstance()), provider.get("notification-test"));
        registry.observationConfig()
                .observationHandler(new PropagatingSenderTracingObservationHandler<>(tracer, propagator))
                .observationHandler(new DefaultTracingObservationHandler(tracer));
    }

    RestClient.Builder builder() {
        return RestClient.builder().observationRegistry(registry);
    }

    /** Runs the call inside a span (a delivery being made); returns that span, ended. */
    Span within(Callable<?> call) throws Exception {
        var span = tracer.nextSpan().name("deliver").start();
        try (var scope = tracer.withSpan(span)) {
            call.call();
        } finally {
            span.end();
        }
        return span;
    }

    @Override
    public void close() {
        provider.close();
    }
}
