package org.whistle.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.whistle.gateway.EdgeProperties.Resilience;

class CircuitBreakerConfigurationTest {

    @Test
    void probesSoonAfterOpeningThenDoublesTheWaitUpToTheLongest() {
        var waits =
                CircuitBreakerConfiguration.openStateWaits(resilience(Duration.ofSeconds(2), Duration.ofSeconds(15)));

        assertThat(waits.apply(1)).isEqualTo(2_000);
        assertThat(waits.apply(2)).isEqualTo(4_000);
        assertThat(waits.apply(3)).isEqualTo(8_000);
        assertThat(waits.apply(4)).isEqualTo(15_000);
        assertThat(waits.apply(10)).isEqualTo(15_000);
    }

    @Test
    void withoutALongestWaitEveryWaitIsTheFirst() {
        var waits = CircuitBreakerConfiguration.openStateWaits(resilience(Duration.ofMinutes(1), null));

        assertThat(waits.apply(1)).isEqualTo(60_000);
        assertThat(waits.apply(5)).isEqualTo(60_000);
    }

    @Test
    void letsTwoHundredCallsAtOnceThroughToEachServiceAndDoesNotCountSheddingAsTheServiceFailing() {
        var resilience = resilience(Duration.ofSeconds(2), Duration.ofSeconds(15));
        var bulkhead = Bulkhead.of("dispatch", CircuitBreakerConfiguration.bulkhead(resilience));
        for (var i = 0; i < 200; i++) {
            assertThat(bulkhead.tryAcquirePermission()).isTrue();
        }
        assertThat(bulkhead.tryAcquirePermission()).isFalse();

        var breaker = CircuitBreakerConfiguration.breaker(resilience);
        assertThat(breaker.getIgnoreExceptionPredicate()
                        .test(BulkheadFullException.createBulkheadFullException(bulkhead)))
                .isTrue();
        assertThat(breaker.getRecordExceptionPredicate().test(new java.io.IOException("connection refused")))
                .isTrue();
    }

    private static Resilience resilience(Duration wait, Duration longest) {
        return new Resilience(Duration.ofSeconds(10), 50, 20, 10, wait, longest, Duration.ofSeconds(5), 200);
    }
}
