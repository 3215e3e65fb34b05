package org.whistle.servicedefaults;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** What tracing every service gets from the defaults (ADR 0048), in a real application context. */
@ExtendWith(OutputCaptureExtension.class)
class TracingDefaultsTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Service {}

    @Test
    void everyLogLineCarriesTheTraceAndSpanIdsAndNothingIsRecordedWithoutAnExporter(CapturedOutput output) {
        try (var context = start()) {
            var tracer = context.getBean(Tracer.class);
            var span = tracer.nextSpan().name("probe").start();
            // Export off: the span is not sampled — ids only, no span data kept.
            assertThat(span.isNoop()).as("recorded").isTrue();
            try (var scope = tracer.withSpan(span)) {
                LoggerFactory.getLogger(TracingDefaultsTest.class).info("a line written inside a span");
            } finally {
                span.end();
            }

            var ids = span.context();
            assertThat(ids.traceId()).matches("[0-9a-f]{32}");
            assertThat(output.getOut())
                    .containsPattern(Pattern.quote(ids.traceId()) + ".*" + Pattern.quote(ids.spanId())
                            + ".*a line written inside a span");
            // Readable text unless the deployment asks for structured logs.
            assertThat(output.getOut().lines().filter(line -> line.contains("a line written inside a span")))
                    .noneMatch(line -> line.startsWith("{"));
            assertThat(context.getBeansOfType(SpanExporter.class)).isEmpty();
        }
    }

    @Test
    void exportsOverOtlpOnceTheDeploymentTurnsItOn() {
        try (var context = start(
                "management.tracing.export.otlp.enabled=true",
                "management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:4318/v1/traces",
                "management.tracing.sampling.probability=1.0")) {
            assertThat(context.getBeansOfType(SpanExporter.class)).isNotEmpty();
            var tracer = context.getBean(Tracer.class);
            var span = tracer.nextSpan().name("probe").start();
            assertThat(span.isNoop()).as("recorded").isFalse();
            span.abandon();
        }
    }

    @Test
    void containersWriteStructuredJsonWithTheIds(CapturedOutput output) {
        try (var context = start("logging.structured.format.console=ecs")) {
            var tracer = context.getBean(Tracer.class);
            var span = tracer.nextSpan().name("probe").start();
            try (var scope = tracer.withSpan(span)) {
                LoggerFactory.getLogger(TracingDefaultsTest.class).info("a structured line");
            } finally {
                span.end();
            }

            var line = output.getOut()
                    .lines()
                    .filter(it -> it.contains("a structured line"))
                    .findFirst()
                    .orElseThrow();
            assertThat(line).startsWith("{").contains("\"" + span.context().traceId() + "\"");
        }
    }

    /** A service started with these settings as the environment would give them (above the defaults). */
    private static ConfigurableApplicationContext start(String... settings) {
        var arguments = java.util.Arrays.stream(settings).map(it -> "--" + it).toArray(String[]::new);
        return new SpringApplicationBuilder(Service.class)
                .web(WebApplicationType.NONE)
                .properties("spring.application.name=probe", "spring.main.banner-mode=off")
                .run(arguments);
    }
}
