package org.whistle.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.whistle.events.EventEnvelope;
import org.whistle.events.EventHeaders;
import org.whistle.events.Topics;
import org.whistle.events.WhistleId;
import org.whistle.messaging.batches.BatchedEvents;
import org.whistle.messaging.outbox.Outbox;
import org.whistle.messaging.testapp.MessagingTestApplication;
import org.whistle.testing.RealInfrastructure;

/**
 * One raise through the outbox to its consumers is one trace (ADR 0048): the span current when the event is written,
 * the relay's publish span as its child, and each consumer's span — a record listener's (Spring Kafka's observation)
 * and a batch listener's (BatchedEvents) — as the publish span's children; the envelope's trace id is that trace's.
 */
@RealInfrastructure
@SpringBootTest(
        classes = {MessagingTestApplication.class, TracedOutboxTest.Traced.class},
        properties = {
            "management.tracing.sampling.probability=1.0",
            "management.opentelemetry.tracing.export.schedule-delay=50ms",
            "spring.kafka.listener.observation-enabled=true",
            "spring.kafka.template.observation-enabled=true"
        })
class TracedOutboxTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    Outbox outbox;

    @Autowired
    MessagingStore store;

    @Autowired
    Tracer tracer;

    @Autowired
    Traced traced;

    @Test
    void anEventWrittenInATraceReachesItsConsumersInThatTrace() {
        var whistle = WhistleId.newId();
        var raise = tracer.nextSpan().name("raise a whistle").start();
        try (var scope = tracer.withSpan(raise)) {
            store.transactions()
                    .executeWithoutResult(
                            status -> outbox.append(MessagingTestApplication.feedback(whistle, 1, "traced")));
        } finally {
            raise.end();
        }
        var traceId = raise.context().traceId();

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(traced.byRecord).containsKey(whistle.toString());
            assertThat(traced.byBatch).containsKey(whistle.toString());
        });
        var record = traced.byRecord.get(whistle.toString());
        var batch = traced.byBatch.get(whistle.toString());
        assertThat(record.envelopeTraceId()).isEqualTo(traceId);
        assertThat(record.currentTraceId()).isEqualTo(traceId);
        assertThat(batch.envelopeTraceId()).isEqualTo(traceId);
        assertThat(batch.currentTraceId()).isEqualTo(traceId);

        await().atMost(PATIENCE).untilAsserted(() -> {
            var spans = traced.spansOf(traceId);
            var publish = single(spans, SpanKind.PRODUCER);
            assertThat(publish.getName()).isEqualTo(Topics.WHISTLE_FEEDBACK + " publish");
            assertThat(publish.getParentSpanId()).isEqualTo(raise.context().spanId());
            // The record's traceparent names the publish span, so both consumers are its children.
            assertThat(record.traceparent()).contains(publish.getSpanId());
            assertThat(spans.stream().filter(span -> span.getKind() == SpanKind.CONSUMER))
                    .hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(
                            consumer -> assertThat(consumer.getParentSpanId()).isEqualTo(publish.getSpanId()));
        });
    }

    private static SpanData single(List<SpanData> spans, SpanKind kind) {
        var ofKind = spans.stream().filter(span -> span.getKind() == kind).toList();
        assertThat(ofKind).as("%s spans in %s", kind, spans).hasSize(1);
        return ofKind.getFirst();
    }

    record Seen(String envelopeTraceId, String currentTraceId, String traceparent) {}

    @Configuration(proxyBeanMethods = false)
    @Import({Traced.RecordListener.class, Traced.BatchListener.class})
    static class Traced {

        static final String BATCHES = "tracedOutboxTestBatches";

        final Collection<SpanData> exported = new ConcurrentLinkedQueue<>();
        final Map<String, Seen> byRecord = new ConcurrentHashMap<>();
        final Map<String, Seen> byBatch = new ConcurrentHashMap<>();

        List<SpanData> spansOf(String traceId) {
            return exported.stream()
                    .filter(span -> span.getTraceId().equals(traceId))
                    .toList();
        }

        /** What a collector would receive, kept in memory. */
        @Bean
        SpanExporter inMemorySpans() {
            return new SpanExporter() {
                @Override
                public CompletableResultCode export(Collection<SpanData> spans) {
                    exported.addAll(spans);
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode flush() {
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode shutdown() {
                    return CompletableResultCode.ofSuccess();
                }
            };
        }

        @Bean(BATCHES)
        static ConcurrentKafkaListenerContainerFactory<Object, Object> tracedOutboxTestBatches(
                ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
                ConsumerFactory<Object, Object> consumers) {
            return BatchedEvents.containerFactory(configurer, consumers, 10);
        }

        static Seen seen(Tracer tracer, ConsumerRecord<String, ?> record, EventEnvelope<?> event) {
            var span = tracer.currentSpan();
            var header = record.headers().lastHeader(EventHeaders.TRACEPARENT);
            return new Seen(
                    event.traceId(),
                    span == null ? "" : span.context().traceId(),
                    header == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
        }

        @Component
        static class RecordListener {
            private final Traced traced;
            private final Tracer tracer;

            RecordListener(Traced traced, Tracer tracer) {
                this.traced = traced;
                this.tracer = tracer;
            }

            @KafkaListener(topics = Topics.WHISTLE_FEEDBACK, groupId = "traced-outbox-test-records")
            void on(ConsumerRecord<String, EventEnvelope<?>> record) {
                traced.byRecord.put(record.key(), seen(tracer, record, record.value()));
            }
        }

        @Component
        static class BatchListener extends BatchedEvents {
            private final Traced traced;
            private final Tracer tracer;

            BatchListener(PlatformTransactionManager transactions, Traced traced, Tracer tracer) {
                super(transactions);
                this.traced = traced;
                this.tracer = tracer;
            }

            @KafkaListener(
                    topics = Topics.WHISTLE_FEEDBACK,
                    groupId = "traced-outbox-test-batches",
                    containerFactory = BATCHES)
            void on(List<ConsumerRecord<String, EventEnvelope<?>>> records) {
                for (var record : records) {
                    handle(List.of(record), event -> traced.byBatch.put(record.key(), seen(tracer, record, event)));
                }
            }
        }
    }
}
