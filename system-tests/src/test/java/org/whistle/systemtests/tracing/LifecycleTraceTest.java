package org.whistle.systemtests.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.whistle.systemtests.Casework;
import org.whistle.systemtests.Place;
import org.whistle.systemtests.Platform;
import org.whistle.systemtests.tracing.OtlpReceiver.Kind;
import org.whistle.systemtests.tracing.OtlpReceiver.ReceivedSpan;

/**
 * Issue 24's "a trace of one lifecycle shows every hop", on a platform of its own that exports every span over OTLP to
 * a receiver in this test (the shared stack keeps export off and sampling 0). One whistle goes raise → accept → summon
 * → report in → done → verify → close → feedback through the gateway. Each step is a request of its own, so each is a
 * trace of its own, and each such trace crosses every hop its event takes:
 * <ul>
 *   <li>the raise's trace holds the gateway's server span, intake's server span (a child of the gateway's client
 *       span), the outbox relay's {@code whistle-raised publish} span and the consume spans of dispatch, sla and
 *       evaluation (and members), each a child of that publish span — the Kafka hop's parent link;
 *   <li>a command centre's step (accept, summon …) holds the gateway's and dispatch's server spans, dispatch's relay
 *       publishing {@code whistle-routed}, and the consume spans of notification (which consumes no
 *       {@code whistle-raised}, so it is never in the raise's trace), sla and evaluation, children of that publish.
 * </ul>
 *
 * <p>Not shown here: a clock's escalation (the demo's clocks do not fire within a test); that it continues the trace of
 * the event that started its clock is sla-service's {@code ClockTracingTest} (ADR 0054).
 */
class LifecycleTraceTest {

    private static final Duration EXPORTED = Duration.ofSeconds(120);
    private static final Set<String> CONSUMERS_OF_THE_RAISE =
            Set.of("dispatch-service", "sla-service", "evaluation-service");
    private static final Set<String> CONSUMERS_OF_A_ROUTING =
            Set.of("notification-service", "sla-service", "evaluation-service");

    private static OtlpReceiver receiver;
    private static Platform platform;

    @BeforeAll
    static void tracedPlatform() {
        receiver = OtlpReceiver.start();
        platform = Platform.start(dataDir -> {
            try {
                var config = Files.createDirectories(dataDir.resolve("config"));
                Files.writeString(config.resolve("application.properties"), """
                        management.tracing.sampling.probability=1.0
                        management.tracing.export.otlp.enabled=true
                        management.opentelemetry.tracing.export.otlp.endpoint=%s
                        management.opentelemetry.tracing.export.schedule-delay=200ms
                        """.formatted(receiver.endpoint()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void theRaisesTraceShowsEveryHopWithItsParentLinks() {
        var casework = new Casework(platform);
        var ticket = casework.prepare(Place.CROSSING, Casework.Level.STREET, Casework.Stage.CLOSED);
        platform.gateway()
                .call("POST", "/api/whistles/" + ticket.whistleId() + "/feedback")
                .token(casework.token(Casework.OBSERVER))
                .json("{\"rating\":\"SATISFIED\",\"resolved\":true,\"comment\":\"系统测试：处理及时\"}")
                .send()
                .expect(201);

        await().atMost(EXPORTED).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(traces("intake-service", "whistle-raised publish"))
                    .as("the raise's trace with every hop; traces received:%n%s", summary())
                    .anySatisfy(trace ->
                            showsEveryHop(trace, "intake-service", "whistle-raised publish", CONSUMERS_OF_THE_RAISE));
            assertThat(traces("dispatch-service", "whistle-routed publish"))
                    .as("a command centre's step with every hop; traces received:%n%s", summary())
                    .anySatisfy(trace ->
                            showsEveryHop(trace, "dispatch-service", "whistle-routed publish", CONSUMERS_OF_A_ROUTING));
        });
    }

    /**
     * The gateway's server span starts the trace, the service's server span is a child of the gateway's client span,
     * its relay publishes the event, and the consumers' spans are children of a publish span of the trace.
     */
    private static void showsEveryHop(
            List<ReceivedSpan> trace, String service, String publication, Set<String> consumedBy) {
        var gatewayServer = single(trace, "gateway", Kind.SERVER);
        assertThat(gatewayServer.parentSpanId())
                .as("the gateway starts the trace")
                .isEmpty();
        var serviceServer = single(trace, service, Kind.SERVER);
        assertThat(byId(trace, serviceServer.parentSpanId()))
                .as("%s's server span is a child of the gateway's client span", service)
                .satisfies(parent -> {
                    assertThat(parent.service()).isEqualTo("gateway");
                    assertThat(parent.kind()).isEqualTo(Kind.CLIENT);
                });
        assertThat(trace)
                .as("%s's outbox relay publishes in the request's trace", service)
                .anySatisfy(span -> {
                    assertThat(span.service()).isEqualTo(service);
                    assertThat(span.kind()).isEqualTo(Kind.PRODUCER);
                    assertThat(span.name()).isEqualTo(publication);
                });
        var consumers =
                trace.stream().filter(span -> span.kind() == Kind.CONSUMER).toList();
        assertThat(consumers.stream().map(ReceivedSpan::service).collect(Collectors.toSet()))
                .as("consume spans of every consuming service")
                .containsAll(consumedBy);
        assertThat(consumers)
                .as("each consume span is a child of a publish span of the same trace (the Kafka hop)")
                .allSatisfy(consumer ->
                        assertThat(byId(trace, consumer.parentSpanId()).kind()).isEqualTo(Kind.PRODUCER));
    }

    /** The traces in which the service published a span of that name. */
    private static List<List<ReceivedSpan>> traces(String service, String name) {
        return receiver.spans().stream()
                .filter(span -> span.service().equals(service) && span.name().equals(name))
                .map(ReceivedSpan::traceId)
                .distinct()
                .map(receiver::spansOf)
                .toList();
    }

    private static String summary() {
        return receiver.spans().stream()
                .filter(span -> span.kind() == Kind.PRODUCER)
                .map(ReceivedSpan::traceId)
                .distinct()
                .map(receiver::spansOf)
                .map(trace -> trace.stream()
                        .map(span -> span.service() + " " + span.kind() + " " + span.name())
                        .sorted()
                        .collect(Collectors.joining("\n  ", trace.getFirst().traceId() + ":\n  ", "")))
                .collect(Collectors.joining("\n"));
    }

    private static ReceivedSpan single(List<ReceivedSpan> trace, String service, Kind kind) {
        var found = trace.stream()
                .filter(span -> span.service().equals(service) && span.kind() == kind)
                .toList();
        assertThat(found).as("%s %s spans", service, kind).hasSize(1);
        return found.getFirst();
    }

    private static ReceivedSpan byId(List<ReceivedSpan> trace, String spanId) {
        Map<String, ReceivedSpan> byId =
                trace.stream().collect(Collectors.toMap(ReceivedSpan::spanId, span -> span, (a, b) -> a));
        assertThat(byId).as("span %s in the trace", spanId).containsKey(spanId);
        return byId.get(spanId);
    }
}
