package org.whistle.sla.clocks;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.whistle.events.EventCodec;
import org.whistle.events.EventEnvelope;
import org.whistle.events.EventHeaders;
import org.whistle.events.Topics;
import org.whistle.events.WhistleEscalated;
import org.whistle.events.WhistleRaised;
import org.whistle.events.kafka.EnvelopeDeserializer;
import org.whistle.sla.clocks.domain.TicketClocks;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A clock's warning and escalation continue the trace of the event that started the clock (ADR 0054): the processor's
 * span continues the record's trace, the sheet keeps that span's {@code traceparent} and the escalation's publish span
 * is its child. A sheet stored before causes were kept still fires,
 * in a trace of its own.
 */
class ClockTracingTest {

    private static final Instant START = Instant.parse("2026-05-21T08:00:00Z");
    private static final String CAUSE_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CAUSE_SPAN = "00f067aa0ba902b7";

    @TempDir
    Path stateDir;

    private final MutableClock clock = new MutableClock(START);
    private final Collection<SpanData> exported = new ConcurrentLinkedQueue<>();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .setSampler(Sampler.parentBased(Sampler.alwaysOn()))
            .addSpanProcessor(SimpleSpanProcessor.create(new SpanExporter() {
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
            }))
            .build();
    private TopologyTestDriver driver;

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
        provider.close();
    }

    @Test
    void anEscalationIsPublishedInTheTraceOfTheEventThatStartedItsClock() {
        start(traced());
        var ticket = new Tickets(clock, Tickets.POTHOLE);
        send(ticket.raised(), "00-" + CAUSE_TRACE + "-" + CAUSE_SPAN + "-01");

        assertThat(driver.<String, TicketClocks>getKeyValueStore(ClockStores.SHEETS)
                        .get(ticket.id())
                        .clocks())
                .as("kept in the stored sheet (read back through its serde), so a restart keeps it too")
                .singleElement()
                .satisfies(started -> assertThat(started.cause()).startsWith("00-" + CAUSE_TRACE + "-"));

        advance(Duration.ofMinutes(10));

        var fired = escalated();
        assertThat(fired).hasSize(2); // the warning at 80 % and the escalation
        var process = single(SpanKind.CONSUMER);
        assertThat(process.getName()).isEqualTo(Topics.WHISTLE_RAISED + " process");
        assertThat(process.getTraceId()).isEqualTo(CAUSE_TRACE);
        assertThat(process.getParentSpanId()).isEqualTo(CAUSE_SPAN);
        var publishes = ofKind(SpanKind.PRODUCER);
        assertThat(publishes).hasSize(2).allSatisfy(publish -> {
            assertThat(publish.getName()).isEqualTo(Topics.WHISTLE_ESCALATED + " publish");
            assertThat(publish.getTraceId()).isEqualTo(CAUSE_TRACE);
            assertThat(publish.getParentSpanId())
                    .as("a child of sla's span that applied the raise")
                    .isEqualTo(process.getSpanId());
        });
        for (var record : fired) {
            assertThat(record.value().traceId()).isEqualTo(CAUSE_TRACE);
            var traceparent = header(record, EventHeaders.TRACEPARENT);
            assertThat(traceparent)
                    .as("the record names its publish span, so consumers continue from it")
                    .startsWith("00-" + CAUSE_TRACE + "-")
                    .satisfies(value -> assertThat(publishes)
                            .anySatisfy(span -> assertThat(value).contains(span.getSpanId())));
            assertThat(record.headers().headers(EventHeaders.TRACEPARENT)).hasSize(1);
        }
    }

    @Test
    void withoutATracerTheEscalationStillCarriesTheCausesTraceId() {
        start(ClockTracing.NONE);
        var ticket = new Tickets(clock, Tickets.POTHOLE);
        send(ticket.raised(), "00-" + CAUSE_TRACE + "-" + CAUSE_SPAN + "-01");

        advance(Duration.ofMinutes(10));

        assertThat(escalated()).hasSize(2).allSatisfy(record -> {
            assertThat(record.value().traceId()).isEqualTo(CAUSE_TRACE);
            assertThat(header(record, EventHeaders.TRACEPARENT)).startsWith("00-" + CAUSE_TRACE + "-");
        });
    }

    @Test
    void aSheetStoredBeforeCausesWereKeptStillFiresInATraceOfItsOwn() {
        var ticket = new Tickets(clock, Tickets.POTHOLE);
        var deadlines = new OrgReferenceDeadlines(Tickets.policies(clock), 1, Duration.ofDays(7));
        var sheet = TicketClocks.of(ticket.id());
        sheet.causedBy("00-" + CAUSE_TRACE + "-" + CAUSE_SPAN + "-01");
        sheet.raised((WhistleRaised) ticket.raised().data(), deadlines);
        var serde = new SheetSerde();
        var json = (ObjectNode) JsonMapper.shared().readTree(serde.serializer().serialize("", sheet));
        assertThat(json.toString())
                .as("the cause is stored with the clock, not the sheet's transient one")
                .contains(CAUSE_TRACE)
                .doesNotContain("applying");
        json.withArray("clocks").forEach(clockNode -> ((ObjectNode) clockNode).remove("cause"));
        var legacy = serde.deserializer().deserialize("", JsonMapper.shared().writeValueAsBytes(json));
        assertThat(legacy.clocks()).allSatisfy(old -> assertThat(old.cause()).isNull());

        start(traced());
        driver.<String, TicketClocks>getKeyValueStore(ClockStores.SHEETS).put(ticket.id(), legacy);
        driver.<String, String>getKeyValueStore(ClockStores.DUE)
                .put(DueKey.of(legacy.timers().iterator().next()), ticket.id());
        advance(Duration.ofMinutes(10));

        var fired = escalated();
        assertThat(fired).isNotEmpty().allSatisfy(record -> {
            assertThat(record.value().traceId()).isNotEqualTo(CAUSE_TRACE).hasSize(32);
            assertThat(header(record, EventHeaders.TRACEPARENT))
                    .contains(record.value().traceId());
        });
        assertThat(ofKind(SpanKind.PRODUCER))
                .isNotEmpty()
                .allSatisfy(publish -> assertThat(publish.getParentSpanContext().isValid())
                        .as("a root: nothing to continue")
                        .isFalse());
    }

    private ClockTracing traced() {
        var otel = provider.get("sla-service-test");
        var propagators = ContextPropagators.create(W3CTraceContextPropagator.getInstance());
        var tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> {});
        return ClockTracing.of(tracer, new OtelPropagator(propagators, otel));
    }

    private void start(ClockTracing tracing) {
        var deadlines = new OrgReferenceDeadlines(Tickets.policies(clock), 1, Duration.ofDays(7));
        var topology = ClockTopology.build(
                deadlines,
                clock,
                Duration.ofSeconds(1),
                ClockTopology.DEFAULT_FIRING_SLICE,
                ClockObserver.NONE,
                tracing);
        var config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "sla-service");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(topology, config, clock.instant());
    }

    private void send(EventEnvelope<?> envelope, String traceparent) {
        TestInputTopic<String, byte[]> input =
                driver.createInputTopic(envelope.topic(), new StringSerializer(), new ByteArraySerializer());
        var headers = new RecordHeaders();
        headers.add(EventHeaders.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        input.pipeInput(
                new TestRecord<>(envelope.key(), EventCodec.instance().encode(envelope), headers, clock.instant()));
    }

    private void advance(Duration by) {
        // In steps, so the warning and the escalation fire at separate punctuations as they would live.
        for (var minute = 0; minute < by.toMinutes(); minute++) {
            clock.advance(Duration.ofMinutes(1));
            driver.advanceWallClockTime(Duration.ofMinutes(1));
        }
    }

    private List<TestRecord<String, EventEnvelope<?>>> escalated() {
        return driver
                .createOutputTopic(Topics.WHISTLE_ESCALATED, new StringDeserializer(), new EnvelopeDeserializer())
                .readRecordsToList()
                .stream()
                .filter(record -> record.value().data() instanceof WhistleEscalated)
                .toList();
    }

    private List<SpanData> ofKind(SpanKind kind) {
        return exported.stream().filter(span -> span.getKind() == kind).toList();
    }

    private SpanData single(SpanKind kind) {
        var spans = ofKind(kind);
        assertThat(spans).as("%s spans in %s", kind, exported).hasSize(1);
        return spans.getFirst();
    }

    private static String header(TestRecord<String, EventEnvelope<?>> record, String key) {
        var header = record.headers().lastHeader(key);
        assertThat(header).as(key).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
