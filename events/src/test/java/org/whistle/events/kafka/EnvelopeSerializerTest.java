package org.whistle.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.whistle.events.EventEnvelope;
import org.whistle.events.EventHeaders;
import org.whistle.events.Rating;
import org.whistle.events.TraceIds;
import org.whistle.events.WhistleFeedback;
import org.whistle.events.WhistleId;

class EnvelopeSerializerTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    private final EventEnvelope<WhistleFeedback> envelope = EventEnvelope.wrap(
            new WhistleFeedback(WhistleId.newId(), null, Rating.SATISFIED, true, "好", Instant.EPOCH),
            1,
            "test",
            TRACE,
            Clock.systemUTC());

    @Test
    void keepsATraceparentOfTheEnvelopesTraceThatATracedProducerPutOnTheRecord() {
        var headers = new RecordHeaders();
        var producerSpan = "00-" + TRACE + "-00f067aa0ba902b7-01";
        headers.add(EventHeaders.TRACEPARENT, producerSpan.getBytes(StandardCharsets.UTF_8));

        new EnvelopeSerializer().serialize("topic", headers, envelope);

        assertThat(headers.headers(EventHeaders.TRACEPARENT)).hasSize(1);
        assertThat(new String(headers.lastHeader(EventHeaders.TRACEPARENT).value(), StandardCharsets.UTF_8))
                .isEqualTo(producerSpan);
    }

    @Test
    void writesTheEnvelopesTraceOverAnyOther() {
        var headers = new RecordHeaders();
        headers.add(
                EventHeaders.TRACEPARENT,
                ("00-" + TraceIds.newTraceId() + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));

        new EnvelopeSerializer().serialize("topic", headers, envelope);

        assertThat(headers.headers(EventHeaders.TRACEPARENT)).hasSize(1);
        var written = new String(headers.lastHeader(EventHeaders.TRACEPARENT).value(), StandardCharsets.UTF_8);
        assertThat(TraceIds.traceIdOf(written)).isEqualTo(TRACE);
    }
}
