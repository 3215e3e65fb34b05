package org.whistle.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceIdsTest {

    @Test
    void buildsATraceparentThatCarriesTheTraceId() {
        var traceId = TraceIds.newTraceId();

        var header = TraceIds.traceparent(traceId);

        assertThat(header).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(TraceIds.traceIdOf(header)).isEqualTo(traceId);
    }

    @Test
    void startsANewTraceWhenTheHeaderIsMissingMalformedOrAllZero() {
        assertThat(TraceIds.isValidTraceId(TraceIds.traceIdOf(null))).isTrue();
        assertThat(TraceIds.traceIdOf("garbage")).hasSize(32);
        assertThat(TraceIds.traceIdOf("00-" + "0".repeat(32) + "-00f067aa0ba902b7-01"))
                .isNotEqualTo("0".repeat(32));
    }
}
